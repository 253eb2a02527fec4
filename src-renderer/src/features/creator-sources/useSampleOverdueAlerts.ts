import { useTranslation } from 'react-i18next';
import { useMainEvent } from '../../api';
import { useToasts } from '../../components/Toasts';

/** Says so, wherever the merchant is, when a sync or the hourly check finds sample posts newly overdue. */
export function useSampleOverdueAlerts(): void {
  const { t } = useTranslation();
  const { showToast } = useToasts();
  useMainEvent('samples:overdue', (payload) => {
    if (payload.newly.length === 0) return;
    showToast({ tone: 'info', message: t('samples.overdueAlert', { count: payload.newly.length }) });
  });
}
