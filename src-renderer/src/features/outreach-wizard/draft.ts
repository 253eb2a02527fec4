import type { Account } from '@shared/accounts';
import type { CreatorSelection } from '@shared/creator-lists';
import type { OutreachAction, OutreachInputDraft, OutreachPlan, TemplateKind } from '@shared/outreach';
import { zoneOffsetMs } from '@shared/time';

/** What the wizard collects, as the user typed it; `toInput` turns it into `outreach:plan` / `create` input. */

export type Audience =
  | { kind: 'list'; listId: number | null }
  | {
      kind: 'selection';
      selection: CreatorSelection;
      count: number;
      /** Ticked creators the page has loaded, to preview the texts for (a filter selection searches). */
      sample: Array<{ id: number; label: string }>;
    };

/** A template chosen from the saved ones, or written here (saved when the plan is made). */
export interface TemplateChoice {
  templateId: number | null;
  writing: boolean;
  name: string;
  language: 'en' | 'zh-CN';
  body: string;
}

export interface Draft {
  name: string;
  shopKey: string;
  audience: Audience;
  action: OutreachAction;
  /** Chosen products: product id → commission in percent as typed ("15", "12.5"). */
  products: Record<string, string>;
  productTitles: Record<string, string>;
  hasFreeSample: boolean;
  approvalExempt: boolean;
  sellerEmail: string;
  sampleOffer: string;
  templates: Record<TemplateKind, TemplateChoice>;
  /** Empty: as soon as it is confirmed; else a wall time (`2026-12-07T09:30`) in the shop's zone. */
  startAt: string;
  windowOn: boolean;
  windowStart: string;
  windowEnd: string;
  dailyCap: string;
  /** The plan adjusted: creators who would wait for the weekly reset are left out of this Outreach. */
  leaveOutWaiting: boolean;
}

export const maxProducts = 100;

export function emptyDraft(audience: Audience): Draft {
  const choice = (): TemplateChoice => ({
    templateId: null,
    writing: false,
    name: '',
    language: 'en',
    body: '',
  });
  return {
    name: '',
    shopKey: '',
    audience,
    action: 'invite',
    products: {},
    productTitles: {},
    hasFreeSample: false,
    approvalExempt: false,
    sellerEmail: '',
    sampleOffer: '',
    templates: { invitation: choice(), message: choice() },
    startAt: '',
    windowOn: false,
    windowStart: '09:00',
    windowEnd: '18:00',
    dailyCap: '',
    leaveOutWaiting: false,
  };
}

export interface ShopOption {
  accountId: string;
  shopId: string;
  name: string;
  region: string;
}

/** Every connected shop with the Account it belongs to (outreach sends with that Account's grant). */
export function shopsOf(accounts: readonly Account[]): ShopOption[] {
  return accounts
    .filter((a) => a.provider === 'shop')
    .flatMap((a) =>
      a.shops.map((s) => ({ accountId: a.id, shopId: s.shopId, name: s.name, region: s.region })),
    );
}

export const shopKey = (accountId: string, shopId: string): string => `${accountId}|${shopId}`;
export function parseShopKey(key: string): { accountId: string; shopId: string } {
  const at = key.indexOf('|');
  return { accountId: key.slice(0, at), shopId: key.slice(at + 1) };
}

export const needs = (action: OutreachAction): Record<TemplateKind, boolean> => ({
  invitation: action !== 'message',
  message: action !== 'invite',
});

/** "12.5" → 1250 (hundredths of a percent, as TikTok takes it); null when not a number with ≤ 2 decimals. */
export function commissionBp(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 → "12.5%", as main renders {{commission}}. */
export function commissionLabel(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The commission text a template shows: one rate, or the lowest–highest of the chosen products. */
export function commissionText(draft: Draft): string | undefined {
  const rates = Object.values(draft.products)
    .map(commissionBp)
    .filter((bp): bp is number => bp !== null)
    .sort((a, b) => a - b);
  if (rates.length === 0) return undefined;
  const low = rates[0] as number;
  const high = rates.at(-1) as number;
  return low === high ? commissionLabel(low) : `${commissionLabel(low)}–${commissionLabel(high)}`;
}

/** The shop-local wall time an hour from now, on the next quarter hour (`2026-12-07T10:15`): a start to edit. */
export function inAnHour(zone: string, now = Date.now()): string {
  const at = Math.ceil((now + 3_600_000) / 900_000) * 900_000;
  const wall = new Date(at + zoneOffsetMs(at, zone)).toISOString();
  return wall.slice(0, 16);
}

/** A shop-local wall time (`2026-12-07T09:30`) as UTC epoch ms. */
export function zonedToUtc(local: string, zone: string): number {
  const wall = Date.parse(`${local}:00Z`);
  const guess = wall - zoneOffsetMs(wall, zone);
  return wall - zoneOffsetMs(guess, zone);
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The creators a plan keeps when those waiting for the weekly reset are left out (the skipped stay, with why). */
export function keptCreators(plan: OutreachPlan): number[] {
  return plan.rows.filter((r) => r.outcome !== 'next_week').map((r) => r.creatorId);
}

/**
 * The `outreach:plan` / `create` input. `only`: the creators the adjusted plan keeps, sent by id instead of
 * the audience's selection.
 */
export function toInput(
  draft: Draft,
  zone: string,
  ids: Record<TemplateKind, number | null>,
  only?: number[],
): OutreachInputDraft {
  const { accountId, shopId } = parseShopKey(draft.shopKey);
  const need = needs(draft.action);
  const cap = Number(draft.dailyCap);
  const audience =
    draft.audience.kind === 'list'
      ? { filter: { listIds: draft.audience.listId === null ? [] : [draft.audience.listId] }, exceptIds: [] }
      : draft.audience.selection;
  return {
    accountId,
    shopId,
    name: draft.name.trim(),
    action: draft.action,
    ...(only ? { creatorIds: only } : { creatorIds: [], selection: audience }),
    products: need.invitation
      ? Object.entries(draft.products).map(([productId, rate]) => ({
          productId,
          commissionBp: commissionBp(rate) ?? 0,
        }))
      : [],
    freeSample: { hasFreeSample: draft.hasFreeSample, approvalExempt: draft.approvalExempt },
    ...(need.invitation && draft.sellerEmail.trim() ? { sellerEmail: draft.sellerEmail.trim() } : {}),
    ...(need.invitation && ids.invitation !== null ? { invitationTemplateId: ids.invitation } : {}),
    ...(need.message && ids.message !== null ? { messageTemplateId: ids.message } : {}),
    values: {
      ...(draft.sampleOffer.trim() ? { sampleOffer: draft.sampleOffer.trim() } : {}),
      ...(Object.keys(draft.productTitles).length > 0 && Object.keys(draft.products).length > 0
        ? {
            productNames: Object.keys(draft.products)
              .map((id) => draft.productTitles[id] ?? id)
              .join(', '),
          }
        : {}),
    },
    ...(draft.startAt ? { startAt: zonedToUtc(draft.startAt, zone) } : {}),
    window: draft.windowOn
      ? { startMinute: minutes(draft.windowStart), endMinute: minutes(draft.windowEnd) }
      : null,
    dailyCap: draft.dailyCap.trim() && Number.isInteger(cap) && cap > 0 ? cap : null,
    // The weekly pool and pace are the shop's, from Settings: main applies them.
  };
}
