/**
 * The app as `npm run start:web` runs it (createApp behind the loopback web bridge), in its own process, for
 * the IPC latency bench. argv[2] is JSON: { dataDir, syncTuning, inline }; `inline` runs SyncRuns on the
 * bridge's own thread (the arrangement before the sync worker) instead of in the sync worker. Prints `APP-HOST {"url","token"}` once
 * the bridge listens; stops on SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import { createApp } from '../../src-main/app';
import { startWebBridge } from '../../src-main/web/bridge';
import { tsSyncWorker } from '../helpers/sync-worker';

const args = z
  .object({
    dataDir: z.string(),
    syncTuning: z.object({
      limits: z.object({ shopQps: z.number() }),
      jobOptions: z.object({ orderLookbackDays: z.number().int() }),
    }),
    inline: z.boolean(),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const app = await createApp({
  dataDir: args.dataDir,
  transport: 'web',
  version: '0.0.0-bench',
  env: process.env,
  // The bench starts the one sync it measures.
  backgroundSync: false,
  syncTuning: args.syncTuning,
  ...(args.inline ? {} : { syncWorker: tsSyncWorker }),
});
const bridge = await startWebBridge({ app, staticDir: args.dataDir, port: 0 });
process.stdout.write(
  `APP-HOST ${JSON.stringify({ url: `http://127.0.0.1:${bridge.port}`, token: bridge.token })}\n`,
);
// IPC_BENCH_TRACE=1: the worst event-loop delay of each 5 s, to tell a busy or blocked thread from a queue
// elsewhere (the bench relays these lines to its stderr).
if (process.env.IPC_BENCH_TRACE) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const worst: number[] = [];
  setInterval(() => {
    worst.push(Math.round(delay.max / 1e6));
    delay.reset();
  }, 5_000).unref();
  process.once('SIGTERM', () =>
    process.stderr.write(`APP-HOST-TRACE worst event-loop delay per 5 s (ms): ${worst.join(' ')}\n`),
  );
}
// IPC_BENCH_PROFILE=<file>: a CPU profile of this (the bridge's) thread over the whole run, written at
// SIGTERM, to see what holds the thread when the trace shows a long delay (open it in Chrome DevTools).
const profilePath = process.env.IPC_BENCH_PROFILE;
const profiler = profilePath ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 1000 });
  await profiler.post('Profiler.start');
}
process.once('SIGTERM', () => {
  void (
    profiler && profilePath
      ? profiler
          .post('Profiler.stop')
          .then(({ profile }) => writeFileSync(profilePath, JSON.stringify(profile)))
      : Promise.resolve()
  )
    .then(() => bridge.close())
    .then(() => app.close())
    .then(() => process.exit(0));
});
