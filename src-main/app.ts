import type { AppInfo, EventPayload } from '@shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { AccountsService } from './accounts/service';
import { activityHandlers } from './activity/handlers';
import { appLockGate, eventAllowed } from './app-lock/gate';
import { appLockHandlers } from './app-lock/handlers';
import { appLockFileName } from './app-lock/lock-file';
import { AppLockService } from './app-lock/service';
import { analyticsHandlers } from './analytics/handlers';
import { createAnalyticsService } from './analytics/service';
import { collaborationsHandlers } from './collaborations/handlers';
import { ActivityLog } from './activity/activity-log';
import { createCatalogue } from './catalogue/catalogue';
import { type CreatorSources, createCreatorSources } from './creators/sources';
import { SampleApplicationWriter } from './sync/store/sample-applications';
import { CreatorStore } from './sync/store/creators';
import { creatorSourcesHandlers, marketplaceHandlers, samplesHandlers } from './creators/sources-handlers';
import type { Database } from './db/connection';
import { type AnyEventListener, EventBus } from './events';
import { type Handlers, Router } from './ipc/router';
import { createLogger, logFilePath, type Logger } from './log/logger';
import { dataPaths, ownFiles, preparePrivateDataDir } from './paths';
import { createConfSettingsStore } from './settings/conf-store';
import { SettingsService } from './settings/settings-service';
import type { SettingsStore } from './settings/settings-store';
import type { Profile } from './profile/profile';
import { resolveAppProfile } from './profile/app-profile';
import { productionSettingsFileName } from './profile/production-settings';
import { ProfileService } from './profile/profile-service';
import { type EmbeddedSandboxConfig, startEmbeddedSandbox } from './sandbox/embedded';
import type { SandboxInfo } from './sandbox/index';
import { type BackgroundSync, startBackgroundSync } from './sync/background';
import { runSummaryParams } from './sync/run-summary';
import { createSyncService, type SyncService, type SyncServiceOptions } from './sync/service';
import { syncHandlers } from './sync/handlers';
import { creatorListsHandlers, creatorsHandlers } from './creators/handlers';
import { CreatorsService } from './creators/service';
import { RollupStore } from './sync/store/rollups';
import type { SyncWorkerSpec } from './sync/worker/protocol';
import { ordersHandlers } from './orders/handlers';
import { OrdersService } from './orders/orders-service';
import { createOutreach } from './outreach/index';
import type { OutreachService } from './outreach/service';
import { effectiveLimits } from '@shared/outreach-limits';
import { outreachHandlers } from './outreach/handlers';
import { purgeAccountOutreach } from './outreach/purge';
import { outreachResultsHandlers } from './outreach/results';
import { InboxService } from './inbox/service';
import { inboxHandlers } from './inbox/handlers';
import { ProductCategories } from './creators/score-categories';
import { ShopApi } from './creators/shop-api';
import { productsHandlers } from './products/handlers';
import { ProductImages } from './products/images';
import { promotionLinksHandlers } from './promotion-links/handlers';
import { PromotionLinks } from './promotion-links/service';
import { privacyHandlers } from './privacy/handlers';
import { openOrRecover } from './privacy/recovery';
import { PrivacyService } from './privacy/service';
import { DAY_MS } from './privacy/retention';
import { profileHandlers } from './profile/handlers';
import { settingsHandlers } from './settings/handlers';
import { canReach } from './tiktok/reachability';
import type { KeytarLike } from './vault/keychain-keystore';
import { openVault } from './vault/open-vault';
import { VaultUnlocker } from './vault/passphrase-unlock';
import type { Vault } from './vault/vault';

export interface AppConfig {
  dataDir: string;
  transport: AppInfo['transport'];
  version: string;
  /** electron-store in the shell; `conf` on the same file otherwise. */
  settingsStore?: SettingsStore;
  logger?: Logger;
  /** Injected clock (UTC epoch ms) so tests can move time. */
  now?: () => number;
  /**
   * Check every IPC result against the contract. Default: off, unless `SHOPMESH_VALIDATE_OUTPUTS=1`; the
   * Electron entry turns it on when unpackaged (development), the test helpers always, the packaged app never.
   */
  validateOutputs?: boolean;
  env?: NodeJS.ProcessEnv;
  /**
   * Opens a URL in the system browser (Electron passes its allow-list wrapper). Absent (web bridge): main
   * emits `app:openExternal` and the page opens a tab.
   */
  openExternal?: (url: string) => Promise<void>;
  /** The embedded sandbox, when the Profile builds on it (tests: `tiny` scale, free redirect ports). */
  sandbox?: EmbeddedSandboxConfig;
  /** How long a connection attempt waits for the browser (default 5 minutes). */
  connectTimeoutMs?: number;
  /**
   * Background work: sync on the Settings interval and after wake-up, the daily identity check and the daily
   * backup (default true; tests sync, check and back up on demand only).
   */
  backgroundSync?: boolean;
  /** Test seam: a keytar stand-in (e.g. one that fails like a host without Secret Service). */
  loadKeytar?: () => Promise<KeytarLike>;
  /** Bench seam: request limits and job tunables of the sync service (default: TikTok's limits). */
  syncTuning?: Pick<SyncServiceOptions, 'limits' | 'jobOptions'>;
  /**
   * The sync worker's entry (both transports pass the built `sync-worker.js`): SyncRuns then run on a
   * thread of their own and IPC is answered while a sync works. Absent (most tests): on this thread.
   */
  syncWorker?: SyncWorkerSpec;
  /** Electron: clears the browser's caches and storage for "delete all my data". */
  clearBrowserData?: () => Promise<void>;
}

export interface ShopmeshApp {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly router: Router;
  readonly events: EventBus;
  /** What a transport forwards to the renderer: every event, except while the app lock is locked. */
  subscribeRenderer(listener: AnyEventListener): () => void;
  /** The optional app lock (app-lock/): locks the UI, never the background work. */
  readonly appLock: AppLockService;
  readonly db: Database;
  readonly settings: SettingsService;
  readonly activity: ActivityLog;
  readonly profile: Profile;
  /** The running simulator (sandbox-based Profiles only); main process and tests, never over IPC. */
  readonly sandbox: SandboxInfo | null;
  readonly vault: Vault;
  /** Accounts, plus the hooks the sync engine uses: `accounts.tokens` (TokenSource), `accounts.hooks`. */
  readonly accounts: AccountsService;
  readonly sync: SyncService;
  /** The creator CRM: identity (`creators.resolve`), lists, blocklist, stages, extensions for other modules. */
  readonly creators: CreatorsService;
  /** CSV import, manual add, marketplace, free samples and private contacts (creators/sources.ts). */
  readonly creatorSources: CreatorSources;
  /** Retention rules (and the Account purge they share with disconnecting). */
  readonly privacy: PrivacyService;
  /** The scheduler, tray line and notifications; null when `backgroundSync` is off. */
  readonly background: BackgroundSync | null;
  /** Outreaches (the tray's "Pause all outreach" and its outreach line). */
  readonly outreach: OutreachService;
  info(): AppInfo;
  close(): Promise<void>;
}

/** Settings changes this close together are one activity entry (theme and language tried in turn). */
const settingsMergeWindowMs = 5 * 60_000;

/**
 * The composition root: both transports and every integration test build the app through here, so what
 * the tests exercise is what the user runs.
 */
export async function createApp(config: AppConfig): Promise<ShopmeshApp> {
  const paths = dataPaths(config.dataDir);
  preparePrivateDataDir(paths);
  const env = config.env ?? process.env;
  // The terminal shows the web bridge's own status lines; JSON log lines go there only when asked for.
  const logger =
    config.logger ??
    createLogger({
      logDir: paths.logDir,
      echo: config.transport === 'web' && env.SHOPMESH_LOG_LEVEL === 'debug',
      ...(env.SHOPMESH_LOG_LEVEL ? { level: env.SHOPMESH_LOG_LEVEL } : {}),
    });
  const now = config.now ?? Date.now;
  // A database SQLite cannot read (or a newer build wrote) is kept aside, never lost: the app starts on a
  // fresh one and shows the recovery screen (privacy/recovery.ts).
  const { db, recovery } = openOrRecover(paths.database, config.dataDir, now(), logger);
  const settings = new SettingsService(
    config.settingsStore ?? createConfSettingsStore(config.dataDir),
    logger,
  );
  const activity = new ActivityLog(db, now);
  const events = new EventBus();

  settings.onChange((value, changed) => {
    events.emit('settings:changed', value);
    // Changes within a few minutes of each other are one entry naming every field changed.
    activity.recordMerged(
      'settings.updated',
      { fields: changed.join(', ') },
      settingsMergeWindowMs,
      (a, b) => ({
        fields: [...new Set(`${String(a.fields)}, ${String(b.fields)}`.split(', ').filter(Boolean))].join(
          ', ',
        ),
      }),
    );
  });
  activity.onRecord((entry) => events.emit('activity:added', entry));
  const appLock = new AppLockService({ dataDir: config.dataDir, settings, activity, logger, now });
  appLock.onChange((status) => events.emit('appLock:changed', status));

  // Everything that can fail after the database is open closes what was opened before rethrowing.
  // The vault opens before the Profile is resolved: a production Profile saved in Settings needs its app
  // secrets from it. A locked vault (no keychain, wrong key) still starts the app; accounts:list and
  // profile:get report it, and production then starts without its secrets.
  const vault = await openVault({
    db,
    env,
    dataDir: config.dataDir,
    logger,
    now,
    ...(config.loadKeytar ? { loadKeytar: config.loadKeytar } : {}),
  }).catch((err: unknown) => {
    db.close();
    throw err;
  });
  // Without a keychain the merchant can type a passphrase later (`vault:unlock`); everything below reads
  // the vault's state on each call rather than caching "locked", so an unlock takes effect at once.
  const unlocker = new VaultUnlocker({ vault, dataDir: config.dataDir, activity, events, logger });
  const profileSettings = new ProfileService({
    dataDir: config.dataDir,
    vault,
    env,
    activity,
    logger,
    now,
  });
  let resolved: Awaited<ReturnType<typeof resolveAppProfile>>;
  try {
    // The composition root is the one place that starts the simulator; profile code only receives it.
    const startSandbox = () => startEmbeddedSandbox(config.sandbox ?? {}, env, logger);
    resolved = await resolveAppProfile(env, startSandbox, profileSettings);
  } catch (err) {
    vault.close();
    db.close();
    throw err;
  }
  const { profile, sandbox } = resolved;
  profileSettings.started(profile.name, resolved.base);
  // The injected opener is the shell's allow-list wrapper (or absent); destructured because the lint rule
  // guarding `shell.openExternal` matches any `.openExternal` member.
  const { openExternal: openBrowser } = config;
  const accounts = new AccountsService({
    db,
    vault,
    unlocker,
    profile,
    events,
    activity,
    logger,
    now,
    language: () => settings.get().language,
    accountDataRetentionMs: () => settings.get().accountDataRetentionDays * DAY_MS,
    ...(openBrowser ? { openBrowser } : {}),
    ...(config.connectTimeoutMs ? { callbackTimeoutMs: config.connectTimeoutMs } : {}),
  });

  const apiHosts = [profile.shopApiBase, profile.adsBase];
  const sync = createSyncService({
    db,
    tokenSource: accounts.tokens,
    profile,
    logger,
    now,
    emit: (event, payload) => events.emit<typeof event>(event, payload as EventPayload<typeof event>),
    isOnline: () => canReach(apiHosts),
    isLocked: () => vault.status().state === 'locked',
    // One line per finished run in the activity log, with what it brought in.
    onRunFinished: ({ runId, accountId }) => {
      const run = sync.history({ accountId, limit: 5 }).runs.find((r) => r.id === runId);
      const name = sync.status().accounts.find((a) => a.accountId === accountId)?.displayName ?? accountId;
      if (run) activity.record('sync.finished', runSummaryParams(run, name), accountId);
    },
    ...config.syncTuning,
    ...(config.syncWorker ? { worker: config.syncWorker } : {}),
  });
  // An Account that stops working stops syncing at once; its data goes when the Account's data goes.
  accounts.hooks.onAccountRetired((accountId) => void sync.stopAccount(accountId));
  // Account purges (disconnect "delete now", the retention rules) are driven from the schema (privacy/).
  const privacy = new PrivacyService({
    db,
    settings,
    accounts,
    activity,
    events,
    logger,
    now,
    recovery,
    appVersion: config.version,
    erase: {
      vault,
      // Everything that writes in the background; each lets what it has in flight land first.
      stopWork: async () => {
        await Promise.all([
          sync.pause(),
          outreach.queue.stop(),
          catalogue.close(),
          creators.worker.pause(),
          productCategories.pause(),
        ]);
      },
      resumeWork: () => {
        sync.resume();
        outreach.queue.start();
        catalogue.resume();
        creators.worker.resume('startup');
        productCategories.resume();
      },
      dataDir: config.dataDir,
      logDir: paths.logDir,
      logFile: logFilePath(paths.logDir),
      otherFiles: () => ownFiles(config.dataDir, [productionSettingsFileName, appLockFileName]),
      ...(config.clearBrowserData ? { clearBrowserData: config.clearBrowserData } : {}),
    },
  });
  const catalogue = createCatalogue({
    db,
    activity,
    now,
    logger,
    tokens: accounts.tokens,
    profile,
    isOnline: () => canReach(apiHosts),
    emitChange: (change) => events.emit('products:changeUpdated', change),
  });
  accounts.hooks.registerPurge('catalogue', (accountId) => {
    catalogue.costs.purgeAccount(accountId);
    catalogue.changes.purgeAccount(accountId);
  });
  const promotionLinks = new PromotionLinks({ db, api: catalogue.api, now, logger });
  accounts.hooks.registerPurge('promotionLinks', (accountId) => promotionLinks.store.purgeAccount(accountId));
  const creators = new CreatorsService({
    db,
    logger,
    now,
    emitChanged: (c) => events.emit('creators:changed', c),
    emitScoreProgress: (p) => events.emit('creators:scoreProgress', p),
    record: (kind, params) => activity.record(kind, params),
  });
  // Synced pages mark the creators they touch; re-index them (stages, scores, search) as a sync goes and ends.
  // The score compares creators with the merchant's products and shops: after a sync or an Account change,
  // read the categories of new or edited products, and re-score everyone when what the merchant sells, or
  // where, changed.
  const productCategories = new ProductCategories({
    db,
    api: new ShopApi(db, accounts.tokens, profile, logger.child({ module: 'score' }), now),
    rules: creators.rules,
    logger: logger.child({ module: 'score' }),
    now,
  });
  events.subscribe((event) => {
    if (event === 'sync:progress' || event === 'sync:statusChanged') void creators.worker.kick('sync');
    if (event === 'sync:statusChanged' || event === 'accounts:changed')
      void productCategories.refresh().then(async (changed) => {
        if (changed) await creators.worker.rescoreAll('sync');
      });
  });
  // A purge marks the creators it touched (a trigger on their sightings): re-index them now, not at the next sync.
  accounts.hooks.onPurged(() => void creators.worker.kick('sync'));
  const analytics = createAnalyticsService({
    db,
    rollups: new RollupStore(db),
    now,
    syncIntervalMinutes: () => settings.get().syncIntervalMinutes,
  });
  const creatorSources = createCreatorSources({
    db,
    vault,
    creators,
    sampleStore: new SampleApplicationWriter(db, new CreatorStore(db)),
    tokens: accounts.tokens,
    profile,
    activity,
    events,
    logger,
    now,
  });
  // A finished sync may have brought overdue samples; saved marketplace searches refresh once a day.
  events.subscribe((event, payload) => {
    if (event !== 'sync:statusChanged') return;
    const status = payload as EventPayload<'sync:statusChanged'>;
    if (status.accounts.every((a) => a.state !== 'running'))
      void creatorSources.afterSync().catch(() => undefined);
  });
  const outreach = createOutreach({
    db,
    tokens: accounts.tokens,
    profile,
    logger,
    now,
    emit: (payload) => events.emit('outreach:progress', payload),
    promotionLinks: (shopId, productIds) => promotionLinks.get(shopId, productIds),
    alert: (payload) => events.emit('outreach:alert', payload),
    crm: creators,
    limitsOf: (shopId) => effectiveLimits(settings.get().outreachShops, shopId),
    sensitiveWords: () => settings.get().sensitiveWords,
    cooldownDays: () => settings.get().outreachCooldownDays,
    creatorsChanged: (ids) =>
      events.emit('creators:changed', { ids: ids.length <= 500 ? ids : null, reason: 'sync' }),
  });
  // After the sources and outreach registered their extensions, so the first index pass sees contacts,
  // samples and outreach's last contacts.
  creators.start();
  accounts.hooks.registerPurge('outreach', (accountId, database) =>
    purgeAccountOutreach(database, accountId),
  );
  // Deliveries left `sending` by a crash are reconciled before anything else is sent.
  outreach.queue.start();
  const inbox = new InboxService({
    db,
    api: new ShopApi(db, accounts.tokens, profile, logger.child({ module: 'inbox' }), now),
    logger,
    now,
    emitChanged: (conversationIds) => events.emit('inbox:changed', { conversationIds }),
  });
  // Quick replies a crash left `sending` are read back from TikTok, never sent again blind.
  inbox.recover();
  let background: BackgroundSync | null = null;
  if (config.backgroundSync !== false) {
    background = startBackgroundSync({ sync, events, settings, logger, isOnline: () => canReach(apiHosts) });
    // A newly connected shop or ad account starts syncing at once (the Accounts page says so).
    events.subscribe((event, payload) => {
      if (event !== 'accounts:connectResult') return;
      const result = payload as EventPayload<'accounts:connectResult'>;
      if (result.outcome === 'connected' && result.accountId && result.provider !== 'identity') {
        void sync.run({ accountId: result.accountId, trigger: 'connect' });
      }
    });
    // Nothing could sync while storage was locked: catch up as soon as it opens.
    unlocker.onUnlocked(() => void sync.run({ trigger: 'unlock' }).catch(() => undefined));
  }

  const info = (): AppInfo => ({
    name: 'ShopMesh',
    version: config.version,
    profile: profile.name,
    transport: config.transport,
    dataDir: config.dataDir,
    platform: process.platform,
  });

  // Each domain owns the handlers of its contract slice; the Handlers type fails to compile when one is missing.
  const handlers: Handlers = {
    'app:info': () => info(),
    ...appLockHandlers(appLock),
    ...settingsHandlers(settings),
    ...activityHandlers(activity),
    ...accountsHandlers(accounts, unlocker),
    ...profileHandlers(profileSettings),
    ...syncHandlers(sync, db),
    ...ordersHandlers(db, new OrdersService({ db, api: catalogue.api, now }), now),
    ...productsHandlers(db, catalogue, new ProductImages({ db, sources: profile.imageSources, now, logger })),
    ...promotionLinksHandlers(promotionLinks),
    ...creatorsHandlers(creators),
    ...creatorListsHandlers(creators),
    ...analyticsHandlers(analytics),
    ...collaborationsHandlers(db),
    ...creatorSourcesHandlers(creatorSources, activity),
    ...samplesHandlers(creatorSources),
    ...marketplaceHandlers(creatorSources),
    ...outreachHandlers(outreach.service, promotionLinks),
    ...outreachResultsHandlers(db),
    ...inboxHandlers(inbox),
    ...privacyHandlers(privacy),
  };
  const router = new Router(handlers, {
    validateOutputs: config.validateOutputs ?? env.SHOPMESH_VALIDATE_OUTPUTS === '1',
    logger,
    gate: appLockGate(() => appLock.isLocked()),
  });

  activity.record('app.started', { version: config.version, transport: config.transport });
  logger.info(
    { dataDir: config.dataDir, transport: config.transport, profile: profile.name },
    'ShopMesh started',
  );
  // The retention rules run now and daily (Settings → Privacy shows and changes them).
  privacy.start();
  if (config.backgroundSync !== false) privacy.startBackups();
  // A Login Kit identity revoked at TikTok is only noticed by asking (identity-check.ts).
  if (config.backgroundSync !== false) accounts.startIdentityChecks();
  catalogue.start();
  appLock.start();

  let closed = false;
  return {
    config,
    logger,
    router,
    events,
    subscribeRenderer: (listener) =>
      events.subscribe((event, payload) => {
        if (eventAllowed(() => appLock.isLocked(), event)) listener(event, payload);
      }),
    appLock,
    db,
    settings,
    activity,
    profile,
    sandbox: sandbox?.info ?? null,
    vault,
    accounts,
    sync,
    creators,
    creatorSources,
    privacy,
    background,
    outreach: outreach.service,
    info,
    async close() {
      if (closed) return;
      closed = true;
      background?.stop();
      appLock.close();
      creatorSources.close();
      await catalogue.close();
      await outreach.queue.stop();
      await privacy.stop();
      await sync.close();
      await productCategories.close();
      await creators.close();
      await accounts.close();
      await sandbox?.close();
      vault.close();
      db.close();
      logger.flush();
    },
  };
}
