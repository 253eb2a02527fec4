import { hash } from 'node:crypto';

/**
 * A digest of a normalised remote record. Writers compare it with the stored one so that a re-read that
 * changed nothing (the overlap window, a resumed page) costs no write and is not counted as an update.
 * The one-shot `hash()` avoids a Hash object per row, which is most of the cost at 100k rows.
 */
export function etag(record: unknown): string {
  return hash('sha1', JSON.stringify(record), 'base64');
}
