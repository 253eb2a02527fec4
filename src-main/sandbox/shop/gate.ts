import type { Logger } from '../../log/logger';
import { contentType, header, json, jsonText, RawJson, type Reply, type SandboxRequest } from '../http';
import { requestId } from '../ids';
import { JsonWriter } from '../json-writer';
import type { Router } from '../router';
import { parseRawQuery, verifyShopSignature } from '../../tiktok/shop/signing';
import type { SandboxState } from '../state';
import type { ShopContext, ShopRoute, UploadedFile } from './context';
import { ShopApiError, httpStatusFor, invalidParam, shopCodes } from './errors';
import { hasScope, shopScopes } from './scopes';

export function shopEnvelope(state: SandboxState, code: number, message: string, data: unknown): Reply {
  const request_id = requestId(state.clock.nowMs());
  if (data instanceof RawJson) {
    // The same bytes JSON.stringify gives for the object below: the head without its `}`, then `data` last.
    const head = JSON.stringify({ code, message, request_id });
    const w = new JsonWriter().raw(head.slice(0, -1)).raw(',"data":');
    data.write(w);
    return jsonText(httpStatusFor(code), w.raw('}').bytes(), code);
  }
  return json(httpStatusFor(code), { code, message, request_id, data }, code);
}

/**
 * The Open API gateway, in the order docs/tiktok-api/shop-conventions.md gives: path → app_key → sign present → timestamp →
 * signature → token → scope → shop_cipher → rate limit. TikTok does not publish the order.
 */
export async function handleShopApi(
  state: SandboxState,
  router: Router<ShopRoute>,
  req: SandboxRequest,
  logger: Logger,
): Promise<Reply> {
  try {
    const data = await gateAndRun(state, router, req);
    return shopEnvelope(state, 0, 'Success', data);
  } catch (err) {
    if (err instanceof ShopApiError) return shopEnvelope(state, err.code, err.message, err.data);
    logger.error({ err, path: req.path }, 'sandbox shop handler failed');
    return shopEnvelope(state, shopCodes.internal, 'Internal error, please retry', null);
  }
}

/** A multipart body's fields, parsed by the platform's own form-data reader; files as UploadedFile. */
async function multipartFields(req: SandboxRequest): Promise<Record<string, unknown>> {
  const ct = contentType(req);
  if (!ct.startsWith('multipart/form-data'))
    throw invalidParam('The request body must be multipart/form-data.');
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': ct } }).formData();
  } catch {
    throw invalidParam('The multipart body could not be read.');
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form) {
    fields[key] =
      typeof value === 'string'
        ? value
        : ({
            name: value.name,
            type: value.type,
            bytes: Buffer.from(await value.arrayBuffer()),
          } satisfies UploadedFile);
  }
  return fields;
}

async function gateAndRun(
  state: SandboxState,
  router: Router<ShopRoute>,
  req: SandboxRequest,
): Promise<unknown> {
  const match = router.match(req.method, req.path);
  if (match.kind === 'none') throw new ShopApiError(shopCodes.unknownPath, `Path not found: ${req.path}`);
  if (match.kind === 'version')
    throw new ShopApiError(shopCodes.badVersion, 'The API version in the path is invalid or retired');
  if (match.kind === 'method')
    throw new ShopApiError(
      shopCodes.methodNotAllowed,
      `Method ${req.method} is not supported; use ${match.allowed.join(', ')}`,
    );
  const route = match.meta;

  const pairs = parseRawQuery(req.rawQuery);
  const query = new Map<string, string>();
  for (const [k, v] of pairs) query.set(k, query.has(k) ? `${query.get(k)},${v}` : v);
  const { creds, config } = state;
  const now = state.clock.nowSec();

  const appKey = query.get('app_key');
  if (appKey !== creds.shop.appKey)
    throw new ShopApiError(
      shopCodes.invalidCommon,
      "Invalid credentials. The 'app_key' query parameter is invalid.",
    );
  const sign = query.get('sign');
  if (sign === undefined || sign === '')
    throw new ShopApiError(shopCodes.invalidCommon, "The 'sign' query parameter is missing.");
  const tsRaw = query.get('timestamp') ?? '';
  const ts = /^\d{1,12}$/.test(tsRaw) ? Number(tsRaw) : NaN;
  if (!Number.isFinite(ts))
    throw new ShopApiError(
      shopCodes.invalidCommon,
      "The 'timestamp' query parameter is missing or not Unix seconds.",
    );
  if (ts < now - config.timestampPastSec || ts > now + config.timestampFutureSec) {
    throw new ShopApiError(
      shopCodes.invalidCommon,
      `The 'timestamp' is outside the accepted window [now-${config.timestampPastSec}s, now+${config.timestampFutureSec}s]; server time is ${now}.`,
    );
  }
  const signed = verifyShopSignature(
    {
      appSecret: creds.shop.appSecret,
      path: req.path,
      query: pairs,
      body: req.body,
      contentType: contentType(req),
    },
    sign,
  );
  if (!signed)
    throw new ShopApiError(
      shopCodes.badSign,
      "Invalid credentials. The 'sign' query parameter is invalid. For more details: https://partner.tiktokshop.com/docv2/page/sign-your-api-request",
    );

  const token = header(req, 'x-tts-access-token') ?? '';
  if (token === '')
    throw new ShopApiError(
      shopCodes.invalidCommon,
      "Invalid credentials. The 'x-tts-access-token' header is missing.",
    );
  const check = state.tokens.check(token, 'shop_access', now);
  if (!check.ok && check.reason === 'expired')
    throw new ShopApiError(shopCodes.tokenExpired, 'Access token is expired, please refresh it.');
  if (!check.ok)
    throw new ShopApiError(
      shopCodes.invalidCommon,
      "Invalid credentials. The 'x-tts-access-token' header is invalid.",
    );
  if (!hasScope(shopScopes, check.claims.scopes, route.scope)) {
    throw new ShopApiError(
      shopCodes.missingScope,
      `The access token does not have the scope '${route.scope}' this API requires.`,
    );
  }

  const cipher = query.get('shop_cipher');
  let shop = null;
  if (route.cipher === 'forbidden' && cipher !== undefined) {
    throw new ShopApiError(
      shopCodes.invalidCommon,
      "Unexpected identifier 'shop_cipher': this API does not take a shop_cipher.",
    );
  }
  if (route.cipher === 'required') {
    if (cipher === undefined || cipher === '')
      throw new ShopApiError(shopCodes.cipherMissing, "The 'shop_cipher' query parameter is required.");
    // One seller owns every generated shop, so any grant covers them all; a foreign cipher does not match.
    shop = state.dataset.shops.find((s) => s.cipher === cipher) ?? null;
    if (!shop)
      throw new ShopApiError(
        shopCodes.tokenMismatch,
        'The shop_cipher does not match a shop authorized by this access token.',
      );
  }

  const bucket = `${appKey}:${shop?.cipher ?? '-'}:${route.name}`;
  if (!state.perSecond.hit(bucket, config.shopQps, state.clock.nowMs())) {
    throw new ShopApiError(
      shopCodes.rateLimited,
      'Too many requests: the rate limit for this API and shop is exceeded. Retry with backoff.',
    );
  }
  if (route.dailyQuota) {
    const day = `quota:${appKey}:${shop?.cipher ?? '-'}:${route.name}`;
    if (!state.perDay.hit(day, config.dailyQuota, state.clock.nowMs())) {
      throw new ShopApiError(
        shopCodes.dailyQuota,
        `The daily limit of ${config.dailyQuota} requests for this API is reached.`,
      );
    }
  }

  let body: unknown;
  if (route.multipart) {
    body = await multipartFields(req);
  } else if (req.body.length > 0) {
    const ct = contentType(req);
    if (!ct.startsWith('application/json'))
      throw new ShopApiError(shopCodes.bodyNotJson, 'The request body must be application/json.');
    try {
      body = JSON.parse(req.body.toString('utf8')) as unknown;
    } catch {
      throw new ShopApiError(shopCodes.bodyNotJson, 'The request body is not valid JSON.');
    }
  }

  const ctx: ShopContext = {
    state,
    req,
    params: match.params,
    query,
    body,
    shop,
    appKey,
    grant: check.claims.grant,
    scopes: check.claims.scopes,
    now,
    version: match.version,
  };
  return route.handler(ctx);
}
