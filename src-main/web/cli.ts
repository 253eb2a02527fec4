import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { logFilePath } from '../log/logger';
import { dataPaths, defaultDataDir } from '../paths';
import { appVersion } from '../version';
import { startWebBridge } from './bridge';
import { statusLines } from './status-lines';

/** `npm run start:web`: the real main-process app behind the loopback web bridge. */
async function main(): Promise<void> {
  const env = process.env;
  const port = env.SHOPMESH_PORT ? Number(env.SHOPMESH_PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`SHOPMESH_PORT must be a port number (0-65535), got "${env.SHOPMESH_PORT}"\n`);
    process.exit(2);
  }
  const app = await createApp({
    dataDir: defaultDataDir(env),
    transport: 'web',
    version: appVersion,
    env,
    // Built beside this file (electron.vite.config.ts): out/main/sync-worker.js.
    syncWorker: { url: new URL('./sync-worker.js', import.meta.url) },
  });
  // out/main/web.js serves out/renderer.
  const staticDir =
    env.SHOPMESH_RENDERER_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const bridge = await startWebBridge({ app, staticDir, port, token: env.SHOPMESH_WEB_TOKEN || undefined });
  // Scripts and the e2e harness drive the built-in simulator through its admin API (docs/sandbox.md); its
  // token is SHOPMESH_SANDBOX_ADMIN_TOKEN. Printed before the line below, which a harness waits for.
  if (app.sandbox) process.stdout.write(`Sandbox admin API at ${app.sandbox.adminBase}\n`);
  // The one line a user (or a test harness) needs; written directly because the logger redacts tokens.
  process.stdout.write(`ShopMesh is running at ${bridge.url}\n`);
  process.stdout.write(
    statusLines({
      profile: app.profile.name,
      list: app.accounts.list(),
      logFile: logFilePath(dataPaths(app.config.dataDir).logDir),
    }),
  );

  const stop = async (): Promise<void> => {
    await bridge.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`ShopMesh could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
