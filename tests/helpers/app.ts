import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { type AppConfig, createApp, type ShopmeshApp } from '../../src-main/app';
import { silentLogger } from '../../src-main/log/logger';
import { freePort } from './ports';
import { makeTempDir } from './tmp';

/** The vault settings tests use unless the keychain is the point: no OS keychain needed, same key on restart. */
export const testVaultEnv = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'shopmesh-test-passphrase',
} as const;

export type TestAppOverrides = Partial<
  Pick<
    AppConfig,
    | 'transport'
    | 'env'
    | 'now'
    | 'openExternal'
    | 'connectTimeoutMs'
    | 'logger'
    | 'sandbox'
    | 'backgroundSync'
    | 'loadKeytar'
    | 'validateOutputs'
    | 'syncWorker'
  >
> & { dataDir?: string };

/**
 * A real app (real SQLite file, real conf settings, the embedded sandbox at `tiny` scale on free redirect
 * ports so parallel tests never collide) in a throwaway data folder. `env` defaults to `{}` (the keychain,
 * or a locked vault where there is none); pass `testVaultEnv` when a test stores tokens.
 */
export async function makeTestApp(
  overrides: TestAppOverrides = {},
): Promise<{ app: ShopmeshApp; dataDir: string; cleanup: () => Promise<void> }> {
  const tmp = overrides.dataDir ? undefined : makeTempDir();
  const dataDir = overrides.dataDir ?? tmp!.dir;
  const { dataDir: _ignored, sandbox, ...rest } = overrides;
  const app = await createApp({
    dataDir,
    transport: 'web',
    version: '0.0.0-test',
    logger: silentLogger(),
    validateOutputs: true,
    // Tests sync on demand; the scheduler has its own fake-timer tests.
    backgroundSync: false,
    ...rest,
    env: overrides.env ?? {},
    sandbox: {
      scale: 'tiny',
      ...sandbox,
      redirectPorts: sandbox?.redirectPorts ?? { shop: await freePort(), ads: await freePort() },
    },
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

/** A channel called as the renderer calls it; a refusal throws with its error code, so a test reads the result. */
export async function invokeOk<C extends Channel>(
  app: ShopmeshApp,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const res = await app.router.invoke(channel, input);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.result as ChannelOutput<C>;
}
