import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Translatable } from '@shared/texts';
import { defaultRedirectPorts, redirectPortSchema, selectableProfiles } from '@shared/profile';
import type { Vault } from '../vault/vault';
import { legacyIdentitySecretKind, moveSecretKind, upgradeProductionSettingsJson } from './login-to-identity';
import { profileTexts } from './texts';

/**
 * What the user entered in Settings for the `production` Profile. The non-secret half lives in
 * `production-profile.json` in the data folder; the three secrets live only in the vault, so the JSON file
 * can be read, copied or attached to a bug report without giving anything away.
 */

export const productionSettingsFileName = 'production-profile.json';
/** The vault owner of the app's own TikTok credentials (Account tokens use `account:<id>`). */
export const productionSecretOwner = 'app:production';
export const productionSecretKinds = {
  shopAppSecret: 'shop_app_secret',
  adsSecret: 'ads_secret',
  identityClientSecret: 'identity_client_secret',
} as const;
export type ProductionSecretName = keyof typeof productionSecretKinds;
export type ProductionSecrets = Record<ProductionSecretName, string>;

// Strict: a hand-edited file with a misspelt key (or a secret pasted in) is reported, not half-read.
// Version 1 (before the `identity` block was renamed from `login`) is upgraded on load (login-to-identity.ts).
export const storedProductionSettingsSchema = z
  .object({
    version: z.literal(2),
    selected: z.enum(selectableProfiles),
    shop: z.object({ appKey: z.string(), serviceId: z.string(), redirectPort: redirectPortSchema }).strict(),
    ads: z.object({ appId: z.string(), redirectPort: redirectPortSchema }).strict(),
    identity: z.object({ clientKey: z.string() }).strict(),
  })
  .strict();
export type StoredProductionSettings = z.infer<typeof storedProductionSettingsSchema>;

export const defaultProductionSettings: StoredProductionSettings = {
  version: 2,
  selected: 'sandbox',
  shop: { appKey: '', serviceId: '', redirectPort: defaultRedirectPorts.shop },
  ads: { appId: '', redirectPort: defaultRedirectPorts.ads },
  identity: { clientKey: '' },
};

export interface LoadedProductionSettings {
  settings: StoredProductionSettings;
  /** Why the file could not be used (defaults were used instead); null when it was fine or absent. */
  problem: Translatable | null;
  /** The file was written by an older ShopMesh (version 1) and read through the upgrade: save it again. */
  upgraded: boolean;
}

export function productionSettingsPath(dataDir: string): string {
  return join(dataDir, productionSettingsFileName);
}

export function loadProductionSettings(dataDir: string): LoadedProductionSettings {
  const path = productionSettingsPath(dataDir);
  if (!existsSync(path)) {
    return { settings: structuredClone(defaultProductionSettings), problem: null, upgraded: false };
  }
  const backup = `${productionSettingsFileName}.corrupt-<time>`;
  const fallback = (problem: Translatable): LoadedProductionSettings => ({
    settings: structuredClone(defaultProductionSettings),
    problem,
    upgraded: false,
  });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fallback(profileTexts.settingsFileUnreadable({ path, reason, backup }));
  }
  const { json: current, upgraded } = upgradeProductionSettingsJson(json);
  const parsed = storedProductionSettingsSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    return fallback(profileTexts.settingsFileInvalid({ path, field, problem: issue?.message ?? '', backup }));
  }
  return { settings: parsed.data, problem: null, upgraded };
}

/**
 * Writes through a temporary file and a rename, so a crash never leaves half a file. A file that failed to
 * load is moved aside first rather than overwritten, so whatever the user had in it can still be recovered.
 */
export function saveProductionSettings(
  dataDir: string,
  settings: StoredProductionSettings,
  options: { replacesUnreadable: boolean; now: () => number },
): void {
  const clean = storedProductionSettingsSchema.parse(settings);
  const path = productionSettingsPath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (options.replacesUnreadable && existsSync(path)) renameSync(path, `${path}.corrupt-${options.now()}`);
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Throws AppError('LOCKED') when the vault is locked; missing secrets read as ''. */
export function readProductionSecrets(vault: Vault): ProductionSecrets {
  const read = (name: ProductionSecretName) =>
    vault.getSecret(productionSecretOwner, productionSecretKinds[name]) ?? '';
  return {
    shopAppSecret: read('shopAppSecret'),
    adsSecret: read('adsSecret'),
    identityClientSecret: read('identityClientSecret'),
  };
}

/** Sets or (with '') deletes secrets in one transaction; throws AppError('LOCKED') when locked. */
export function writeProductionSecrets(vault: Vault, changes: Partial<ProductionSecrets>): void {
  const values: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(changes) as [ProductionSecretName, string][]) {
    values[productionSecretKinds[name]] = value === '' ? null : value;
  }
  if (Object.keys(values).length > 0) vault.putSecrets(productionSecretOwner, values);
}

/**
 * Moves the Login Kit client secret an older ShopMesh sealed as `login_client_secret` to its current kind.
 * ProfileService runs it once per start, the first time it reads the secrets with the vault unlocked (the
 * move needs the data key, so it cannot be a database migration). Throws AppError('LOCKED') when locked.
 */
export function moveLegacyProductionSecrets(vault: Vault): 'moved' | 'dropped' | 'none' {
  return moveSecretKind(
    vault,
    productionSecretOwner,
    legacyIdentitySecretKind,
    productionSecretKinds.identityClientSecret,
  );
}
