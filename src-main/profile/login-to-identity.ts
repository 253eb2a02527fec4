import type { Vault } from '../vault/vault';

/**
 * Until version 2 of production-profile.json the Profile's credential block for the Login Kit app behind
 * `identity` Accounts was called `login`. This file is the one place that still knows that name: it upgrades
 * what an older ShopMesh stored (the settings file, the sealed secret) and what a person may have written
 * (a profile file, SHOPMESH_PROFILE_FILE), so an existing install keeps its credentials.
 */

/** The vault kind the Login Kit client secret was sealed under; the seal's AAD names it. */
export const legacyIdentitySecretKind = 'login_client_secret';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1 of production-profile.json → version 2: `login` becomes `identity`, nothing else changes. Any
 * other shape (version 2, or a file too broken to upgrade) is returned as it is, for the schema to judge.
 */
export function upgradeProductionSettingsJson(json: unknown): { json: unknown; upgraded: boolean } {
  if (!isRecord(json) || json.version !== 1 || !('login' in json) || 'identity' in json) {
    return { json, upgraded: false };
  }
  const { login, ...rest } = json;
  return { json: { ...rest, version: 2, identity: login }, upgraded: true };
}

const profileFileRenames = [
  ['login', 'identity'],
  ['loginBase', 'identityBase'],
  ['loginAuthorizeUrl', 'identityAuthorizeUrl'],
] as const;

/**
 * A profile file is the user's own file (it may be read-only or kept elsewhere), so it is read with the old
 * keys rather than rewritten. A file naming both the old and the new key keeps the old one, which the
 * strict schema then reports.
 */
export function renameLegacyProfileFileKeys(json: unknown): unknown {
  if (!isRecord(json)) return json;
  const out: Record<string, unknown> = { ...json };
  for (const [from, to] of profileFileRenames) {
    if (from in out && !(to in out)) {
      out[to] = out[from];
      delete out[from];
    }
  }
  return out;
}

/**
 * Re-seals a secret under its new kind (the AAD binds a seal to its owner and kind, so the row cannot simply
 * be renamed) and deletes the old row, both in one vault transaction: the new row is written first, and a
 * crash leaves either the old row alone (moved again at the next unlock) or the new one alone. When both
 * exist, the new one is what the app has been using, so only the old one goes. Needs an unlocked vault.
 */
export function moveSecretKind(
  vault: Vault,
  ownerId: string,
  from: string,
  to: string,
): 'moved' | 'dropped' | 'none' {
  const legacy = vault.getSecret(ownerId, from);
  if (legacy === null) return 'none';
  if (vault.getSecret(ownerId, to) !== null) {
    vault.putSecrets(ownerId, { [from]: null });
    return 'dropped';
  }
  vault.putSecrets(ownerId, { [to]: legacy, [from]: null });
  return 'moved';
}
