import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Translatable } from '@shared/texts';
import { defaultRedirectPorts, redirectPortSchema, selectableProfiles } from '@shared/profile';
import type { Vault } from '../vault/vault';
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
  loginClientSecret: 'login_client_secret',
} as const;
export type ProductionSecretName = keyof typeof productionSecretKinds;
export type ProductionSecrets = Record<ProductionSecretName, string>;

// Strict: a hand-edited file with a misspelt key (or a secret pasted in) is reported, not half-read.
export const storedProductionSettingsSchema = z
  .object({
    version: z.literal(1),
    selected: z.enum(selectableProfiles),
    shop: z.object({ appKey: z.string(), serviceId: z.string(), redirectPort: redirectPortSchema }).strict(),
    ads: z.object({ appId: z.string(), redirectPort: redirectPortSchema }).strict(),
    login: z.object({ clientKey: z.string() }).strict(),
  })
  .strict();
export type StoredProductionSettings = z.infer<typeof storedProductionSettingsSchema>;

export const defaultProductionSettings: StoredProductionSettings = {
  version: 1,
  selected: 'sandbox',
  shop: { appKey: '', serviceId: '', redirectPort: defaultRedirectPorts.shop },
  ads: { appId: '', redirectPort: defaultRedirectPorts.ads },
  login: { clientKey: '' },
};

export interface LoadedProductionSettings {
  settings: StoredProductionSettings;
  /** Why the file could not be used (defaults were used instead); null when it was fine or absent. */
  problem: Translatable | null;
}

export function productionSettingsPath(dataDir: string): string {
  return join(dataDir, productionSettingsFileName);
}

export function loadProductionSettings(dataDir: string): LoadedProductionSettings {
  const path = productionSettingsPath(dataDir);
  if (!existsSync(path)) return { settings: structuredClone(defaultProductionSettings), problem: null };
  const backup = `${productionSettingsFileName}.corrupt-<time>`;
  const fallback = (problem: Translatable): LoadedProductionSettings => ({
    settings: structuredClone(defaultProductionSettings),
    problem,
  });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fallback(profileTexts.settingsFileUnreadable({ path, reason, backup }));
  }
  const parsed = storedProductionSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    return fallback(profileTexts.settingsFileInvalid({ path, field, problem: issue?.message ?? '', backup }));
  }
  return { settings: parsed.data, problem: null };
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
    loginClientSecret: read('loginClientSecret'),
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
