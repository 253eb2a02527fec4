import {
  type ProfileState,
  type ProfileUpdateInput,
  redirectPortSchema,
  type SelectableProfile,
} from '@shared/profile';

/** What the form holds: ports as typed text, secrets empty unless the user is entering a new one. */
export interface ProfileDraft {
  selected: SelectableProfile;
  shop: { appKey: string; serviceId: string; redirectPort: string; appSecret: string };
  ads: { appId: string; redirectPort: string; secret: string };
  identity: { clientKey: string; clientSecret: string };
}

export type SecretField = 'shop.appSecret' | 'ads.secret' | 'identity.clientSecret';
export type PortField = 'shop.redirectPort' | 'ads.redirectPort';

export const portRange = {
  min: redirectPortSchema.minValue ?? 1024,
  max: redirectPortSchema.maxValue ?? 65535,
};

export function draftFromState(state: ProfileState): ProfileDraft {
  const { shop, ads, identity } = state.production;
  return {
    selected: state.selected,
    shop: {
      appKey: shop.appKey,
      serviceId: shop.serviceId,
      redirectPort: String(shop.redirectPort),
      appSecret: '',
    },
    ads: { appId: ads.appId, redirectPort: String(ads.redirectPort), secret: '' },
    identity: { clientKey: identity.clientKey, clientSecret: '' },
  };
}

export function parsePort(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const parsed = redirectPortSchema.safeParse(Number(text));
  return parsed.success ? parsed.data : null;
}

export function invalidPorts(draft: ProfileDraft): PortField[] {
  if (draft.selected !== 'production') return [];
  const out: PortField[] = [];
  if (parsePort(draft.shop.redirectPort) === null) out.push('shop.redirectPort');
  if (parsePort(draft.ads.redirectPort) === null) out.push('ads.redirectPort');
  return out;
}

/**
 * The update to send: production fields only while production is chosen (hidden fields are not saved), and
 * a secret only when a new one was typed, because an empty field means "keep the saved one" in the form.
 * Call only when `invalidPorts` is empty.
 */
export function updateFromDraft(draft: ProfileDraft): ProfileUpdateInput {
  if (draft.selected !== 'production') return { selected: draft.selected };
  const typed = (value: string) => value.trim() !== '';
  const port = (text: string) => parsePort(text) ?? portRange.min;
  return {
    selected: draft.selected,
    production: {
      shop: {
        appKey: draft.shop.appKey,
        serviceId: draft.shop.serviceId,
        redirectPort: port(draft.shop.redirectPort),
        ...(typed(draft.shop.appSecret) ? { appSecret: draft.shop.appSecret } : {}),
      },
      ads: {
        appId: draft.ads.appId,
        redirectPort: port(draft.ads.redirectPort),
        ...(typed(draft.ads.secret) ? { secret: draft.ads.secret } : {}),
      },
      identity: {
        clientKey: draft.identity.clientKey,
        ...(typed(draft.identity.clientSecret) ? { clientSecret: draft.identity.clientSecret } : {}),
      },
    },
  };
}
