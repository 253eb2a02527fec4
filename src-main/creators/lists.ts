import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { CreatorList } from '@shared/creator-lists';
import { type CreatorFilter, creatorFilterSchema } from '@shared/creators';
import { countCreators } from './search';
import { creatorTexts } from './texts';

/**
 * Static lists (members the merchant picked) and dynamic lists (a saved filter, evaluated when read).
 * Outreach takes its audience from either.
 */

interface ListRow {
  id: number;
  name: string;
  kind: 'static' | 'dynamic';
  filter: string | null;
  created_at: number;
  updated_at: number;
}

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed: creator_lists\.name/.test(err.message);
}

export class CreatorLists {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  private row(id: number): ListRow {
    const row = this.db.prepare('SELECT * FROM creator_lists WHERE id = ?').get(id) as ListRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', creatorTexts.listNotFound({ id }));
    return row;
  }

  private view(row: ListRow): CreatorList {
    const filter = row.filter === null ? null : creatorFilterSchema.parse(JSON.parse(row.filter));
    const size =
      row.kind === 'static'
        ? (this.db
            .prepare(
              `SELECT COUNT(DISTINCT r.canonical_id) FROM creator_list_members m JOIN creators r ON r.id = m.creator_id
               WHERE m.list_id = ?`,
            )
            .pluck()
            .get(row.id) as number)
        : countCreators(this.db, filter ?? {}, this.now());
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      filter,
      size,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  get(id: number): CreatorList {
    return this.view(this.row(id));
  }

  all(): CreatorList[] {
    const rows = this.db
      .prepare('SELECT * FROM creator_lists ORDER BY name COLLATE NOCASE')
      .all() as ListRow[];
    return rows.map((r) => this.view(r));
  }

  create(name: string, kind: 'static' | 'dynamic', filter: CreatorFilter | null): CreatorList {
    const now = this.now();
    try {
      const id = Number(
        this.db
          .prepare(
            'INSERT INTO creator_lists (name, kind, filter, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(name, kind, kind === 'dynamic' ? JSON.stringify(filter ?? {}) : null, now, now)
          .lastInsertRowid,
      );
      return this.get(id);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', creatorTexts.listNameTaken({ name }));
      throw err;
    }
  }

  update(id: number, change: { name?: string | undefined; filter?: CreatorFilter | undefined }): CreatorList {
    const row = this.row(id);
    if (change.filter !== undefined && row.kind !== 'dynamic') {
      throw new AppError('VALIDATION', creatorTexts.staticListHasNoFilter());
    }
    try {
      this.db
        .prepare('UPDATE creator_lists SET name = ?, filter = ?, updated_at = ? WHERE id = ?')
        .run(
          change.name ?? row.name,
          change.filter !== undefined ? JSON.stringify(change.filter) : row.filter,
          this.now(),
          id,
        );
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', creatorTexts.listNameTaken({ name: change.name ?? row.name }));
      throw err;
    }
    return this.get(id);
  }

  delete(id: number): void {
    this.row(id);
    this.db.prepare('DELETE FROM creator_lists WHERE id = ?').run(id);
  }

  private staticRow(listId: number): ListRow {
    const row = this.row(listId);
    if (row.kind !== 'static') {
      throw new AppError('VALIDATION', creatorTexts.dynamicListHasNoMembers());
    }
    return row;
  }

  /** Adds Creators to a static list; returns how many were not in it yet. */
  addMembers(listId: number, creatorIds: readonly number[]): number {
    this.staticRow(listId);
    const now = this.now();
    const has = this.db.prepare(
      `SELECT EXISTS (SELECT 1 FROM creator_list_members WHERE list_id = ? AND creator_id IN (${group}))`,
    );
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO creator_list_members (list_id, creator_id, added_at) VALUES (?, ?, ?)',
    );
    let changed = 0;
    this.db.transaction(() => {
      for (const id of creatorIds) {
        if (has.pluck().get(listId, id) === 1) continue;
        insert.run(listId, id, now);
        changed++;
      }
      this.db.prepare('UPDATE creator_lists SET updated_at = ? WHERE id = ?').run(now, listId);
    })();
    return changed;
  }

  removeMembers(listId: number, creatorIds: readonly number[]): number {
    this.staticRow(listId);
    const del = this.db.prepare(
      `DELETE FROM creator_list_members WHERE list_id = ? AND creator_id IN (${group})`,
    );
    let changed = 0;
    this.db.transaction(() => {
      for (const id of creatorIds) if (del.run(listId, id).changes > 0) changed++;
      this.db.prepare('UPDATE creator_lists SET updated_at = ? WHERE id = ?').run(this.now(), listId);
    })();
    return changed;
  }

  /** Static lists a Creator is in. */
  of(creatorId: number): Array<{ id: number; name: string }> {
    return this.db
      .prepare(
        `SELECT DISTINCT l.id, l.name FROM creator_list_members m JOIN creator_lists l ON l.id = m.list_id
         WHERE m.creator_id IN (${group}) ORDER BY l.name COLLATE NOCASE`,
      )
      .all(creatorId) as Array<{ id: number; name: string }>;
  }
}
