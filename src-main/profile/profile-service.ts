import { isDeepStrictEqual } from 'node:util';
import { AppError, isAppError } from '@shared/errors';
import { englishOf } from '@shared/texts';
import {
  type ProductionField,
  productionFieldNames,
  productionFields,
  type ProfileState,
  type ProfileUpdateInput,
  type SelectableProfile,
} from '@shared/profile';
import type { ActivityLog } from '../activity/activity-log';
import type { Logger } from '../log/logger';
import type { Vault } from '../vault/vault';
import {
  type LoadedProductionSettings,
  loadProductionSettings,
  moveLegacyProductionSecrets,
  type ProductionSecrets,
  readProductionSecrets,
  saveProductionSettings,
  type StoredProductionSettings,
  writeProductionSecrets,
} from './production-settings';
import {
  missingCredentials,
  type ProductionCredentials,
  productionProfile,
  type ProfileName,
} from './profile';
import { profileTexts } from './texts';

/** What start-up needs from Settings to build the Profile (see `resolveAppProfile`). */
export interface StoredProfileSource {
  readonly selected: SelectableProfile;
  /** Read only when the Profile builds on production, so a sandbox start never touches the secrets. */
  credentials(): ProductionCredentials;
}

export interface ProfileServiceOptions {
  dataDir: string;
  vault: Vault;
  env: NodeJS.ProcessEnv;
  activity: ActivityLog;
  logger: Logger;
  now: () => number;
}

const emptySecrets: ProductionSecrets = { shopAppSecret: '', adsSecret: '', identityClientSecret: '' };

function toCredentials(s: StoredProductionSettings, secrets: ProductionSecrets): ProductionCredentials {
  return {
    shop: {
      appKey: s.shop.appKey,
      appSecret: secrets.shopAppSecret,
      serviceId: s.shop.serviceId,
      redirectUrl: `http://127.0.0.1:${s.shop.redirectPort}/callback/shop`,
    },
    ads: {
      appId: s.ads.appId,
      secret: secrets.adsSecret,
      redirectUrl: `http://127.0.0.1:${s.ads.redirectPort}/callback/ads`,
    },
    identity: { clientKey: s.identity.clientKey, clientSecret: secrets.identityClientSecret },
  };
}

const isProductionField = (path: string): path is ProductionField =>
  (productionFields as readonly string[]).includes(path);

/**
 * The TikTok connection in Settings: which Profile to start on and the production credentials. The
 * Profile is built once at start-up (URLs and keys flow into every client), so changes apply at the next
 * start and `restartRequired` says when the saved state differs from the running one.
 */
export class ProfileService implements StoredProfileSource {
  private loaded: LoadedProductionSettings;
  private running: { active: ProfileName; base: SelectableProfile } | null = null;
  /** The credentials the running production Profile was built with (null on the sandbox). */
  private startCredentials: ProductionCredentials | null = null;
  /** An older install's secret names were checked (and moved) in this run; needs the vault unlocked once. */
  private secretsUpgraded = false;

  constructor(private readonly options: ProfileServiceOptions) {
    this.loaded = loadProductionSettings(options.dataDir);
    if (this.loaded.problem)
      options.logger.error({ problem: this.loaded.problem }, 'production profile file unusable');
    if (this.loaded.upgraded) this.saveUpgradedFile();
  }

  get selected(): SelectableProfile {
    return this.loaded.settings.selected;
  }

  get overriddenByEnv(): boolean {
    const { env } = this.options;
    return Boolean(env.SHOPMESH_PROFILE?.trim() || env.SHOPMESH_PROFILE_FILE?.trim());
  }

  credentials(): ProductionCredentials {
    const { secrets, locked } = this.readSecrets();
    if (locked) {
      this.options.logger.warn(
        { reason: this.vaultMessage() },
        'vault locked: the production profile starts without its app secrets',
      );
    }
    this.startCredentials = toCredentials(this.loaded.settings, secrets);
    return this.startCredentials;
  }

  /** Called once the Profile is built: what the app runs on, to tell when a restart is needed. */
  started(active: ProfileName, base: SelectableProfile): void {
    this.running = { active, base };
    if (base === 'sandbox') this.startCredentials = null;
  }

  get(): ProfileState {
    const { settings, problem } = this.loaded;
    const { secrets, locked } = this.readSecrets();
    const credentials = toCredentials(settings, secrets);
    const missingFields = missingCredentials(productionProfile(credentials)).filter(isProductionField);
    const running = this.running ?? { active: 'sandbox', base: 'sandbox' };
    const selectionPending = !this.overriddenByEnv && settings.selected !== running.base;
    const credentialsPending =
      this.startCredentials !== null && !isDeepStrictEqual(credentials, this.startCredentials);
    return {
      active: running.active,
      selected: settings.selected,
      overriddenByEnv: this.overriddenByEnv,
      production: {
        shop: {
          appKey: settings.shop.appKey,
          serviceId: settings.shop.serviceId,
          redirectPort: settings.shop.redirectPort,
          hasAppSecret: secrets.shopAppSecret !== '',
        },
        ads: {
          appId: settings.ads.appId,
          redirectPort: settings.ads.redirectPort,
          hasSecret: secrets.adsSecret !== '',
        },
        identity: {
          clientKey: settings.identity.clientKey,
          hasClientSecret: secrets.identityClientSecret !== '',
        },
      },
      missing: missingFields.map((field) => productionFieldNames[field]),
      missingFields,
      restartRequired: selectionPending || credentialsPending,
      vaultLocked: locked,
      fileProblem: problem,
    };
  }

  /**
   * Secrets go to the vault first (refused whole while it is locked), then the non-secret file, so a
   * refusal stores nothing. The activity entry names the fields that changed, never a value.
   */
  update(input: ProfileUpdateInput): ProfileState {
    const current = this.loaded.settings;
    const { shop = {}, ads = {}, identity = {} } = input.production ?? {};
    const next: StoredProductionSettings = {
      version: 2,
      selected: input.selected ?? current.selected,
      shop: {
        appKey: shop.appKey ?? current.shop.appKey,
        serviceId: shop.serviceId ?? current.shop.serviceId,
        redirectPort: shop.redirectPort ?? current.shop.redirectPort,
      },
      ads: {
        appId: ads.appId ?? current.ads.appId,
        redirectPort: ads.redirectPort ?? current.ads.redirectPort,
      },
      identity: { clientKey: identity.clientKey ?? current.identity.clientKey },
    };
    const requestedSecrets: Partial<ProductionSecrets> = {
      ...(shop.appSecret !== undefined ? { shopAppSecret: shop.appSecret } : {}),
      ...(ads.secret !== undefined ? { adsSecret: ads.secret } : {}),
      ...(identity.clientSecret !== undefined ? { identityClientSecret: identity.clientSecret } : {}),
    };

    let secretChanges: Partial<ProductionSecrets> = {};
    if (Object.keys(requestedSecrets).length > 0) {
      if (!this.options.vault.unlocked) {
        throw new AppError('LOCKED', profileTexts.secretsNeedVault(), { vault: this.vaultMessage() });
      }
      this.upgradeSecrets();
      const stored = readProductionSecrets(this.options.vault);
      secretChanges = Object.fromEntries(
        Object.entries(requestedSecrets).filter(
          ([name, value]) => stored[name as keyof ProductionSecrets] !== value,
        ),
      );
    }

    const changed = [
      ...(next.selected !== current.selected ? ['selected'] : []),
      ...changedPaths(current, next),
      ...secretFieldPaths(secretChanges),
    ];
    writeProductionSecrets(this.options.vault, secretChanges);
    if (!isDeepStrictEqual(next, current) || this.loaded.problem) {
      saveProductionSettings(this.options.dataDir, next, {
        replacesUnreadable: this.loaded.problem !== null,
        now: this.options.now,
      });
      this.loaded = { settings: next, problem: null, upgraded: false };
    }
    if (changed.length > 0) {
      const fields = changed.join(', ');
      this.options.activity.record('profile.updated', { fields, selected: next.selected });
      this.options.logger.info({ fields, selected: next.selected }, 'TikTok connection settings changed');
    }
    return this.get();
  }

  private readSecrets(): { secrets: ProductionSecrets; locked: boolean } {
    if (!this.options.vault.unlocked) return { secrets: { ...emptySecrets }, locked: true };
    try {
      this.upgradeSecrets();
      return { secrets: readProductionSecrets(this.options.vault), locked: false };
    } catch (err) {
      // Locked between the check and the read, or a secret that no longer opens: treat as unreadable.
      if (!isAppError(err)) throw err;
      this.options.logger.warn({ err }, 'production app secrets could not be read');
      return { secrets: { ...emptySecrets }, locked: true };
    }
  }

  /**
   * Version 1 of the file, written by an older ShopMesh, is saved as version 2. Until that succeeds the old
   * file stays as it was and is upgraded again in memory at each start, so a failed or interrupted save
   * loses nothing.
   */
  private saveUpgradedFile(): void {
    try {
      saveProductionSettings(this.options.dataDir, this.loaded.settings, {
        replacesUnreadable: false,
        now: this.options.now,
      });
      this.loaded = { ...this.loaded, upgraded: false };
      this.options.logger.info('production profile file upgraded to version 2 (login → identity)');
    } catch (err) {
      this.options.logger.warn({ err }, 'production profile file could not be upgraded; retried next start');
    }
  }

  /** Moves a secret an older ShopMesh sealed under its old name; once per run, with the vault unlocked. */
  private upgradeSecrets(): void {
    if (this.secretsUpgraded) return;
    const outcome = moveLegacyProductionSecrets(this.options.vault);
    this.secretsUpgraded = true;
    if (outcome !== 'none') {
      this.options.logger.info({ outcome }, 'Login Kit client secret moved to its identity name');
    }
  }

  private vaultMessage(): string {
    const status = this.options.vault.status();
    return status.state === 'locked' ? englishOf(status.text) : 'unlocked';
  }
}

function changedPaths(a: StoredProductionSettings, b: StoredProductionSettings): string[] {
  const out: string[] = [];
  for (const group of ['shop', 'ads', 'identity'] as const) {
    const before: Record<string, unknown> = a[group];
    const after: Record<string, unknown> = b[group];
    for (const key of Object.keys(after)) if (before[key] !== after[key]) out.push(`${group}.${key}`);
  }
  return out;
}

const secretPaths: Record<keyof ProductionSecrets, string> = {
  shopAppSecret: 'shop.appSecret',
  adsSecret: 'ads.secret',
  identityClientSecret: 'identity.clientSecret',
};

function secretFieldPaths(changes: Partial<ProductionSecrets>): string[] {
  return (Object.keys(changes) as (keyof ProductionSecrets)[]).map((name) => secretPaths[name]);
}
