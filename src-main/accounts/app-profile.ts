import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import type { StoredProfileSource } from '../profile/profile-service';
import { loadProfileFile, type Profile, resolveProfile } from '../profile/profile';
import {
  DEFAULT_SEED,
  type SandboxHandle,
  type SandboxOptions,
  type Scale,
  startSandbox,
} from '../sandbox/index';

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

export interface ResolvedProfile {
  profile: Profile;
  /** The built-in Profile it builds on (a profile file's `extends`, else the chosen one). */
  base: 'sandbox' | 'production';
  /** The embedded simulator, when the Profile builds on `sandbox`. */
  sandbox: SandboxHandle | null;
}

/**
 * SHOPMESH_PROFILE / SHOPMESH_PROFILE_FILE decide the Profile, else the choice saved in Settings (`stored`).
 * A production base takes its credentials from Settings whichever way it was chosen (a profile file can
 * still override them). When it builds on `sandbox`, the simulator is started first because the Profile's
 * URLs and credentials come from it.
 */
export async function resolveAppProfile(
  env: NodeJS.ProcessEnv,
  sandboxConfig: EmbeddedSandboxConfig,
  logger: Logger,
  stored?: StoredProfileSource,
): Promise<ResolvedProfile> {
  const filePath = env.SHOPMESH_PROFILE_FILE?.trim();
  const requested = env.SHOPMESH_PROFILE?.trim() || stored?.selected || 'sandbox';
  const base = (filePath ? loadProfileFile(filePath).extends : undefined) ?? requested;
  // resolveProfile reads the choice from env; an invalid SHOPMESH_PROFILE still reaches it and is refused.
  const profileEnv = { ...env, SHOPMESH_PROFILE: requested };
  if (base !== 'sandbox') {
    const productionCredentials = stored?.credentials();
    return {
      profile: resolveProfile({
        env: profileEnv,
        ...(productionCredentials ? { productionCredentials } : {}),
      }),
      base: 'production',
      sandbox: null,
    };
  }

  const scale = scaleSchema.safeParse(sandboxConfig.scale ?? env.SHOPMESH_SANDBOX_SCALE ?? 'demo');
  if (!scale.success) throw new AppError('VALIDATION', 'SHOPMESH_SANDBOX_SCALE must be tiny, demo or bench.');
  const ports = sandboxConfig.redirectPorts ?? {};
  const sandbox = await startSandbox({
    port: 0,
    scale: scale.data,
    seed: sandboxConfig.seed ?? DEFAULT_SEED,
    logger: logger.child({ component: 'sandbox' }),
    redirectUrls: {
      ...(ports.shop ? { shop: `http://127.0.0.1:${ports.shop}/callback/shop` } : {}),
      ...(ports.ads ? { ads: `http://127.0.0.1:${ports.ads}/callback/ads` } : {}),
    },
    ...(sandboxConfig.adminToken ? { adminToken: sandboxConfig.adminToken } : {}),
    ...(sandboxConfig.config ? { config: sandboxConfig.config } : {}),
  });
  try {
    return {
      profile: resolveProfile({ env: profileEnv, sandboxInfo: sandbox.info }),
      base: 'sandbox',
      sandbox,
    };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

/**
 * The consent-page origins the browser may be sent to. `Profile.authHosts` holds bare hosts, which the
 * external-link gate reads as https; the sandbox's pages are http on loopback, so full origins are passed.
 */
export function profileAuthOrigins(profile: Profile): string[] {
  const urls = [profile.shopAuthorizeUrl, profile.adsAuthorizeUrl, profile.loginAuthorizeUrl];
  return [...new Set(urls.map((u) => new URL(u).origin))];
}
