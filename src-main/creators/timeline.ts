import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { creatorsTimelineInputSchema, type TimelineEntry, type timelineKinds } from '@shared/creator-detail';
import type { CreatorStage, StageCause } from '@shared/creators';
import type { CreatorExtensions } from './extensions';
import { creatorTexts } from './texts';

/**
 * Everything that happened with a Creator, newest first: collaborations, messages and replies, affiliate
 * orders, stage moves, notes, merges and splits, blocking, and what extensions add (samples). Each source is
 * read with the same keyset, (time, key) below the cursor, so a page costs the same however far back it is.
 */

type Kind = (typeof timelineKinds)[number];
type Row = Omit<TimelineEntry, 'amount'> & { amount_minor: number | null; currency: string | null };

const group = 'SELECT id FROM creators WHERE canonical_id = @creator';
const before = (at: string, key: string): string =>
  `(@at IS NULL OR ${at} < @at OR (${at} = @at AND ${key} < @key))`;

/** One SELECT per kind; every one yields the same columns. */
function sources(): Array<{ kinds: Kind[]; sql: string }> {
  const cols = (o: Partial<Record<keyof Row, string>>): string =>
    (
      [
        'key',
        'at',
        'kind',
        'shopId',
        'title',
        'status',
        'amount_minor',
        'currency',
        'fromStage',
        'toStage',
        'cause',
        'text',
      ] as const
    )
      .map((c) => `${o[c] ?? 'NULL'} AS ${c}`)
      .join(', ');
  const collabAt = 'COALESCE(c.start_time, c.synced_at)';
  const collabKey = `'collaboration:' || c.collaboration_id`;
  const msgKey = `'message:' || m.message_id`;
  const orderKey = `'order:' || o.order_id`;
  const stageKey = `'stage:' || printf('%012d', s.id)`;
  const noteKey = `'note:' || printf('%012d', n.id)`;
  const mergeKey = `'merge:' || printf('%012d', g.id)`;
  const splitKey = `'split:' || printf('%012d', g.id)`;
  // The merged record by the name stored at merge time; older merges stored none, so the record's own name.
  const mergedName = `COALESCE(
    '@' || NULLIF(json_extract(g.evidence, '$.mergedName.handle'), ''),
    NULLIF(json_extract(g.evidence, '$.mergedName.nickname'), ''),
    (SELECT COALESCE('@' || NULLIF(r.handle, ''), NULLIF(r.nickname, '')) FROM creators r WHERE r.id = g.merged_id),
    '#' || g.merged_id)`;
  const blockKey = `'blocked:' || b.creator_id`;
  return [
    {
      kinds: ['collaboration'],
      sql: `SELECT ${cols({
        key: collabKey,
        at: collabAt,
        kind: `'collaboration'`,
        shopId: 'c.shop_id',
        title: 'c.name',
        status: `CASE WHEN cc.content_product_count > 0 THEN 'posted' WHEN cc.accepted = 1 THEN 'accepted' ELSE COALESCE(c.status, 'VALID') END`,
      })} FROM collaboration_creators cc JOIN collaborations c ON c.collaboration_id = cc.collaboration_id
        WHERE cc.creator_id IN (${group}) AND ${before(collabAt, collabKey)}`,
    },
    {
      kinds: ['message', 'reply'],
      sql: `SELECT ${cols({
        key: msgKey,
        at: 'COALESCE(m.create_time, 0)',
        kind: `CASE WHEN m.from_creator = 1 THEN 'reply' ELSE 'message' END`,
        shopId: 'v.shop_id',
        status: 'm.type',
        text: `CASE WHEN m.type = 'TEXT' AND json_valid(m.content) THEN json_extract(m.content, '$.content') END`,
      })} FROM conversations v JOIN messages m ON m.conversation_id = v.conversation_id
        WHERE v.creator_id IN (${group}) AND ${before('COALESCE(m.create_time, 0)', msgKey)}`,
    },
    {
      kinds: ['order'],
      sql: `SELECT ${cols({
        key: orderKey,
        at: 'o.create_time',
        kind: `'order'`,
        shopId: 'o.shop_id',
        title: 'o.order_id',
        status: 'o.status',
        amount_minor: 'o.gmv_minor',
        currency: 'o.currency',
      })} FROM affiliate_orders o WHERE o.creator_id IN (${group}) AND ${before('o.create_time', orderKey)}`,
    },
    {
      kinds: ['stage'],
      sql: `SELECT ${cols({
        key: stageKey,
        at: 's.moved_at',
        kind: `'stage'`,
        fromStage: 's.from_stage',
        toStage: 's.to_stage',
        cause: 's.cause',
        title: 's.ref',
      })} FROM creator_stage_moves s WHERE s.creator_id IN (${group}) AND ${before('s.moved_at', stageKey)}`,
    },
    {
      kinds: ['note'],
      sql: `SELECT ${cols({ key: noteKey, at: 'n.created_at', kind: `'note'`, text: 'n.body' })}
        FROM creator_notes n WHERE n.creator_id IN (${group}) AND ${before('n.created_at', noteKey)}`,
    },
    {
      kinds: ['merge'],
      sql: `SELECT ${cols({ key: mergeKey, at: 'g.merged_at', kind: `'merge'`, status: 'g.cause', title: mergedName })}
        FROM creator_merges g WHERE (g.kept_id IN (${group}) OR g.merged_id IN (${group}))
          AND ${before('g.merged_at', mergeKey)}`,
    },
    {
      kinds: ['split'],
      sql: `SELECT ${cols({ key: splitKey, at: 'g.split_at', kind: `'split'`, title: mergedName })}
        FROM creator_merges g WHERE g.split_at IS NOT NULL AND (g.kept_id IN (${group}) OR g.merged_id IN (${group}))
          AND ${before('g.split_at', splitKey)}`,
    },
    {
      kinds: ['blocked'],
      sql: `SELECT ${cols({ key: blockKey, at: 'b.blocked_at', kind: `'blocked'`, text: 'b.reason' })}
        FROM creator_blocklist b WHERE b.creator_id IN (${group}) AND ${before('b.blocked_at', blockKey)}`,
    },
  ];
}

interface Cursor {
  at: number;
  key: string;
}

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Partial<Cursor>;
    if (typeof c.at === 'number' && typeof c.key === 'string') return { at: c.at, key: c.key };
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', creatorTexts.timelineCursor());
}

const newestFirst = (a: TimelineEntry, b: TimelineEntry): number =>
  b.at - a.at || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

export function creatorTimeline(
  db: Database,
  extensions: CreatorExtensions,
  creatorId: number,
  recordIds: readonly number[],
  input: unknown,
): { items: TimelineEntry[]; nextCursor: string | null } {
  const q = creatorsTimelineInputSchema.parse(input);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const wanted = (k: Kind): boolean => !q.kinds || q.kinds.includes(k);
  const params = { creator: creatorId, at: cursor?.at ?? null, key: cursor?.key ?? '', limit: q.limit + 1 };
  const entries: TimelineEntry[] = [];
  for (const s of sources()) {
    if (!s.kinds.some(wanted)) continue;
    const rows = db
      .prepare(`SELECT * FROM (${s.sql}) ORDER BY at DESC, key DESC LIMIT @limit`)
      .all(params) as Row[];
    for (const { amount_minor, currency, ...r } of rows) {
      if (!wanted(r.kind)) continue;
      entries.push({
        ...r,
        title: r.title === null ? null : String(r.title),
        fromStage: r.fromStage as CreatorStage | null,
        toStage: r.toStage as CreatorStage | null,
        cause: r.cause as StageCause | null,
        amount: amount_minor !== null && currency !== null ? { amountMinor: amount_minor, currency } : null,
      });
    }
  }
  if (wanted('sample')) {
    for (const ext of extensions.all()) {
      const more = ext.timeline?.(db, recordIds, cursor?.at ?? null, q.limit + 1) ?? [];
      entries.push(
        ...more.filter((e) => !cursor || e.at < cursor.at || (e.at === cursor.at && e.key < cursor.key)),
      );
    }
  }
  entries.sort(newestFirst);
  const page = entries.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor:
      entries.length > q.limit && last
        ? Buffer.from(JSON.stringify({ at: last.at, key: last.key })).toString('base64url')
        : null,
  };
}
