import type { TFunction } from 'i18next';

/** Where each history kind's status codes (TikTok's, or the CRM's for a collaboration) are put in words. */
const statusKeys: Partial<Record<string, (status: string) => string>> = {
  sample: (s) => `samples.status.${s}`,
  order: (s) => `analytics.affiliate.status.${s}`,
  // The CRM says a collaboration was accepted or posted in; otherwise TikTok's collaboration status.
  collaboration: (s) =>
    s === 'accepted' || s === 'posted' ? `creators.stage.${s}` : `collaborations.status.${s}`,
};

/**
 * A history line's status in the merchant's language ("To ship", not AWAITING_SHIPMENT); a code no
 * catalogue knows yet (TikTok adds some) is shown as TikTok sent it rather than hidden.
 */
export function timelineStatus(t: TFunction, kind: string, status: string | null | undefined): string {
  if (!status) return '';
  const key = statusKeys[kind]?.(status);
  return key ? t(key, { defaultValue: status }) : status;
}
