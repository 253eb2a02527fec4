import type { Channel, EventName } from '@shared/contract';
import { AppError } from '@shared/errors';
import { appLockTexts } from './texts';

/** The only channels answered while the app is locked: enough to show the lock screen and unlock. */
export const channelsWhileLocked: ReadonlySet<Channel> = new Set<Channel>([
  'appLock:status',
  'appLock:unlock',
  'appLock:lock',
]);

/** The only event the renderer receives while locked (the others carry data: ids, progress, settings). */
export const eventsWhileLocked: ReadonlySet<EventName> = new Set<EventName>(['appLock:changed']);

/**
 * The router's gate: refuses every other channel while locked. It runs in main, before the input is even
 * parsed, so hiding the UI is not the only defence: a script on the web bridge gets `LOCKED` too.
 */
export function appLockGate(isLocked: () => boolean): (channel: Channel) => void {
  return (channel) => {
    if (isLocked() && !channelsWhileLocked.has(channel)) {
      throw new AppError('LOCKED', appLockTexts.locked(), { appLock: 'locked' });
    }
  };
}

/** Whether an event may go to the renderer now. */
export function eventAllowed(isLocked: () => boolean, event: EventName): boolean {
  return !isLocked() || eventsWhileLocked.has(event);
}
