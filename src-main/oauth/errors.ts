import { AppError, type ErrorCode } from '@shared/errors';
import type { Translatable } from '@shared/texts';

/** The ways waiting for a browser redirect can end badly; the UI translates each one (details.outcome). */
export const callbackFailures = ['denied', 'state_mismatch', 'timeout', 'cancelled', 'port_in_use'] as const;
export type CallbackFailure = (typeof callbackFailures)[number];

const codeOf: Record<CallbackFailure, ErrorCode> = {
  denied: 'REMOTE',
  state_mismatch: 'VALIDATION',
  timeout: 'REMOTE',
  cancelled: 'CANCELLED',
  port_in_use: 'CONFLICT',
};

export interface CallbackErrorDetails {
  /** The provider's `error` value when it refused (e.g. `access_denied`), already sanitised. */
  providerError?: string;
  providerErrorDescription?: string;
  port?: number;
}

/** An AppError whose `outcome` (also in `details.outcome`, so it survives IPC) says which failure it was. */
export class OAuthCallbackError extends AppError {
  readonly outcome: CallbackFailure;

  constructor(outcome: CallbackFailure, text: Translatable, extra: CallbackErrorDetails = {}) {
    super(codeOf[outcome], text, { outcome, ...extra });
    this.name = 'OAuthCallbackError';
    this.outcome = outcome;
  }
}

export function isOAuthCallbackError(value: unknown, outcome?: CallbackFailure): value is OAuthCallbackError {
  return value instanceof OAuthCallbackError && (outcome === undefined || value.outcome === outcome);
}
