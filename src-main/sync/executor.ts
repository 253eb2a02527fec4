import { type EngineDeps, type RunContext, type RunResult, runAccount } from './engine';

/**
 * Where a SyncRun's work (requests, decoding, SQLite writes, rollup rebuilds) happens. The service keeps
 * the bookkeeping (locks, status, history) on its own thread either way.
 */
export interface RunExecutor {
  execute(run: RunContext): Promise<RunResult>;
  close(): Promise<void>;
}

/** On the service's own thread: tests with an injected clock, and tools. */
export function inlineExecutor(deps: EngineDeps): RunExecutor {
  return {
    execute: (run) => runAccount(deps, run),
    close: async () => undefined,
  };
}
