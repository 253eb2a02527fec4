import { z } from 'zod';
import { englishOf, textParamsSchema, type TextParams, type Translatable } from './texts';

/** Stable error codes that cross the IPC boundary. Never rename one: the automation API depends on them. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'AUTH_EXPIRED',
  'AUTH_REVOKED',
  'RATE_LIMITED',
  'REMOTE',
  'LOCKED',
  'CONFLICT',
  'OFFLINE',
  'INTERNAL',
  /** A write reached TikTok but its answer was lost or failed: it may or may not have been made. */
  'OUTCOME_UNKNOWN',
  /** Stopped on request (the user cancelled a sync or a connection attempt), not refused. */
  'CANCELLED',
  /** Another write (a sync) held the database longer than a write may wait; the change did not finish: retry it. */
  'BUSY',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const appErrorShapeSchema = z.object({
  code: errorCodeSchema,
  /** English, for scripts and the log; the UI shows the translation of `key` (or of `code` without one). */
  message: z.string(),
  /** The catalogue key of the text (`sync.errors.vaultLocked`), with its parameters. */
  key: z.string().optional(),
  params: textParamsSchema.optional(),
  details: z
    .object({ issues: z.array(errorIssueSchema).optional() })
    .catchall(z.unknown())
    .optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShapeSchema>;

/**
 * The only error type services throw on purpose; anything else becomes INTERNAL at the boundary. Give it a
 * text from the domain's `texts.ts` (`new AppError('LOCKED', syncTexts.vaultLocked())`) so the renderer can
 * translate it; a plain English string is for errors no merchant sees (the UI then shows a text per code).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorShape['details'];
  readonly key: string | undefined;
  readonly params: TextParams | undefined;

  constructor(code: ErrorCode, text: Translatable | string, details?: AppErrorShape['details']) {
    super(typeof text === 'string' ? text : englishOf(text));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.key = typeof text === 'string' ? undefined : text.key;
    this.params = typeof text === 'string' ? undefined : text.params;
  }

  /** The text to show, when the error carries one. */
  get text(): Translatable | null {
    return this.key === undefined ? null : { key: this.key, params: this.params ?? {} };
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.key !== undefined ? { key: this.key, params: this.params ?? {} } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }

  static fromShape(shape: AppErrorShape): AppError {
    const error = new AppError(
      shape.code,
      shape.key === undefined ? shape.message : { key: shape.key, params: shape.params ?? {} },
      shape.details,
    );
    // The English came with the shape: keep it even where this side does not know the key's template.
    if (shape.key !== undefined) Object.defineProperty(error, 'message', { value: shape.message });
    return error;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The text of the generic message for an error code (`errors.code.REMOTE`), in the shared catalogue. */
export function codeText(code: ErrorCode): Translatable {
  return { key: `errors.code.${code}`, params: {} };
}

/**
 * What to store or show for a failure: the error's own text, else its code's generic text, else INTERNAL's.
 * Never the English message, which may name internals.
 */
export function errorTextOf(error: unknown): Translatable {
  if (!isAppError(error)) return codeText('INTERNAL');
  return error.text ?? codeText(error.code);
}
