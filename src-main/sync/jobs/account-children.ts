import { AppError } from '@shared/errors';
import { type ChildCounts, writeAdvertisers, writeShops } from '../../accounts/children';
import type { Profile } from '../../profile/profile';
import type { TokenBucket } from '../../tiktok/token-bucket';
import { getAdvertisers } from '../../tiktok/ads/advertisers';
import { getAuthorizedShops } from '../../tiktok/shop/shops';
import { type JobEnv, type JobResult } from '../job';
import { syncTexts } from '../texts';

/**
 * The Account-level resources: which shops (advertisers) the grant reaches now. They run before the
 * per-shop (per-advertiser) jobs of a run, which then sync the list as it just came back.
 */

export interface AccountJobEnv extends JobEnv {
  profile: Profile;
  /** The app's API for Business bucket, shared with the advertisers' data jobs. */
  adsBucket: TokenBucket;
}

function result(env: JobEnv, rows: number, c: ChildCounts): JobResult {
  const r: JobResult = { pages: 1, rows, inserted: c.inserted, updated: c.updated + c.removed };
  env.progress({ ...r, total: rows });
  return r;
}

export async function shopsJob(env: AccountJobEnv): Promise<JobResult> {
  const { profile } = env;
  const app = {
    apiBase: profile.shopApiBase,
    appKey: profile.shop.appKey,
    appSecret: profile.shop.appSecret,
  };
  const shops = await env.withToken((token) => getAuthorizedShops(app, token, env.logger));
  // An empty list is not taken as "stop syncing everything": the merchant has to reconnect and choose.
  if (shops.length === 0) throw new AppError('REMOTE', syncTexts.noShop());
  const counts = env.db.transaction(() => writeShops(env.db, env.accountId, shops)).immediate();
  return result(env, shops.length, counts);
}

export async function advertisersJob(env: AccountJobEnv): Promise<JobResult> {
  const { profile } = env;
  const app = { base: profile.adsBase, appId: profile.ads.appId, secret: profile.ads.secret };
  const known = env.db
    .prepare('SELECT advertiser_id FROM advertisers WHERE account_id = ?')
    .pluck()
    .all(env.accountId) as string[];
  const advertisers = await env.withToken((token) =>
    getAdvertisers(app, token, known, env.logger, env.adsBucket),
  );
  if (advertisers.length === 0) throw new AppError('REMOTE', syncTexts.noAdvertiser());
  const counts = env.db.transaction(() => writeAdvertisers(env.db, env.accountId, advertisers)).immediate();
  return result(env, advertisers.length, counts);
}
