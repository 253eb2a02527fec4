import { createApiClient, pickBridge } from './client';

export type { ApiClient } from './client';
export { toAppError } from './errors';

export const api = createApiClient(pickBridge());
