import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { TokenBucket } from '../token-bucket';
import { adsRequest } from './request';

/** What every API for Business data client needs for one advertiser. */
export interface AdsDataContext {
  base: string;
  accessToken: string;
  advertiserId: string;
  /** Currency of the advertiser: budgets and spend are converted to its minor units. */
  currency: string;
  bucket?: TokenBucket;
  signal?: AbortSignal;
  logger?: Logger;
}

export function adsCall<S extends z.ZodType>(
  ctx: AdsDataContext,
  path: string,
  query: Record<string, string | number | boolean | readonly unknown[] | Record<string, unknown> | undefined>,
  data: S,
): Promise<z.output<S>> {
  return adsRequest({
    base: ctx.base,
    accessToken: ctx.accessToken,
    method: 'GET',
    path,
    query: { advertiser_id: ctx.advertiserId, ...query },
    data,
    bucket: ctx.bucket,
    signal: ctx.signal,
    logger: ctx.logger,
  });
}
