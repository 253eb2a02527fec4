import type { AppInfo } from '@shared/contract';
import { ActivityLog } from './activity/activity-log';
import { type Database, openDatabase } from './db/connection';
import { EventBus } from './events';
import { createHandlers } from './ipc/handlers';
import { Router } from './ipc/router';
import { createLogger, type Logger } from './log/logger';
import { dataPaths } from './paths';
import { createConfSettingsStore } from './settings/conf-store';
import { SettingsService } from './settings/settings-service';
import type { SettingsStore } from './settings/settings-store';

export interface AppConfig {
  dataDir: string;
  transport: AppInfo['transport'];
  version: string;
  /** electron-store in the shell; `conf` on the same file otherwise. */
  settingsStore?: SettingsStore;
  logger?: Logger;
  /** Injected clock (UTC epoch ms) so tests can move time. */
  now?: () => number;
  /** Check every IPC result against the contract (tests and development). */
  validateOutputs?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ShopmeshApp {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly router: Router;
  readonly events: EventBus;
  readonly db: Database;
  readonly settings: SettingsService;
  readonly activity: ActivityLog;
  info(): AppInfo;
  close(): Promise<void>;
}

/**
 * The composition root: both transports and every integration test build the app through here, so what
 * the tests exercise is what the user runs.
 */
export async function createApp(config: AppConfig): Promise<ShopmeshApp> {
  const paths = dataPaths(config.dataDir);
  const env = config.env ?? process.env;
  const logger = config.logger ?? createLogger({ logDir: paths.logDir, echo: config.transport === 'web' });
  const now = config.now ?? Date.now;
  const db = openDatabase(paths.database);
  const settings = new SettingsService(
    config.settingsStore ?? createConfSettingsStore(config.dataDir),
    logger,
  );
  const activity = new ActivityLog(db, now);
  const events = new EventBus();

  settings.onChange((value, changed) => {
    events.emit('settings:changed', value);
    activity.record('settings.updated', { fields: changed.join(', ') });
  });
  activity.onRecord((entry) => events.emit('activity:added', entry));

  const info = (): AppInfo => ({
    name: 'ShopMesh',
    version: config.version,
    profile: env.SHOPMESH_PROFILE_FILE
      ? 'custom'
      : env.SHOPMESH_PROFILE === 'production'
        ? 'production'
        : 'sandbox',
    transport: config.transport,
    dataDir: config.dataDir,
    platform: process.platform,
  });

  const router = new Router(createHandlers({ info, settings, activity }), {
    validateOutputs: config.validateOutputs ?? env.NODE_ENV !== 'production',
    logger,
  });

  activity.record('app.started', { version: config.version, transport: config.transport });
  logger.info({ dataDir: config.dataDir, transport: config.transport }, 'ShopMesh started');

  let closed = false;
  return {
    config,
    logger,
    router,
    events,
    db,
    settings,
    activity,
    info,
    async close() {
      if (closed) return;
      closed = true;
      db.close();
      logger.flush();
    },
  };
}
