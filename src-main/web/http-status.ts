import type { ErrorCode } from '@shared/errors';

/** How each contract error code maps to an HTTP status on the web bridge (documented in docs/API.md). */
export const httpStatusByCode: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  AUTH_EXPIRED: 401,
  AUTH_REVOKED: 401,
  RATE_LIMITED: 429,
  REMOTE: 502,
  LOCKED: 423,
  CONFLICT: 409,
  OFFLINE: 503,
  INTERNAL: 500,
  // The upstream answer was lost: a gateway timeout, whatever happened upstream.
  OUTCOME_UNKNOWN: 504,
  // No standard status means "the client asked to stop"; 409 says the request did not complete as asked.
  CANCELLED: 409,
  // Nothing was changed and the same request may succeed in a moment.
  BUSY: 503,
};
