import { useEffect, useRef } from 'react';
import { useChannelMutation } from '../../api';

const inputs = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Tells main that the user is doing something, so its idle timer starts again. Main owns the timer (a hidden
 * or closed window locks too); the page only reports input, at most a few times per idle period.
 */
export function useIdleReporter(active: boolean, idleSeconds: number): void {
  const { mutate } = useChannelMutation('appLock:activity', { silent: true });
  const lastSent = useRef(0);
  useEffect(() => {
    if (!active || idleSeconds <= 0) return;
    // A quarter of the idle time, between 1 s and 30 s: soon enough that main never locks a busy user.
    const every = Math.min(30_000, Math.max(1000, (idleSeconds * 1000) / 4));
    const onInput = () => {
      const now = Date.now();
      if (now - lastSent.current < every) return;
      lastSent.current = now;
      mutate({});
    };
    for (const name of inputs) window.addEventListener(name, onInput, { passive: true, capture: true });
    return () => {
      for (const name of inputs) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [active, idleSeconds, mutate]);
}
