import { AppError } from '@shared/errors';

/**
 * The API refused the token. Thrown by the request cores; the account-aware wrapper catches it, asks the
 * TokenSource to refresh (expired) or to retire the Account (revoked), and retries once.
 */
export class TokenRejected extends AppError {
  constructor(
    readonly kind: 'expired' | 'revoked',
    message: string,
  ) {
    super(kind === 'expired' ? 'AUTH_EXPIRED' : 'AUTH_REVOKED', message);
  }
}

export function isTokenRejected(err: unknown): err is TokenRejected {
  return err instanceof TokenRejected;
}
