import type { AppInfo } from '@shared/contract';
import { useChannelQuery } from '../api';

export function useAppInfo(): AppInfo | null {
  return useChannelQuery('app:info').data ?? null;
}
