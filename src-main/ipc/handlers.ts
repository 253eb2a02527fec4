import type { AppInfo, ChannelOutput, ChannelParsedInput } from '@shared/contract';
import type { AccountsService } from '../accounts/service';
import type { ActivityLog } from '../activity/activity-log';
import type { ProfileSettingsService } from '../profile/profile-service';
import type { SettingsService } from '../settings/settings-service';
import type { SyncService } from '../sync/service';
import type { VaultUnlocker } from '../vault/passphrase-unlock';
import type { Handlers } from './router';

export interface HandlerDeps {
  info: () => AppInfo;
  settings: SettingsService;
  activity: ActivityLog;
  accounts: AccountsService;
  sync: SyncService;
  orders: (input: ChannelParsedInput<'orders:list'>) => ChannelOutput<'orders:list'>;
  products: (input: ChannelParsedInput<'products:list'>) => ChannelOutput<'products:list'>;
  profile: ProfileSettingsService;
  unlocker: VaultUnlocker;
}

/** One line per channel: the router validated the input, the service does the work. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': () => deps.info(),
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
    'activity:list': (input) => deps.activity.list(input),
    'accounts:list': () => deps.accounts.list(),
    'accounts:connect': (input) => deps.accounts.connect(input),
    'accounts:cancelConnect': (input) => deps.accounts.cancelConnect(input),
    'accounts:disconnect': (input) => deps.accounts.disconnect(input),
    'vault:unlock': (input) => deps.unlocker.unlock(input.passphrase),
    'identity:get': () => deps.accounts.identity(),
    'sync:run': (input) => deps.sync.run(input),
    'sync:cancel': (input) => deps.sync.cancel(input),
    'sync:status': () => deps.sync.status(),
    'sync:history': (input) => deps.sync.history(input),
    'orders:list': (input) => deps.orders(input),
    'products:list': (input) => deps.products(input),
    'profile:get': () => deps.profile.get(),
    'profile:update': (input) => deps.profile.update(input),
  };
}
