import { AppError } from '@shared/errors';
import { syncTexts } from './texts';

/**
 * An opaque keyset cursor of a sort value and a string id, for lists paged newest first by (time, id)
 * (the analytics statements list). The Orders and Products lists page by rowid instead (`db/keyset.ts`).
 */

/** The cursor holds the last row's sort value and id: the next page starts strictly after that pair. */
export function encodeCursor(value: number | string | null, id: string): string {
  return Buffer.from(JSON.stringify([value ?? 0, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [number | string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (
      Array.isArray(v) &&
      (typeof v[0] === 'number' || typeof v[0] === 'string') &&
      typeof v[1] === 'string'
    )
      return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', syncTexts.badCursor());
}

/** LIKE pattern for a substring search, with the user's %, _ and \ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
