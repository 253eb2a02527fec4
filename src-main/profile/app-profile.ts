import type { StoredProfileSource } from './profile-service';
import { loadProfileFile, type Profile, resolveProfile } from './profile';
import type { SandboxInfo } from './sandbox-info';

/** A running embedded simulator, as the composition root hands it over. */
export interface EmbeddedSandbox {
  info: SandboxInfo;
  close(): Promise<void>;
}

export interface ResolvedProfile {
  profile: Profile;
  /** The built-in Profile it builds on (a profile file's `extends`, else the chosen one). */
  base: 'sandbox' | 'production';
  /** The embedded simulator, when the Profile builds on `sandbox`. */
  sandbox: EmbeddedSandbox | null;
}

/**
 * SHOPMESH_PROFILE / SHOPMESH_PROFILE_FILE decide the Profile, else the choice saved in Settings (`stored`).
 * A production base takes its credentials from Settings whichever way it was chosen (a profile file can
 * still override them). When it builds on `sandbox`, `startSandbox` (given by the composition root, so that
 * production code never imports the simulator) runs first because the Profile's URLs and credentials come
 * from it.
 */
export async function resolveAppProfile(
  env: NodeJS.ProcessEnv,
  startSandbox: () => Promise<EmbeddedSandbox>,
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

  const sandbox = await startSandbox();
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
  const urls = [profile.shopAuthorizeUrl, profile.adsAuthorizeUrl, profile.identityAuthorizeUrl];
  return [...new Set(urls.map((u) => new URL(u).origin))];
}
