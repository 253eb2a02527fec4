import { noInput, type ContractSlice } from '../channel';
import {
  appLockChangeInputSchema,
  appLockDisableInputSchema,
  appLockEnableInputSchema,
  appLockStatusSchema,
  appLockUnlockInputSchema,
} from '../app-lock';

/**
 * While the app is locked the router answers only `appLock:status`, `appLock:unlock` and `appLock:lock`; every
 * other channel gets `LOCKED` (`appLock.errors.locked`), and only `appLock:changed` reaches the renderer.
 */
export const appLockSlice = {
  title: 'App lock',
  channels: {
    'appLock:status': {
      input: noInput,
      output: appLockStatusSchema,
      summary:
        'Whether the app lock is on and the app locked now, the idle time, wrong attempts and when the next attempt is allowed. Answered while locked.',
      writes: false,
    },
    'appLock:unlock': {
      input: appLockUnlockInputSchema,
      output: appLockStatusSchema,
      summary:
        'Unlocks with the app lock passphrase. A wrong one gets `VALIDATION` and a growing wait (`RATE_LIMITED` with `retryAt` until it passes). Answered while locked.',
      writes: true,
    },
    'appLock:lock': {
      input: noInput,
      output: appLockStatusSchema,
      summary: 'Locks now ("Lock now"). `CONFLICT` when the app lock is off. Answered while locked.',
      writes: true,
    },
    'appLock:activity': {
      input: noInput,
      output: appLockStatusSchema,
      summary:
        'The user did something in the window: the idle time starts again. The renderer sends it at most every few seconds.',
      writes: false,
    },
    'appLock:enable': {
      input: appLockEnableInputSchema,
      output: appLockStatusSchema,
      summary:
        'Turns the app lock on with a new passphrase (scrypt with a random salt; only the derived hash is kept). `CONFLICT` when it is already on.',
      writes: true,
    },
    'appLock:change': {
      input: appLockChangeInputSchema,
      output: appLockStatusSchema,
      summary:
        'Replaces the app lock passphrase; needs the current one (a wrong one counts as a wrong attempt).',
      writes: true,
    },
    'appLock:disable': {
      input: appLockDisableInputSchema,
      output: appLockStatusSchema,
      summary:
        'Turns the app lock off; needs the current passphrase (a wrong one counts as a wrong attempt).',
      writes: true,
    },
  },
  events: {
    'appLock:changed': {
      payload: appLockStatusSchema,
      summary: 'The app lock was turned on or off, locked or unlocked, or an attempt failed.',
    },
  },
} as const satisfies ContractSlice;
