import type { Database } from 'better-sqlite3';
import {
  type CollaborationsListInput,
  collaborationsListInputSchema,
  type CollaborationsPage,
  type CollaborationStatus,
} from '@shared/collaborations';
import { decodeCursor, encodeCursor, likePattern } from '../sync/queries';

interface Row {
  collaboration_id: string;
  shop_id: string;
  name: string;
  status: CollaborationStatus | null;
  start_time: number | null;
  end_time: number | null;
  invited_count: number;
  showcase_count: number;
  content_count: number;
  product_count: number;
  has_free_sample: number;
}

/** Synced target collaborations, newest first (by start time), with a keyset cursor like orders'. */
export function listCollaborations(db: Database, input: CollaborationsListInput): CollaborationsPage {
  const q = collaborationsListInputSchema.parse(input);
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (q.shopId) {
    where.push('shop_id = ?');
    args.push(q.shopId);
  }
  if (q.status) {
    where.push('status = ?');
    args.push(q.status);
  }
  if (q.search) {
    where.push(`(collaboration_id = ? OR name LIKE ? ESCAPE '\\')`);
    args.push(q.search, likePattern(q.search));
  }
  const total = db
    .prepare(`SELECT COUNT(*) FROM collaborations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
    .pluck()
    .get(...args) as number;
  if (q.cursor) {
    const [time, id] = decodeCursor(q.cursor);
    where.push('(COALESCE(start_time, 0) < ? OR (COALESCE(start_time, 0) = ? AND collaboration_id < ?))');
    args.push(time, time, id);
  }
  const rows = db
    .prepare(
      `SELECT collaboration_id, shop_id, name, status, start_time, end_time, invited_count, showcase_count,
              content_count, product_count, has_free_sample
       FROM collaborations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY COALESCE(start_time, 0) DESC, collaboration_id DESC LIMIT ?`,
    )
    .all(...args, q.limit + 1) as Row[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      collaborationId: r.collaboration_id,
      shopId: r.shop_id,
      name: r.name,
      // Rows written before statuses were stored are running ones (migration 006 set the rest).
      status: r.status ?? 'VALID',
      startTime: r.start_time,
      endTime: r.end_time,
      invitedCount: r.invited_count,
      showcaseCount: r.showcase_count,
      contentCount: r.content_count,
      productCount: r.product_count,
      hasFreeSample: r.has_free_sample === 1,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.start_time, last.collaboration_id) : null,
    total,
  };
}
