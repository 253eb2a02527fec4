import type { z } from 'zod';
import { header, json, type Reply, type SandboxRequest } from '../http';
import { requestId } from '../ids';
import type { SandboxState } from '../state';
import type { AdvertiserRecord } from '../data/dataset';

/** API for Business return codes (docs/tiktok-api/ads.md). Errors come back with HTTP 200. */
export const adsCodes = {
  ok: 0,
  permission: 40001,
  param: 40002,
  notExist: 40007,
  tooFrequent: 40100,
  invalidPartner: 40101,
  tokenExpired: 40102,
  emptyToken: 40104,
  invalidToken: 40105,
  authCode: 40110,
  appForbidden: 40113,
  system: 50000,
} as const;

export class AdsError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function adsEnvelope(state: SandboxState, code: number, message: string, data: unknown): Reply {
  return json(200, { code, message, request_id: requestId(state.clock.nowMs()), data: data ?? {} }, code);
}

/** GET parameters carrying arrays/objects are JSON-encoded strings (A1). */
export function jsonParam<T extends z.ZodType>(
  req: SandboxRequest,
  name: string,
  schema: T,
  required: boolean,
): z.infer<T> | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') {
    if (required) throw new AdsError(adsCodes.param, `${name}: Missing data for required field.`);
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw) as unknown;
  } catch {
    throw new AdsError(adsCodes.param, `${name}: must be JSON-encoded (e.g. ["1","2"]).`);
  }
  const result = schema.safeParse(value);
  if (!result.success)
    throw new AdsError(adsCodes.param, `${name}: ${result.error.issues[0]?.message ?? 'invalid value'}.`);
  return result.data;
}

export function intParam(
  req: SandboxRequest,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new AdsError(adsCodes.param, `${name}: Not a valid integer.`);
  const n = Number(raw);
  if (n < min || n > max) throw new AdsError(adsCodes.param, `${name}: Must be between ${min} and ${max}.`);
  return n;
}

export interface AdsAuth {
  grant: number;
  advertisers: AdvertiserRecord[];
}

/** Access-Token header (not Bearer); missing → 40104, unknown or revoked → 40105; per-app QPS → 40100. */
export function adsAuth(state: SandboxState, req: SandboxRequest): AdsAuth {
  const token = header(req, 'access-token') ?? '';
  if (token === '')
    throw new AdsError(adsCodes.emptyToken, 'Access token is null; put it in the Access-Token HTTP header.');
  const check = state.tokens.check(token, 'ads_access', state.clock.nowSec());
  if (!check.ok && check.reason === 'expired')
    throw new AdsError(adsCodes.tokenExpired, 'Access token has expired.');
  if (!check.ok) throw new AdsError(adsCodes.invalidToken, 'Access token is incorrect or has been revoked.');
  if (!state.adsPerSecond.hit(`ads:${state.creds.ads.appId}`, state.config.adsQps, state.clock.nowMs())) {
    throw new AdsError(adsCodes.tooFrequent, 'Requests made too frequently. Please try again later.');
  }
  return { grant: check.claims.grant, advertisers: state.dataset.ads.advertisers.filter((a) => a.granted) };
}

export function grantedAdvertiser(auth: AdsAuth, id: string | null): AdvertiserRecord {
  if (id === null || id === '')
    throw new AdsError(adsCodes.param, 'advertiser_id: Missing data for required field.');
  const adv = auth.advertisers.find((a) => a.id === id);
  if (!adv)
    throw new AdsError(
      adsCodes.permission,
      `No permission to operate advertiser ${id}; the access token was not granted it.`,
    );
  return adv;
}

export function dateTime(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function pageInfo(
  page: number,
  pageSize: number,
  total: number,
): { page: number; page_size: number; total_number: number; total_page: number } {
  return { page, page_size: pageSize, total_number: total, total_page: Math.ceil(total / pageSize) };
}

export function pickFields(
  obj: Record<string, unknown>,
  fields: string[] | undefined,
): Record<string, unknown> {
  if (!fields || fields.length === 0) return obj;
  return Object.fromEntries(fields.filter((f) => f in obj).map((f) => [f, obj[f]]));
}
