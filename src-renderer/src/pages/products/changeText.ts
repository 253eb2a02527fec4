import type { TFunction } from 'i18next';
import type { Refusal, SkuValue, WriteState } from '@shared/catalogue';
import { formatMoney } from '../../format/money';

/** The refusals a merchant fixes in the form (the value itself is wrong), shown beside the field. */
export const valueRefusals: ReadonlySet<string> = new Set([
  'notNumber',
  'negative',
  'tooManyDecimals',
  'tooLarge',
  'zeroPrice',
  'stockRange',
]);

/** Why a SKU was refused or failed, in the merchant's language; TikTok's own message when TikTok refused it. */
export function reasonText(t: TFunction, outcome: Refusal): string {
  if (outcome.reason === 'remote') return t('products.reason.remote', { message: outcome.message });
  return t(`products.reason.${outcome.reason}`, outcome.params);
}

/** A price, or stock as "12" / "A: 5 · B: 7" per warehouse. */
export function valueText(value: SkuValue | null, language: string): string {
  if (!value) return '—';
  if (value.kind === 'price') return formatMoney(value.price, language);
  const number = new Intl.NumberFormat(language);
  if (value.warehouses.length === 1) return number.format(value.warehouses[0]!.quantity);
  return value.warehouses.map((w) => `${w.warehouseId}: ${number.format(w.quantity)}`).join(' · ');
}

export function stateTone(state: WriteState): 'success' | 'danger' | 'warning' | 'muted' | 'accent' {
  if (state === 'done') return 'success';
  if (state === 'failed' || state === 'refused') return 'danger';
  if (state === 'conflict' || state === 'unknown') return 'warning';
  if (state === 'cancelled') return 'muted';
  return 'accent';
}
