import { fileURLToPath } from 'node:url';
import type { SyncWorkerSpec } from '../../src-main/sync/worker/protocol';

/** The sync worker from its TypeScript source (the built app starts out/main/sync-worker.js). */
export const tsSyncWorker: SyncWorkerSpec = {
  url: new URL('../../src-main/sync/worker/entry.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
  // tsx resolves the `@shared/*` alias from this config.
  env: {
    ...process.env,
    TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)),
  },
};
