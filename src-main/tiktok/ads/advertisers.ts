import { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { TokenBucket } from '../token-bucket';
import type { AdsApp } from './auth';
import { adsRequest } from './request';

const advertiserGetSchema = z.object({
  list: z.array(z.object({ advertiser_id: z.string().min(1), advertiser_name: z.string() })),
});

const advertiserInfoSchema = z.object({
  list: z.array(
    z.object({
      advertiser_id: z.string().min(1),
      name: z.string().optional(),
      currency: z.string().nullish(),
      timezone: z.string().nullish(),
      status: z.string().nullish(),
    }),
  ),
});

export interface AdvertiserInfo {
  advertiserId: string;
  name: string;
  currency: string | null;
  timezone: string | null;
  status: string | null;
}

/** At most 100 ids per advertiser/info call (B2). */
const INFO_BATCH = 100;

/**
 * Every advertiser the token reaches (`oauth2/advertiser/get/`) with its details (`advertiser/info/`).
 * `advertiserIds` from the token exchange come first; ids only the listing knows are added.
 */
export async function getAdvertisers(
  app: AdsApp,
  accessToken: string,
  advertiserIds: readonly string[],
  logger?: Logger,
  /** The app's ads bucket: these calls count against the same per-app limit as the data calls. */
  bucket?: TokenBucket,
): Promise<AdvertiserInfo[]> {
  const listed = await adsRequest({
    base: app.base,
    accessToken,
    method: 'GET',
    path: '/open_api/v1.3/oauth2/advertiser/get/',
    query: { app_id: app.appId, secret: app.secret },
    data: advertiserGetSchema,
    logger,
    bucket,
  });
  const names = new Map(listed.list.map((a) => [a.advertiser_id, a.advertiser_name]));
  const ids = [...new Set([...advertiserIds, ...names.keys()])];
  const out: AdvertiserInfo[] = [];
  for (let i = 0; i < ids.length; i += INFO_BATCH) {
    const batch = ids.slice(i, i + INFO_BATCH);
    const info = await adsRequest({
      base: app.base,
      accessToken,
      method: 'GET',
      path: '/open_api/v1.3/advertiser/info/',
      query: { advertiser_ids: batch, fields: ['advertiser_id', 'name', 'currency', 'timezone', 'status'] },
      data: advertiserInfoSchema,
      logger,
      bucket,
    });
    for (const a of info.list) {
      out.push({
        advertiserId: a.advertiser_id,
        name: a.name ?? names.get(a.advertiser_id) ?? a.advertiser_id,
        currency: a.currency ?? null,
        timezone: a.timezone ?? null,
        status: a.status ?? null,
      });
    }
  }
  return out;
}
