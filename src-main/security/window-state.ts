import { z } from 'zod';

/**
 * Remembered window geometry. Not a security decision, but pure logic that decides where a window
 * appears; kept beside the other window policies so the shell only reads, restores and writes.
 */

export const minWindowSize = Object.freeze({ width: 960, height: 600 });
export const defaultWindowSize = Object.freeze({ width: 1280, height: 800 });

/** Enough of a window must stay on a display to grab its title bar and drag it back. */
const minVisible = Object.freeze({ width: 120, height: 48 });

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);

export const savedWindowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  isMaximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One display as Electron's `screen.getAllDisplays()` describes it; only the work area matters. */
export interface DisplayArea {
  workArea: Rectangle;
}

export interface WindowPlacement {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function defaultPlacement(displays: readonly DisplayArea[]): WindowPlacement {
  const area = displays[0]?.workArea;
  const width = area
    ? Math.max(minWindowSize.width, Math.min(defaultWindowSize.width, area.width))
    : defaultWindowSize.width;
  const height = area
    ? Math.max(minWindowSize.height, Math.min(defaultWindowSize.height, area.height))
    : defaultWindowSize.height;
  return { width, height, isMaximized: false };
}

/**
 * Where to open the window: the saved bounds when they are valid and still reachable on a connected
 * display (a monitor may have been unplugged since), else a default size centred by the OS. An oversized
 * saved window is shrunk to the display it is on.
 */
export function restoreWindowState(saved: unknown, displays: readonly DisplayArea[]): WindowPlacement {
  const parsed = savedWindowStateSchema.safeParse(saved);
  if (!parsed.success) return defaultPlacement(displays);
  const state = parsed.data;
  const host = displays.find((d) => {
    const o = overlap(state, d.workArea);
    return o.width >= minVisible.width && o.height >= minVisible.height;
  });
  if (!host) return { ...defaultPlacement(displays), isMaximized: state.isMaximized };
  const area = host.workArea;
  const width = Math.max(minWindowSize.width, Math.min(state.width, area.width));
  const height = Math.max(minWindowSize.height, Math.min(state.height, area.height));
  return { x: state.x, y: state.y, width, height, isMaximized: state.isMaximized };
}

/** The state to persist: the normal (un-maximised) bounds, so un-maximising later restores a sane size. */
export function captureWindowState(normalBounds: Rectangle, isMaximized: boolean): SavedWindowState | null {
  const parsed = savedWindowStateSchema.safeParse({
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    isMaximized,
  });
  return parsed.success ? parsed.data : null;
}
