import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { DEFAULT_SEED, type SandboxHandle, type SandboxOptions, type Scale, startSandbox } from './index';

/** How the app's embedded sandbox is started (tests shrink it and move its redirect ports). */
export interface EmbeddedSandboxConfig {
  /** Default: SHOPMESH_SANDBOX_SCALE, else `demo`. */
  scale?: Scale;
  /** Fixed by default, so stored sandbox tokens stay valid across restarts. */
  seed?: number;
  /** The registered Shop / Ads redirect ports (default 53682 / 53683, docs/sandbox.md). */
  redirectPorts?: { shop?: number; ads?: number };
  adminToken?: string;
  config?: SandboxOptions['config'];
}

const scaleSchema = z.enum(['tiny', 'demo', 'bench']);

/** Starts the simulator inside the app on a free loopback port; only the composition root calls this. */
export async function startEmbeddedSandbox(
  sandboxConfig: EmbeddedSandboxConfig,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Promise<SandboxHandle> {
  const scale = scaleSchema.safeParse(sandboxConfig.scale ?? env.SHOPMESH_SANDBOX_SCALE ?? 'demo');
  if (!scale.success) throw new AppError('VALIDATION', 'SHOPMESH_SANDBOX_SCALE must be tiny, demo or bench.');
  const ports = sandboxConfig.redirectPorts ?? {};
  // docs/accounts.md: random per run unless SHOPMESH_SANDBOX_ADMIN_TOKEN fixes it (scripts drive the simulator).
  const adminToken = sandboxConfig.adminToken ?? (env.SHOPMESH_SANDBOX_ADMIN_TOKEN?.trim() || undefined);
  return startSandbox({
    port: 0,
    scale: scale.data,
    seed: sandboxConfig.seed ?? DEFAULT_SEED,
    logger: logger.child({ component: 'sandbox' }),
    redirectUrls: {
      ...(ports.shop ? { shop: `http://127.0.0.1:${ports.shop}/callback/shop` } : {}),
      ...(ports.ads ? { ads: `http://127.0.0.1:${ports.ads}/callback/ads` } : {}),
    },
    ...(adminToken ? { adminToken } : {}),
    ...(sandboxConfig.config ? { config: sandboxConfig.config } : {}),
  });
}
