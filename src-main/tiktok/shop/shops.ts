import { z } from 'zod';
import type { Logger } from '../../log/logger';
import { type ShopAppCredentials, shopRequest } from './request';

/** `GET /authorization/202309/shops` (docs/tiktok-api/shop-authorization.md): every shop one grant reaches, with its cipher. */
const authorizedShopsSchema = z.object({
  shops: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      region: z.string().min(2),
      cipher: z.string().min(1),
      seller_type: z.string().nullish(),
      code: z.string().nullish(),
      // Not in the documented shape; honoured if a future version adds it.
      currency: z.string().nullish(),
    }),
  ),
});

export interface AuthorizedShop {
  shopId: string;
  name: string;
  region: string;
  cipher: string;
  sellerType: string | null;
  code: string | null;
  currency: string;
}

/**
 * The API has no currency per shop; a TikTok Shop sells in its market's currency, so the region decides it.
 * Unknown regions get `XXX` (ISO 4217 "no currency") rather than a wrong guess.
 */
const regionCurrency: Readonly<Record<string, string>> = {
  US: 'USD',
  GB: 'GBP',
  UK: 'GBP',
  ID: 'IDR',
  MY: 'MYR',
  PH: 'PHP',
  SG: 'SGD',
  TH: 'THB',
  VN: 'VND',
  MX: 'MXN',
  BR: 'BRL',
  JP: 'JPY',
  ES: 'EUR',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  IE: 'EUR',
  SA: 'SAR',
};

export function currencyForRegion(region: string): string {
  return regionCurrency[region.toUpperCase()] ?? 'XXX';
}

export async function getAuthorizedShops(
  app: ShopAppCredentials,
  accessToken: string,
  logger?: Logger,
): Promise<AuthorizedShop[]> {
  const data = await shopRequest({
    app,
    accessToken,
    method: 'GET',
    path: '/authorization/202309/shops',
    data: authorizedShopsSchema,
    logger,
  });
  return data.shops.map((s) => ({
    shopId: s.id,
    name: s.name,
    region: s.region.toUpperCase(),
    cipher: s.cipher,
    sellerType: s.seller_type ?? null,
    code: s.code ?? null,
    currency: s.currency ?? currencyForRegion(s.region),
  }));
}
