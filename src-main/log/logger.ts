import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { redactText, redactValue } from './redact';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Folder for `shopmesh.log` and its rotated siblings; omit to log to stderr only (CLI tools). */
  logDir?: string;
  level?: string;
  /** Also echo to stderr (the web bridge and CLIs want this; the packaged app does not). */
  echo?: boolean;
}

/** Every object and message passes through the redactor before pino serialises it. */
export const redactingHooks: pino.LoggerOptions['hooks'] = {
  logMethod(args, method) {
    const cleaned = args.map((a) => (typeof a === 'string' ? redactText(a) : redactValue(a)));
    method.apply(this, cleaned as Parameters<typeof method>);
  },
};

/**
 * The one logger of the main process. Every object and message passes through the redactor before it is
 * serialised, so a secret handed to the logger by mistake still never reaches a file.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const streams: pino.StreamEntry[] = [];
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
    const file = createStream('shopmesh.log', {
      path: options.logDir,
      // Log lines name orders and Accounts: readable by the user only (paths.ts, preparePrivateDataDir).
      mode: 0o600,
      size: '5M',
      maxFiles: 5,
      compress: false,
    });
    streams.push({ stream: file });
  }
  if (options.echo || !options.logDir) streams.push({ stream: process.stderr });
  return pino(
    {
      level: options.level ?? process.env.SHOPMESH_LOG_LEVEL ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: redactingHooks,
    },
    pino.multistream(streams),
  );
}

export function logFilePath(logDir: string): string {
  return join(logDir, 'shopmesh.log');
}

/** A logger that drops everything: for unit tests of modules that take a logger. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
