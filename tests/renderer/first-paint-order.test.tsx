import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { noteFirstCommit, useFirstPaintDone } from '../../src-renderer/src/api/firstPaint';

// Its own file: the first screen is painted once per window (module state).
describe('the work that waits for the first screen', () => {
  it('runs after what the painted frame’s other animation callbacks queued for after its paint', async () => {
    const { result } = renderHook(() => useFirstPaintDone());
    noteFirstCommit(5_000);
    // As the bench's watch of the rows' paint does: a message posted from the frame's animation callback.
    let paintedWhenTheFrameWasSeen: boolean | null = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        paintedWhenTheFrameWasSeen = result.current;
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });

    await waitFor(() => expect(result.current).toBe(true));
    // The deferred work (here: the re-render it causes) had not run yet when that callback ran.
    expect(paintedWhenTheFrameWasSeen).toBe(false);
  });
});
