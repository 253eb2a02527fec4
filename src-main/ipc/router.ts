import type { z } from 'zod';
import {
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  channels,
  isChannel,
  type ResultEnvelope,
} from '@shared/contract';
import { AppError, type ErrorIssue } from '@shared/errors';
import type { Logger } from '../log/logger';
import { ipcTexts } from './texts';

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one domain's contract slice; `ipc/handlers.ts` merges them and the type checks that all exist. */
export type HandlersFor<S extends { channels: Record<string, unknown> }> = {
  [C in keyof S['channels'] & Channel]: Handler<C>;
};

export interface RouterOptions {
  /**
   * Check every result against the contract's output schema: on in tests and development, off in the
   * packaged app, where a result that drifted from the contract should still reach the user.
   */
  validateOutputs: boolean;
  logger: Logger;
  /**
   * Runs before a known channel's input is parsed and may throw an AppError to refuse it (the app lock
   * refuses every channel but its own while locked, `app-lock/gate.ts`).
   */
  gate?: (channel: Channel) => void;
}

/** Longest path or message echoed per issue, and most issues echoed, in a validation error. */
const maxIssueText = 200;
const maxIssues = 10;

const clip = (text: string): string =>
  text.length <= maxIssueText ? text : `${text.slice(0, maxIssueText)}… (${text.length} characters)`;

/**
 * The issues of a failed parse, for the error's message and params. Paths and messages can carry the
 * caller's own keys (an unknown key is named in full), so each is clipped and only the first few are kept:
 * a 900 KB key must not come back as a 1.8 MB reply.
 */
export function zodIssues(error: z.ZodError): ErrorIssue[] {
  const issues = error.issues.slice(0, maxIssues).map((i) => ({
    path: clip(i.path.map(String).join('.') || '(input)'),
    message: clip(i.message),
  }));
  const more = error.issues.length - issues.length;
  if (more > 0) issues.push({ path: '(input)', message: `${more} more problems` });
  return issues;
}

function describeIssues(issues: ErrorIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/**
 * The single entry point of every transport: validates the input against the contract, calls the handler,
 * and turns every outcome into an envelope. Nothing but an AppError's own message crosses the boundary.
 */
export class Router {
  constructor(
    private readonly handlers: Handlers,
    private readonly options: RouterOptions,
  ) {}

  /** Whether results are checked against the contract (see `RouterOptions.validateOutputs`). */
  get validatesOutputs(): boolean {
    return this.options.validateOutputs;
  }

  async invoke(channel: string, rawInput: unknown): Promise<ResultEnvelope> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel "${channel}"` } };
    }
    try {
      return { ok: true, result: await this.call(channel, rawInput) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      if (isBusy(err)) {
        // Another connection (the sync worker) held the write lock past the busy timeout. The transaction
        // that met it rolled back; the merchant's writes are idempotent, so the request can be sent again.
        this.options.logger.warn({ channel }, 'database busy');
        return { ok: false, error: new AppError('BUSY', ipcTexts.busy()).toShape() };
      }
      this.options.logger.error({ err, channel }, 'handler failed');
      return {
        ok: false,
        error: new AppError('INTERNAL', ipcTexts.internal()).toShape(),
      };
    }
  }

  private async call<C extends Channel>(channel: C, rawInput: unknown): Promise<ChannelOutput<C>> {
    this.options.gate?.(channel);
    const def = channels[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      const fields = [...new Set(issues.map((i) => i.path))].join(', ');
      const text = ipcTexts.invalidInput({ channel, fields, problems: describeIssues(issues) });
      throw new AppError('VALIDATION', text, { issues });
    }
    const handler = this.handlers[channel] as Handler<C>;
    const result = await handler(parsed.data as ChannelParsedInput<C>);
    if (this.options.validateOutputs) {
      const out = def.output.safeParse(result);
      if (!out.success) {
        throw new Error(`Output of ${channel} breaks the contract: ${describeIssues(zodIssues(out.error))}`);
      }
    }
    return result;
  }
}

/** SQLite's "database is locked" (SQLITE_BUSY and its extended codes) or "table is locked" (SQLITE_LOCKED). */
function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}
