import { useCallback, useEffect, useState } from 'react';
import type { ProfileState, ProfileUpdateInput } from '@shared/profile';
import { api } from '../../api';
import { useToasts } from '../../components/Toasts';

export interface ProfileStateApi {
  state: ProfileState | null;
  /** The state could not be loaded, so it is unknown rather than empty. */
  failed: boolean;
  /** Resolves to the new state, or null after a toast when main refused the change. */
  save(input: ProfileUpdateInput): Promise<ProfileState | null>;
}

export function useProfileState(): ProfileStateApi {
  const { showError } = useToasts();
  const [state, setState] = useState<ProfileState | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.invoke('profile:get').then(
      (value) => {
        if (live) setState(value);
      },
      (error: unknown) => {
        if (!live) return;
        setFailed(true);
        showError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [showError]);

  const save = useCallback(
    async (input: ProfileUpdateInput) => {
      try {
        const next = await api.invoke('profile:update', input);
        setState(next);
        return next;
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [showError],
  );

  return { state, failed, save };
}
