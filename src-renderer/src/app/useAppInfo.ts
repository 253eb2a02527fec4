import type { AppInfo } from '@shared/contract';
import { useChannelQuery } from '../api';

export function useAppInfo(): AppInfo | null {
  // The top bar's version line: it waits for the first screen (api/firstPaint.ts).
  return useChannelQuery('app:info', undefined, { deferred: true }).data ?? null;
}
