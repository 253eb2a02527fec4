import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { AppError } from '@shared/errors';
import { imageInfo, type ImageMime } from '../core/image-info';
import { tiktokTexts } from './texts';

/**
 * Fetching a picture TikTok named (a product's `main_images`), for main to hand the renderer, whose CSP
 * allows no remote image. The address is untrusted (it comes from an API answer), so every rule that keeps
 * this from being a way into the merchant's network is here (facts and choices:
 * docs/tiktok-api/product-images.md):
 *
 * - only the Profile's image sources: TikTok's CDN hosts over https (`https://*.ibyteimg.com`), which must
 *   resolve to public addresses, or an exact base such as the sandbox's `http://127.0.0.1:<port>/media`;
 * - no credentials or other ports in the address; a redirect is followed only to an address that passes the
 *   same rules, at most three times;
 * - the answer must say it is a JPEG, PNG, GIF or WebP picture, and its bytes must be one (SVG, which can
 *   carry script, never is); at most `maxBytes`, checked on the declared length and while reading.
 */

export const imageMimes: readonly ImageMime[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/** One allowed source: any subdomain of `suffix` over https on port 443, or addresses under `base`. */
export type ImageRule = { kind: 'subdomains'; suffix: string } | { kind: 'base'; base: URL };

/** `https://*.ibyteimg.com` → subdomains of ibyteimg.com; anything else is an exact base. */
export function parseImageSources(sources: readonly string[]): ImageRule[] {
  return sources.map((source): ImageRule => {
    const wildcard = /^https:\/\/\*\.([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(source);
    if (wildcard) return { kind: 'subdomains', suffix: wildcard[1]!.toLowerCase() };
    const base = new URL(source.replace(/\/+$/, ''));
    return { kind: 'base', base };
  });
}

export type UrlVerdict = { ok: true; url: URL; rule: ImageRule } | { ok: false; host: string };

/** Whether `address` may be fetched under `rules`, and the rule that allows it. */
export function imageUrlVerdict(address: string, rules: readonly ImageRule[]): UrlVerdict {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, host: '?' };
  }
  const refused: UrlVerdict = { ok: false, host: url.host || url.protocol };
  if (url.username !== '' || url.password !== '') return refused;
  for (const rule of rules) {
    if (rule.kind === 'subdomains') {
      const host = url.hostname.toLowerCase();
      if (url.protocol === 'https:' && url.port === '' && host.endsWith(`.${rule.suffix}`))
        return { ok: true, url, rule };
    } else if (
      url.protocol === rule.base.protocol &&
      url.host === rule.base.host &&
      url.pathname.startsWith(`${rule.base.pathname.replace(/\/+$/, '')}/`)
    ) {
      return { ok: true, url, rule };
    }
  }
  return refused;
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges: never a CDN. */
const nonPublic = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  nonPublic.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  nonPublic.addSubnet(net, bits, 'ipv6');

export function isPublicAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  const family = isIP(plain);
  if (family === 0) return false;
  return !nonPublic.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that fails with EADDRNOTPUBLIC when any address a name resolves to is not public. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) {
      const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${bad.address}`);
      refused.code = 'EADDRNOTPUBLIC';
      return callback(refused, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) {
      const none: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
      none.code = 'ENOTFOUND';
      return callback(none, []);
    }
    callback(null, first.address, first.family);
  });
}

export interface FetchedImage {
  bytes: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
}

export interface ImageFetchOptions {
  rules: readonly ImageRule[];
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

const service = 'TikTok';
const offlineCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

type Answer =
  | { kind: 'redirect'; location: string }
  | { kind: 'picture'; bytes: Buffer; declared: string }
  /** A kept-alive connection the host had closed meanwhile: the same GET goes again on a new one. */
  | { kind: 'stale' };

function exchange(url: URL, rule: ImageRule, options: Required<ImageFetchOptions>): Promise<Answer> {
  const lib = url.protocol === 'https:' ? https : http;
  const deadline = AbortSignal.timeout(options.timeoutMs);
  return new Promise((resolve, reject) => {
    const fail = (err: unknown) =>
      reject(
        deadline.aborted
          ? new AppError('REMOTE', tiktokTexts.timeout({ service, seconds: options.timeoutMs / 1000 }))
          : networkError(err),
      );
    const request = lib.get(
      url,
      {
        headers: { accept: imageMimes.join(', ') },
        signal: deadline,
        // A CDN name must not lead into the merchant's network (DNS can say anything).
        ...(rule.kind === 'subdomains' ? { lookup: publicOnlyLookup } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location) {
          res.resume();
          resolve({ kind: 'redirect', location: new URL(location, url).toString() });
          return;
        }
        if (status !== 200) {
          res.resume();
          reject(new AppError('REMOTE', tiktokTexts.httpStatus({ service, status })));
          return;
        }
        const declared = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!(imageMimes as readonly string[]).includes(declared)) {
          res.destroy();
          reject(new AppError('REMOTE', tiktokTexts.imageNotPicture({ type: declared || 'none' })));
          return;
        }
        const tooLarge = () =>
          new AppError('REMOTE', tiktokTexts.imageTooLarge({ megabytes: megabytes(options.maxBytes) }));
        if (Number(res.headers['content-length'] ?? 0) > options.maxBytes) {
          res.destroy();
          reject(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            reject(tooLarge());
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ kind: 'picture', bytes: Buffer.concat(chunks), declared }));
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('cut short'), { code: 'ECONNRESET' }));
        });
      },
    );
    request.on('error', (err) => {
      const code = (err as { code?: unknown }).code;
      if (request.reusedSocket && code === 'ECONNRESET' && !deadline.aborted) resolve({ kind: 'stale' });
      else fail(err);
    });
  });
}

function networkError(err: unknown): AppError {
  const code = (err as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : 'reset';
  if (reason === 'EADDRNOTPUBLIC')
    return new AppError('REMOTE', tiktokTexts.imageAddressRefused({ reason: (err as Error).message }));
  if (offlineCodes.has(reason)) return new AppError('OFFLINE', tiktokTexts.unreachable({ service, reason }));
  return new AppError('REMOTE', tiktokTexts.connectionClosed({ service, reason }));
}

/** Fetches the picture at `address` under the rules above; every refusal is an AppError with a text. */
export async function fetchImage(address: string, options: ImageFetchOptions): Promise<FetchedImage> {
  const settings = { timeoutMs: 15_000, maxRedirects: 3, ...options };
  let next = address;
  for (let hop = 0; ; hop++) {
    const verdict = imageUrlVerdict(next, settings.rules);
    if (!verdict.ok) {
      const text =
        hop === 0
          ? tiktokTexts.imageSourceRefused({ host: verdict.host })
          : tiktokTexts.imageRedirectRefused({ host: verdict.host });
      throw new AppError('REMOTE', text);
    }
    let answer = await exchange(verdict.url, verdict.rule, settings);
    if (answer.kind === 'stale') answer = await exchange(verdict.url, verdict.rule, settings);
    if (answer.kind === 'stale')
      throw networkError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    if (answer.kind === 'redirect') {
      if (hop >= settings.maxRedirects) throw new AppError('REMOTE', tiktokTexts.imageTooManyRedirects());
      next = answer.location;
      continue;
    }
    const info = imageInfo(answer.bytes);
    if (!info) throw new AppError('REMOTE', tiktokTexts.imageNotPicture({ type: answer.declared }));
    return { bytes: answer.bytes, mime: info.mime, width: info.width, height: info.height };
  }
}
