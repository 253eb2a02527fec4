import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../log/logger';
import { Clock } from './clock';
import type { SandboxConfigPatch } from './config';
import type { Scale } from './data/dataset';
import { generateDataset } from './data/generator';
import type { SandboxInfo } from '../profile/sandbox-info';
import { createSandboxServer, prefixes } from './server';
import { SandboxState, makeCredentials } from './state';

export { sandboxInfoSchema, type SandboxInfo } from '../profile/sandbox-info';
export { signShopRequest, verifyShopSignature, type SignShopRequestInput } from '../tiktok/shop/signing';
export { pkceChallengeHex } from './login/pkce';
export type { Scale } from './data/dataset';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  scale?: Scale;
  seed?: number;
  logger?: Logger;
  /** Registered redirect URLs, as TikTok's app settings fix them. */
  redirectUrls?: { shop?: string; ads?: string; login?: string[] };
  adminToken?: string;
  /** Starting limits and lifetimes; the admin API can change them later. */
  config?: SandboxConfigPatch;
}

export interface SandboxHandle {
  info: SandboxInfo;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 20_240_917;

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const logger = options.logger ?? silentLogger();
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? DEFAULT_SEED;
  const clock = new Clock();
  const dataset = generateDataset({ scale: options.scale ?? 'demo', seed, nowSec: clock.nowSec() });
  const creds = makeCredentials(seed, options.redirectUrls);
  const state = new SandboxState(dataset, clock, creds, logger, options.config ?? {});
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const server = createSandboxServer(state, adminToken, logger);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  // Answers name pictures on the simulator's own CDN (media.ts), so the app can fetch them.
  state.mediaBase = `${origin}${prefixes.media}`;
  const info: SandboxInfo = {
    shopAuthBase: `${origin}${prefixes.shopAuth}`,
    shopApiBase: `${origin}${prefixes.shopApi}`,
    shopAuthorizeUrl: `${origin}${prefixes.shopAuth}/oauth/authorize`,
    adsBase: `${origin}${prefixes.ads}`,
    identityBase: `${origin}${prefixes.login}`,
    mediaBase: state.mediaBase,
    adminBase: `${origin}${prefixes.admin}`,
    adminToken,
    shop: {
      appKey: creds.shop.appKey,
      appSecret: creds.shop.appSecret,
      serviceId: creds.shop.serviceId,
      redirectUrl: creds.shop.redirectUrl,
    },
    ads: { appId: creds.ads.appId, secret: creds.ads.secret, redirectUrl: creds.ads.redirectUrl },
    identity: { clientKey: creds.login.clientKey, clientSecret: creds.login.clientSecret },
  };
  logger.info(
    { port, scale: dataset.scale, seed, generatedInMs: Math.round(dataset.generatedInMs) },
    'sandbox listening',
  );

  return {
    info,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
