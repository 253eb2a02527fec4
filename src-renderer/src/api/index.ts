import { createApiClient, pickBridge } from './client';

export type { ApiClient } from './client';
export { errorText, errorTexts, toAppError, translateText } from './errors';
export { ApiProvider, createQueryClient } from './ApiProvider';
export { channelKey, useChannelMutation, useChannelQuery, useInvalidateOn } from './useChannelQuery';
export { useMainEvent } from './useMainEvent';
export { useWritesBlocked, WritesBlockedContext } from './writesBlocked';
export { beforePaging, cursorPaging, useChannelList, type KeysetList, type Paging } from './useChannelList';

export const api = createApiClient(pickBridge());
