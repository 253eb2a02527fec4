import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { CreatorNote } from '@shared/creators';
import { creatorTexts } from './texts';

/**
 * Tags and notes: the merchant's own words about a Creator. New ones attach to the Creator's canonical
 * record; reading and removing cover every record of it (so a split gives each part back what it had).
 */

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

export class CreatorTags {
  constructor(private readonly db: Database) {}

  /** The tag's id, creating it (names are case-insensitive: "VIP" and "vip" are one tag). */
  ensure(name: string, now: number): number {
    const t = name.trim();
    const found = this.db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(t) as number | undefined;
    if (found !== undefined) return found;
    return Number(
      this.db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(t, now).lastInsertRowid,
    );
  }

  idOf(name: string): number | null {
    return (
      (this.db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name.trim()) as
        number | undefined) ?? null
    );
  }

  /** Tags the Creators; returns how many did not have it yet. */
  add(creatorIds: readonly number[], tagId: number, now: number): number {
    const has = this.db.prepare(
      `SELECT EXISTS (SELECT 1 FROM creator_tags WHERE tag_id = ? AND creator_id IN (${group}))`,
    );
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO creator_tags (creator_id, tag_id, added_at) VALUES (?, ?, ?)',
    );
    let changed = 0;
    for (const id of creatorIds) {
      if (has.pluck().get(tagId, id) === 1) continue;
      insert.run(id, tagId, now);
      changed++;
    }
    return changed;
  }

  remove(creatorIds: readonly number[], tagId: number): number {
    const del = this.db.prepare(`DELETE FROM creator_tags WHERE tag_id = ? AND creator_id IN (${group})`);
    let changed = 0;
    for (const id of creatorIds) if (del.run(tagId, id).changes > 0) changed++;
    return changed;
  }

  of(creatorId: number): Array<{ id: number; name: string }> {
    return this.db
      .prepare(
        `SELECT DISTINCT t.id, t.name FROM creator_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.creator_id IN (${group}) ORDER BY t.name COLLATE NOCASE`,
      )
      .all(creatorId) as Array<{ id: number; name: string }>;
  }

  /** Every tag with the number of Creators carrying it; unused tags are dropped. */
  all(): Array<{ id: number; name: string; creators: number }> {
    this.db.prepare('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM creator_tags)').run();
    return this.db
      .prepare(
        `SELECT t.id, t.name, COUNT(DISTINCT r.canonical_id) AS creators FROM tags t
         JOIN creator_tags ct ON ct.tag_id = t.id JOIN creators r ON r.id = ct.creator_id
         GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
      )
      .all() as Array<{ id: number; name: string; creators: number }>;
  }
}

interface NoteRow {
  id: number;
  creator_id: number;
  body: string;
  created_at: number;
  updated_at: number;
}

const toNote = (r: NoteRow): CreatorNote => ({
  id: r.id,
  creatorId: r.creator_id,
  body: r.body,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class CreatorNotes {
  constructor(private readonly db: Database) {}

  add(creatorId: number, body: string, now: number): CreatorNote {
    const row = this.db
      .prepare(
        'INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING *',
      )
      .get(creatorId, body, now, now) as NoteRow;
    return toNote(row);
  }

  edit(noteId: number, body: string, now: number): CreatorNote {
    const row = this.db
      .prepare('UPDATE creator_notes SET body = ?, updated_at = ? WHERE id = ? RETURNING *')
      .get(body, now, noteId) as NoteRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', creatorTexts.noteNotFound({ id: noteId }));
    return toNote(row);
  }

  /** Deletes a note; returns the record it belonged to. */
  delete(noteId: number): number {
    const row = this.db.prepare('DELETE FROM creator_notes WHERE id = ? RETURNING creator_id').get(noteId) as
      { creator_id: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', creatorTexts.noteNotFound({ id: noteId }));
    return row.creator_id;
  }

  of(creatorId: number): CreatorNote[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM creator_notes WHERE creator_id IN (${group}) ORDER BY created_at DESC, id DESC`,
        )
        .all(creatorId) as NoteRow[]
    ).map(toNote);
  }
}
