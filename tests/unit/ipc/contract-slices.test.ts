import { describe, expect, it } from 'vitest';
import { channelNames, eventNames, slices } from '@shared/contract';

describe('contract slices', () => {
  it('never claim the same channel or event twice (a later slice would silently replace it)', () => {
    const channelCount = slices.reduce((n, s) => n + Object.keys(s.channels).length, 0);
    const eventCount = slices.reduce((n, s) => n + Object.keys(s.events).length, 0);
    expect(channelNames).toHaveLength(channelCount);
    expect(eventNames).toHaveLength(eventCount);
  });

  it('name channels `domain:action` and mark each one as writing or reading', () => {
    for (const slice of slices) {
      for (const [name, def] of Object.entries(slice.channels)) {
        expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
        expect(typeof def.writes, name).toBe('boolean');
      }
    }
  });
});
