import { createApp, type ShopmeshApp } from '../../src-main/app';
import { silentLogger } from '../../src-main/log/logger';
import { makeTempDir } from './tmp';

/** A real app (real SQLite file, real conf settings) in a throwaway data folder. */
export async function makeTestApp(
  overrides: { dataDir?: string; transport?: 'web' | 'electron' } = {},
): Promise<{ app: ShopmeshApp; dataDir: string; cleanup: () => Promise<void> }> {
  const tmp = overrides.dataDir ? undefined : makeTempDir();
  const dataDir = overrides.dataDir ?? tmp!.dir;
  const app = await createApp({
    dataDir,
    transport: overrides.transport ?? 'web',
    version: '0.0.0-test',
    logger: silentLogger(),
    validateOutputs: true,
    env: {},
  });
  return {
    app,
    dataDir,
    cleanup: async () => {
      await app.close();
      tmp?.cleanup();
    },
  };
}
