import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  signShopRequest,
  startSandbox,
  type SandboxHandle,
  type SandboxInfo,
  type SandboxOptions,
} from '../../../src-main/sandbox/index';

/** Test-side client for the sandbox: plays the browser on consent screens and signs Shop calls like TikTok's SDK. */

export async function start(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ scale: 'tiny', seed: 7, ...options });
}

/**
 * A sandbox reply is read with the shape the test relies on: `z.parse` names the field when the sandbox
 * sends something else, instead of a test reading `undefined` from an untyped object.
 */
export async function jsonOf<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  return schema.parse(await res.json());
}

/** A Shop API or gateway refusal as TikTok sends it: a numeric code and a message. */
export const shopEnvelope = z.object({ code: z.number(), message: z.string() }).loose();

export async function admin(
  info: SandboxInfo,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${info.adminBase}${path}`, {
    method,
    headers: { authorization: `Bearer ${info.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** An admin call whose answer the test reads, with the shape it reads. */
export async function adminJson<S extends z.ZodType>(
  info: SandboxInfo,
  method: string,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  return schema.parse((await admin(info, method, path, body)).json);
}

export async function sandboxNow(info: SandboxInfo): Promise<number> {
  return (await adminJson(info, 'GET', '/clock', z.object({ nowSec: z.number() }))).nowSec;
}

export interface Form {
  action: string;
  fields: Array<[string, string]>;
}

/** Reads the consent form: hidden inputs and checked checkboxes, as a browser would submit them. */
export function parseForm(html: string): Form {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no form on the page');
  const fields: Array<[string, string]> = [];
  for (const m of html.matchAll(
    /<input type="(hidden|checkbox)" name="([^"]+)" value="([^"]*)"( checked)?>/g,
  )) {
    if (m[1] === 'hidden' || m[4]) fields.push([m[2]!, m[3]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')]);
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}

/** GET the consent page, submit it with the chosen button, return the redirect target. */
export async function consent(
  pageUrl: string,
  decision: 'authorize' | 'deny',
  untick: string[] = [],
): Promise<URL> {
  const page = await fetch(pageUrl);
  if (page.status !== 200) throw new Error(`consent page ${page.status}: ${await page.text()}`);
  const form = parseForm(await page.text());
  const origin = new URL(pageUrl).origin;
  const body = new URLSearchParams(form.fields.filter(([k, v]) => !(k === 'scope' && untick.includes(v))));
  body.append('decision', decision);
  const res = await fetch(new URL(form.action, origin), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(location);
}

/** Login Kit's PKCE as TikTok does it: a 64-character verifier whose challenge is its SHA-256 in hex. */
export const loginVerifier = (): string => randomBytes(48).toString('base64url').slice(0, 64);
export const loginChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('hex');

/** POSTs Login Kit's token endpoint as the app does: form-encoded, with the app's client key and secret. */
export async function loginTokenRequest(info: SandboxInfo, form: Record<string, string>): Promise<Response> {
  return fetch(`${info.identityBase}/v2/oauth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: info.identity.clientKey,
      client_secret: info.identity.clientSecret,
      ...form,
    }),
  });
}

export interface ShopTokens {
  access_token: string;
  refresh_token: string;
  access_token_expire_in: number;
  refresh_token_expire_in: number;
  granted_scopes: string[];
}

export async function shopAuthorize(info: SandboxInfo, untick: string[] = []): Promise<ShopTokens> {
  const redirect = await consent(
    `${info.shopAuthorizeUrl}?service_id=${info.shop.serviceId}&state=s1`,
    'authorize',
    untick,
  );
  const code = redirect.searchParams.get('code') ?? '';
  const q = new URLSearchParams({
    app_key: info.shop.appKey,
    app_secret: info.shop.appSecret,
    auth_code: code,
    grant_type: 'authorized_code',
  });
  const body = (await (await fetch(`${info.shopAuthBase}/api/v2/token/get?${q}`)).json()) as {
    code: number;
    data: ShopTokens;
  };
  if (body.code !== 0) throw new Error(`token/get failed: ${JSON.stringify(body)}`);
  return body.data;
}

export interface ShopCall {
  method?: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  token?: string;
  cipher?: string;
  timestamp?: number;
  /** Override the computed signature. */
  sign?: string;
  headers?: Record<string, string>;
  rawBody?: string;
}

const shopReplySchema = z.object({
  code: z.number(),
  message: z.string(),
  request_id: z.string(),
  data: z.unknown(),
});

/** A Shop API reply: the envelope typed, `data` read with the shape a test relies on (`dataOf`). */
export interface ShopResponse {
  status: number;
  json: z.output<typeof shopReplySchema>;
}

/** The reply's `data` in the shape the test reads (a zod error names what the sandbox sent instead). */
export function dataOf<S extends z.ZodType>(r: ShopResponse, schema: S): z.output<S> {
  return schema.parse(r.json.data);
}

export async function shop(info: SandboxInfo, path: string, call: ShopCall = {}): Promise<ShopResponse> {
  const timestamp = call.timestamp ?? (await sandboxNow(info));
  const query: Record<string, string | string[]> = {
    app_key: info.shop.appKey,
    timestamp: String(timestamp),
    ...(call.query ?? {}),
  };
  if (call.cipher) query.shop_cipher = call.cipher;
  const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const sign =
    call.sign ??
    signShopRequest({
      appSecret: info.shop.appSecret,
      path,
      query,
      body: body ?? null,
      contentType: 'application/json',
    });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) qs.set(k, Array.isArray(v) ? v.join(',') : v);
  qs.set('sign', sign);
  const res = await fetch(`${info.shopApiBase}${path}?${qs}`, {
    method: call.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      ...(call.token ? { 'x-tts-access-token': call.token } : {}),
      ...(call.headers ?? {}),
    },
    body,
  });
  return { status: res.status, json: shopReplySchema.parse(await res.json()) };
}

export async function shopsOf(
  info: SandboxInfo,
  token: string,
): Promise<Array<{ id: string; cipher: string; region: string }>> {
  const r = await shop(info, '/authorization/202309/shops', { token });
  const authorized = z.object({ id: z.string(), cipher: z.string(), region: z.string() }).loose();
  return dataOf(r, z.object({ shops: z.array(authorized) })).shops;
}

/** Walks every page of a cursor-paginated Shop API search and returns all items, each read as `item`. */
export async function allPages<T>(
  fetchPage: (token: string | undefined) => Promise<ShopResponse>,
  key: string,
  item: z.ZodType<T>,
): Promise<{ items: T[]; pages: number }> {
  const page = z.object({ next_page_token: z.string().optional() }).loose();
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    const r = await fetchPage(token);
    if (r.json.code !== 0) throw new Error(`page failed: ${JSON.stringify(r.json)}`);
    const data = dataOf(r, page);
    items.push(...z.array(item).parse(data[key]));
    pages++;
    token = data.next_page_token;
    if (!token) return { items, pages };
    if (pages > 10_000) throw new Error('runaway pagination');
  }
}

/** Upload Message Image as TikTok's SDK sends it: multipart, the file in `data`, the body left out of the sign. */
export async function uploadImage(
  info: SandboxInfo,
  token: string,
  bytes: Uint8Array,
): Promise<ShopResponse> {
  const path = '/affiliate_seller/202511/images/upload';
  const query = { app_key: info.shop.appKey, timestamp: String(await sandboxNow(info)) };
  const form = new FormData();
  form.append('data', new Blob([bytes], { type: 'image/png' }), 'a.png');
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  const sign = signShopRequest({ appSecret: info.shop.appSecret, path, query, body: null, contentType });
  const qs = new URLSearchParams({ ...query, sign });
  const res = await fetch(`${info.shopApiBase}${path}?${qs}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-tts-access-token': token },
    body: new Uint8Array(await encoded.arrayBuffer()),
  });
  return { status: res.status, json: shopReplySchema.parse(await res.json()) };
}

/** A 1280×720 PNG as far as its header says (enough for an upload's size check). */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}
