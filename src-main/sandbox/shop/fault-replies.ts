import type { Reply } from '../http';
import type { SandboxState } from '../state';
import { shopCodes } from './errors';
import { shopEnvelope } from './gate';

/** Injected faults answer the way the Shop gateway does: 429/36009002 and 500/36009003. */
export function shopApiEnvelopeFor(state: SandboxState, action: 'rateLimit' | 'serverError'): Reply {
  return action === 'rateLimit'
    ? shopEnvelope(
        state,
        shopCodes.rateLimited,
        'Too many requests: the rate limit for this API and shop is exceeded. Retry with backoff.',
        null,
      )
    : shopEnvelope(state, shopCodes.internal, 'Internal error, please retry', null);
}
