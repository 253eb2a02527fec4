import { parseArgs } from 'node:util';
import { createLogger } from '../log/logger';
import { DEFAULT_SEED, startSandbox } from './index';

/**
 * `npm run sandbox [-- --port N --scale demo|bench|tiny --seed N]`: prints the SandboxInfo as the first line
 * of stdout (one JSON object), logs to stderr, serves until SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'admin-token': { type: 'string' },
    },
    strict: true,
  });
  const logger = createLogger({ echo: true });
  const scale = values.scale;
  if (scale !== 'demo' && scale !== 'bench' && scale !== 'tiny')
    throw new Error(`--scale must be demo, bench or tiny (got ${scale})`);
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0-65535 (got ${values.port})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer (got ${values.seed})`);
  const handle = await startSandbox({
    port,
    scale,
    seed,
    logger,
    adminToken: values['admin-token'] ?? process.env.SHOPMESH_SANDBOX_ADMIN_TOKEN,
  });
  process.stdout.write(`${JSON.stringify(handle.info)}\n`);
  const stop = (signal: string): void => {
    logger.info({ signal }, 'sandbox stopping');
    handle.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
