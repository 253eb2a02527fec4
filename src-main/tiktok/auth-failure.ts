import { AppError } from '@shared/errors';
import type { Translatable } from '@shared/texts';

/**
 * The API refused the token. Thrown by the request cores; the account-aware wrapper catches it, asks the
 * TokenSource to refresh (expired) or to retire the Account (revoked), and retries once.
 */
export class TokenRejected extends AppError {
  constructor(
    readonly kind: 'expired' | 'revoked',
    text: Translatable,
  ) {
    super(kind === 'expired' ? 'AUTH_EXPIRED' : 'AUTH_REVOKED', text);
  }
}

export function isTokenRejected(err: unknown): err is TokenRejected {
  return err instanceof TokenRejected;
}
