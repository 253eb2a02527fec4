import type { Family } from './faults';
import type { SandboxState } from './state';

/** Pending consent screens: the form only carries an opaque id, so the request parameters cannot be tampered with. */
const CONSENT_TTL_SEC = 30 * 60;

export function openConsent(state: SandboxState, family: Family, params: Record<string, string>): string {
  const id = state.randomCode(18);
  state.consents.set(id, { family, createdAt: state.clock.nowSec(), params });
  return id;
}

export function takeConsent(
  state: SandboxState,
  family: Family,
  id: string | null,
): Record<string, string> | null {
  if (id === null) return null;
  const c = state.consents.get(id);
  if (!c || c.family !== family || state.clock.nowSec() - c.createdAt > CONSENT_TTL_SEC) return null;
  state.consents.delete(id);
  return c.params;
}
