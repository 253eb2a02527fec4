import { useMainEvent } from '../../api';
import { useToasts } from '../../components/Toasts';

/** Says so, wherever the merchant is, when a sync or the hourly check finds sample posts newly overdue. */
export function useSampleOverdueAlerts(): void {
  const { showToast } = useToasts();
  useMainEvent('samples:overdue', (payload) => {
    if (payload.newly.length === 0) return;
    showToast({
      tone: 'info',
      message: { key: 'samples.overdueAlert', params: { count: payload.newly.length } },
    });
  });
}
