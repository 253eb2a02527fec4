import { z } from 'zod';

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
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const appErrorShapeSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z
    .object({ issues: z.array(errorIssueSchema).optional() })
    .catchall(z.unknown())
    .optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShapeSchema>;

/** The only error type services throw on purpose; anything else becomes INTERNAL at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorShape['details'];

  constructor(code: ErrorCode, message: string, details?: AppErrorShape['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
