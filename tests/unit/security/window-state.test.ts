import { describe, expect, it } from 'vitest';
import {
  captureWindowState,
  defaultWindowSize,
  type DisplayArea,
  restoreWindowState,
} from '../../../src-main/security/window-state';

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1050 } };
const rightMonitor: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
const small: DisplayArea = { workArea: { x: 0, y: 0, width: 1024, height: 700 } };

describe('restoreWindowState', () => {
  it.each<[string, unknown, DisplayArea[], object]>([
    [
      'valid and visible',
      { x: 100, y: 80, width: 1300, height: 850, isMaximized: false },
      [laptop],
      { x: 100, y: 80, width: 1300, height: 850, isMaximized: false },
    ],
    [
      'on the second monitor',
      { x: 2100, y: 100, width: 1400, height: 900, isMaximized: true },
      [laptop, rightMonitor],
      { x: 2100, y: 100, width: 1400, height: 900, isMaximized: true },
    ],
    [
      'monitor unplugged → default size, OS centres',
      { x: 2100, y: 100, width: 1400, height: 900, isMaximized: false },
      [laptop],
      { width: defaultWindowSize.width, height: defaultWindowSize.height, isMaximized: false },
    ],
    [
      'barely visible corner → default',
      { x: 1900, y: 1040, width: 1200, height: 800, isMaximized: false },
      [laptop],
      { width: 1280, height: 800, isMaximized: false },
    ],
    [
      'oversized → shrunk to the display',
      { x: 0, y: 0, width: 5000, height: 3000, isMaximized: false },
      [laptop],
      { x: 0, y: 0, width: 1920, height: 1050, isMaximized: false },
    ],
    [
      'too small → minimum size',
      { x: 10, y: 10, width: 200, height: 100, isMaximized: false },
      [laptop],
      { x: 10, y: 10, width: 960, height: 600, isMaximized: false },
    ],
    ['nothing saved', undefined, [laptop], { width: 1280, height: 800, isMaximized: false }],
    ['garbage', 'hello', [laptop], { width: 1280, height: 800, isMaximized: false }],
    [
      'missing field',
      { x: 1, y: 1, width: 1000 },
      [laptop],
      { width: 1280, height: 800, isMaximized: false },
    ],
    [
      'fractional',
      { x: 1.5, y: 1, width: 1000, height: 700, isMaximized: false },
      [laptop],
      { width: 1280, height: 800, isMaximized: false },
    ],
    [
      'negative size',
      { x: 1, y: 1, width: -5, height: 700, isMaximized: false },
      [laptop],
      { width: 1280, height: 800, isMaximized: false },
    ],
    [
      'string numbers',
      { x: '1', y: 1, width: 1000, height: 700, isMaximized: false },
      [laptop],
      { width: 1280, height: 800, isMaximized: false },
    ],
    [
      'huge coordinates',
      { x: 1e9, y: 0, width: 1000, height: 700, isMaximized: false },
      [laptop],
      { width: 1280, height: 800, isMaximized: false },
    ],
    ['small display default fits it', undefined, [small], { width: 1024, height: 700, isMaximized: false }],
    ['no displays reported', undefined, [], { width: 1280, height: 800, isMaximized: false }],
  ])('%s', (_name, saved, displays, expected) => {
    expect(restoreWindowState(saved, displays)).toEqual(expected);
  });
});

describe('captureWindowState', () => {
  it('rounds and validates', () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 1280, height: 800 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1280,
      height: 800,
      isMaximized: true,
    });
  });

  it('refuses nonsense bounds', () => {
    expect(captureWindowState({ x: 0, y: 0, width: 0, height: 800 }, false)).toBeNull();
    expect(captureWindowState({ x: Number.NaN, y: 0, width: 10, height: 10 }, false)).toBeNull();
  });
});
