import { describe, expect, it } from 'vitest';
import { revealSteps } from '../../../src-main/security/single-instance';

describe('revealSteps', () => {
  it.each([
    [{ exists: false, minimized: false, visible: false }, ['create', 'focus']],
    [{ exists: true, minimized: false, visible: true }, ['focus']],
    [{ exists: true, minimized: true, visible: true }, ['restore', 'focus']],
    [{ exists: true, minimized: false, visible: false }, ['show', 'focus']],
    [{ exists: true, minimized: true, visible: false }, ['restore', 'show', 'focus']],
  ])('%j → %j', (state, steps) => {
    expect(revealSteps(state)).toEqual(steps);
  });
});
