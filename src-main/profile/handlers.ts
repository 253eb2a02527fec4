import type { profileSlice } from '@shared/channels/profile';
import type { HandlersFor } from '../ipc/router';
import type { ProfileService } from './profile-service';

export function profileHandlers(profile: ProfileService): HandlersFor<typeof profileSlice> {
  return {
    'profile:get': () => profile.get(),
    'profile:update': (input) => profile.update(input),
  };
}
