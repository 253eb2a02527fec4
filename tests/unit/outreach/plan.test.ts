import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { nextWeeklyReset } from '../../../src-main/outreach/calendar';
import { OutreachService } from '../../../src-main/outreach/service';
import { effectiveLimits } from '../../../src-shared/outreach-limits';

/** A database with one US shop `s1` of Account `a1`. */
function shopDatabase(): ReturnType<typeof openDatabase> {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'US', 'USD', 'c');
  `);
  return db;
}

/** The input every plan here shares: a message Outreach of shop s1 with no window or cap. */
const messageInput = (messageTemplateId: number, creatorIds: number[]) => ({
  accountId: 'a1',
  shopId: 's1',
  name: 'Plan',
  action: 'message' as const,
  creatorIds,
  products: [],
  freeSample: { hasFreeSample: false, approvalExempt: false },
  messageTemplateId,
  values: {},
  window: null,
  dailyCap: null,
});

describe('outreach plan (dry run)', () => {
  it('sorts creators into this week, next week, exempt and skipped-with-why, sending nothing', () => {
    const db = shopDatabase();
    const now = Date.UTC(2026, 11, 2, 12);
    db.exec(`
      INSERT INTO creators (id, canonical_id, open_id, handle, region, first_seen_at, updated_at) VALUES
        (1, 1, 'o1', 'one', 'US', 1, 1), (2, 2, 'o2', 'two', 'US', 1, 1), (3, 3, 'o3', 'three', 'GB', 1, 1),
        (4, 4, NULL, 'four', 'US', 1, 1), (5, 5, 'o5', 'five', 'US', 1, 1), (6, 6, 'o6', 'six', 'US', 1, 1),
        (7, 7, 'o7', 'seven', 'US', 1, 1);
      -- Creator 5 replied to the shop: connected, so exempt from the pool.
      INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, synced_at) VALUES ('c5', 'a1', 's1', 5, 1);
      INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, from_creator)
        VALUES ('m1', 'c5', 1, 'TEXT', '{"content":"hi"}', 1);
      INSERT INTO creator_privacy_refusals VALUES ('a1', 's1', 'o7', 1);
    `);
    const service = new OutreachService({
      db,
      now: () => now,
      blocklist: { blockedAmong: (ids) => new Set(ids.filter((id) => id === 2)) },
    });
    const template = service.templates.save({
      name: 'm',
      kind: 'message',
      language: 'en',
      body: 'Hi {{creator_name}}',
    });
    const plan = service.plan({
      ...messageInput(template.id, [1, 2, 3, 4, 5, 6, 7]),
      ratePerMinute: 60,
      weeklyPool: 1,
    });
    expect(plan.rows.map((r) => [r.creatorId, r.outcome, r.reason])).toEqual([
      [1, 'this_week', null],
      [2, 'skipped', 'blocklisted'],
      [3, 'skipped', 'region_mismatch'],
      [4, 'skipped', 'no_open_id'],
      [5, 'exempt', null],
      [6, 'next_week', null],
      [7, 'skipped', 'privacy'],
    ]);
    expect(plan.counts).toEqual({ thisWeek: 1, nextWeek: 1, exempt: 1, skipped: 4 });
    expect(plan.rows[4]!.exemptBecause).toBe('connected');
    expect(plan.nextReset).toBe(nextWeeklyReset(now));
    expect(plan.rows[5]!.dueAt).toBe(plan.nextReset);
    expect(plan.rows[0]!.dueAt).toBe(now);
    // 60 a minute: the exempt creator is due a second after the first.
    expect(plan.rows[4]!.dueAt).toBe(now + 1_000);
    expect(db.prepare('SELECT count(*) FROM outreaches').pluck().get()).toBe(0);
    // Template problems show in the plan before anything is created.
    const broken = service.templates.save({
      name: 'b',
      kind: 'message',
      language: 'en',
      body: 'Hi {{sample_offer}}',
    });
    expect(
      service.plan({ ...messageInput(broken.id, [1]), ratePerMinute: 60, weeklyPool: null }).problems,
    ).toEqual([{ code: 'empty_value', variable: 'sample_offer', creatorId: 1 }]);
  });

  it("takes the pool and pace from the shop's tier in Settings unless the input names them", () => {
    const db = shopDatabase();
    const now = Date.UTC(2026, 11, 2, 12);
    db.exec(`
      INSERT INTO creators (id, canonical_id, open_id, handle, region, first_seen_at, updated_at) VALUES
        (1, 1, 'o1', 'one', 'US', 1, 1), (2, 2, 'o2', 'two', 'US', 1, 1), (3, 3, 'o3', 'three', 'US', 1, 1);
    `);
    const asked: string[] = [];
    const service = new OutreachService({
      db,
      now: () => now,
      limitsOf: (shopId) => {
        asked.push(shopId);
        return effectiveLimits({ s1: { tier: 'custom', customPool: 2, ratePerMinute: 120 } }, shopId);
      },
    });
    const template = service.templates.save({ name: 'm', kind: 'message', language: 'en', body: 'Hi' });
    const input = messageInput(template.id, [1, 2, 3]);
    const fromSettings = service.plan(input);
    expect(asked).toEqual(['s1']);
    expect(fromSettings).toMatchObject({ poolSize: 2, ratePerMinute: 120 });
    expect(fromSettings.counts).toMatchObject({ thisWeek: 2, nextWeek: 1 });
    // 120 a minute: the second creator is due half a second after the first.
    expect(fromSettings.rows[1]!.dueAt).toBe(now + 500);
    const named = service.plan({ ...input, weeklyPool: null, ratePerMinute: 6 });
    expect(named).toMatchObject({ poolSize: null, ratePerMinute: 6 });
    expect(named.counts).toMatchObject({ thisWeek: 3, nextWeek: 0 });
    // What the Outreach is created with is what it keeps, whatever Settings say later.
    const { outreach } = service.create(input);
    const stored = JSON.parse(
      db.prepare('SELECT settings FROM outreaches WHERE id = ?').pluck().get(outreach.id) as string,
    ) as { weeklyPool: number | null; ratePerMinute: number };
    expect(stored).toMatchObject({ weeklyPool: 2, ratePerMinute: 120 });
  });

  it('uses the smallest tier and 30 a minute for a shop nobody set', () => {
    expect(effectiveLimits({}, 'any')).toEqual({ weeklyPool: 50, ratePerMinute: 30 });
    expect(effectiveLimits({ s: { tier: 'mid', customPool: 7, ratePerMinute: 10 } }, 's')).toEqual({
      weeklyPool: 500,
      ratePerMinute: 10,
    });
    expect(
      effectiveLimits({ s: { tier: 'unlimited', customPool: 7, ratePerMinute: 10 } }, 's').weeklyPool,
    ).toBe(null);
  });

  it("finds a merged Creator's open id and region on any record of its merge tree", () => {
    const db = shopDatabase();
    const now = Date.UTC(2026, 11, 2, 12);
    db.exec(`
      -- Creator 1 was met by the sync with a user id only; the merchant's file (record 2) brought its open id.
      INSERT INTO creators (id, canonical_id, user_id, handle, first_seen_at, updated_at) VALUES (1, 1, 'u1', 'cozy', 1, 1);
      INSERT INTO creators (id, canonical_id, merged_into, open_id, handle, region, origin, first_seen_at, updated_at)
        VALUES (2, 1, 1, 'o1', 'cozy_file', 'US', 'import', 2, 2);
      INSERT INTO creators (id, canonical_id, handle, first_seen_at, updated_at) VALUES (3, 3, 'no_ids', 1, 1);
    `);
    const service = new OutreachService({ db, now: () => now });
    // Either record's id names the one Creator.
    expect(service.audience([2, 1, 3])).toEqual([
      { id: 1, openId: 'o1', handle: 'cozy', nickname: null, region: 'US' },
      { id: 3, openId: null, handle: 'no_ids', nickname: null, region: null },
    ]);
    const template = service.templates.save({ name: 'm', kind: 'message', language: 'en', body: 'Hi' });
    const plan = service.plan(messageInput(template.id, [1, 3]));
    expect(plan.rows.map((r) => [r.creatorId, r.outcome, r.reason])).toEqual([
      [1, 'this_week', null],
      [3, 'skipped', 'no_open_id'],
    ]);
  });

  it("warns about the merchant's own sensitive words in a preview", () => {
    const db = openDatabase(':memory:');
    let words: readonly string[] = ['free money'];
    const service = new OutreachService({ db, now: () => 1, sensitiveWords: () => words });
    const input = { kind: 'message' as const, body: 'Free Money on WhatsApp', values: {} };
    expect(service.preview(input).sensitiveWords).toEqual(['free money']);
    words = [];
    expect(service.preview(input).sensitiveWords).toEqual([]);
    // Without the Settings hook, the default list applies.
    expect(new OutreachService({ db, now: () => 1 }).preview(input).sensitiveWords).toEqual(['whatsapp']);
  });
});
