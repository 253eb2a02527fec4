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
  const { showToast } = useToasts();
  useMainEvent('outreach:alert', (a) => {
    // Counts and the resume time are formatted when the toast is drawn, in the language shown then.
    const count = (n: number) => (language: string) => new Intl.NumberFormat(language).format(n);
    const resumeAt = a.resumeAt;
    showToast({
      tone: tones[a.kind],
      message: {
        key: `outreach.alerts.${a.kind}`,
        params: {
          name: a.name,
          sent: count(a.sent),
          failed: count(a.failed),
          skipped: count(a.skipped),
          at: resumeAt === null ? '' : (language) => formatDateTime(resumeAt, language),
        },
      },
    });
  });
}
