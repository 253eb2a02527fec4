import type { settingsSlice } from '@shared/channels/settings';
import type { HandlersFor } from '../ipc/router';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService): HandlersFor<typeof settingsSlice> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  };
}
