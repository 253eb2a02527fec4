import { useCallback } from 'react';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { AppError } from '@shared/errors';
import type { ProfileState, ProfileUpdateInput } from '@shared/profile';
import { channelKey, useChannelMutation, useChannelQuery } from '../../../api';

export interface ProfileStateApi {
  query: UseQueryResult<ProfileState, AppError>;
  /** Resolves to the new state, or null after a toast when main refused the change. */
  save(input: ProfileUpdateInput): Promise<ProfileState | null>;
}

export function useProfileState(): ProfileStateApi {
  const queryClient = useQueryClient();
  const query = useChannelQuery('profile:get');
  const { mutateAsync } = useChannelMutation('profile:update', {
    onSuccess: (next) => queryClient.setQueryData(channelKey('profile:get'), next),
  });
  const save = useCallback(
    (input: ProfileUpdateInput) =>
      mutateAsync(input).then(
        (next) => next,
        () => null,
      ),
    [mutateAsync],
  );
  return { query, save };
}
