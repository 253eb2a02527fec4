import { AppError } from '@shared/errors';
import type { Language } from '@shared/settings';
import type { Logger } from '../../log/logger';
import type { LoopbackListener } from '../../oauth/loopback';
import type { Profile } from '../../profile/profile';
import type { CompletedGrant } from '../types';
import { accountTexts } from '../texts';

export interface FlowContext {
  profile: Profile;
  /** The attempt's CSRF state, already random. */
  state: string;
  timeoutMs?: number;
  /** The app's language, for the page the browser shows after the redirect. */
  language: Language;
  logger: Logger;
  now: () => number;
}

/** One started authorization: the page to open, the listener waiting for its redirect, and the exchange. */
export interface FlowSession {
  authorizeUrl: string;
  listener: LoopbackListener;
  /** Turns the redirect's query into tokens and what they reach. */
  complete(params: URLSearchParams): Promise<CompletedGrant>;
}

export type StartFlow = (ctx: FlowContext) => Promise<FlowSession>;

/**
 * TikTok Shop and API for Business fix the redirect URL in the app's settings, so the listener must bind
 * exactly that port and path. It has to be the literal 127.0.0.1 the listener binds (RFC 8252 §8.3).
 */
export function fixedRedirect(url: string, what: string): { port: number; path: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('VALIDATION', accountTexts.redirectMissing({ provider: what }));
  }
  if (
    parsed.protocol !== 'http:' ||
    parsed.hostname !== '127.0.0.1' ||
    parsed.port === '' ||
    parsed.search !== ''
  ) {
    throw new AppError(
      'VALIDATION',
      accountTexts.redirectNotLoopback({ provider: what, url: `${parsed.origin}${parsed.pathname}` }),
    );
  }
  return { port: Number(parsed.port), path: parsed.pathname };
}

/** The one query value a callback must carry; a missing code is the provider's fault, said plainly. */
export function requireParam(params: URLSearchParams, names: readonly string[], provider: string): string {
  for (const name of names) {
    const v = params.get(name);
    if (v && v !== 'null') return v;
  }
  throw new AppError('REMOTE', accountTexts.noAuthorizationCode({ provider }));
}
