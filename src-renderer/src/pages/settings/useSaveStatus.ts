import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'idle' | 'saving' | 'saved';

const savedVisibleMs = 2500;

/** Tracks overlapping saves so "Saved" appears only once the last one has landed. */
export function useSaveStatus(): { status: SaveStatus; track: (save: Promise<boolean>) => void } {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const pending = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const track = useCallback((save: Promise<boolean>) => {
    pending.current += 1;
    window.clearTimeout(timer.current);
    setStatus('saving');
    void save.then((ok) => {
      pending.current -= 1;
      if (pending.current > 0) return;
      setStatus(ok ? 'saved' : 'idle');
      if (ok) timer.current = window.setTimeout(() => setStatus('idle'), savedVisibleMs);
    });
  }, []);

  return { status, track };
}
