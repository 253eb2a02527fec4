import { useTranslation } from 'react-i18next';
import type { OutreachAlert } from '@shared/outreach';
import { useMainEvent } from '../../api';
import { type ToastTone, useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../format/time';

const tones: Record<OutreachAlert['kind'], ToastTone> = {
  finished: 'success',
  quota_paused: 'info',
  quota_resumed: 'info',
  failing: 'error',
};

/**
 * Outreach news wherever the merchant is (docs/outreach.md, "Alerts"): main announces each occurrence once;
 * the Electron shell also shows it as a desktop notification, the window as a toast.
 */
export function useOutreachAlerts(): void {
  const { t, i18n } = useTranslation();
  const { showToast } = useToasts();
  useMainEvent('outreach:alert', (a) => {
    const number = new Intl.NumberFormat(i18n.language);
    showToast({
      tone: tones[a.kind],
      message: t(`outreach.alerts.${a.kind}`, {
        name: a.name,
        sent: number.format(a.sent),
        failed: number.format(a.failed),
        skipped: number.format(a.skipped),
        at: a.resumeAt === null ? '' : formatDateTime(a.resumeAt, i18n.language),
      }),
    });
  });
}
