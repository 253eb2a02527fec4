import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lastContacts, worldAt } from '../../../src-main/sandbox/shop/world';
import type { WorldCreator } from '../../../src-main/sandbox/data/world';
import { connectShop, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { admin } from '../sandbox/helpers';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';
import { quietCrm } from '../../helpers/quiet-crm';

/**
 * A generated world of creators loaded into the sandbox (`POST /admin/world`) reaches the app only through
 * the sync, over HTTP with signed calls: every creator from the target collaboration that invited them
 * (handle, nickname, region), the ones the shop wrote to from their conversation. What the CRM then says of
 * each is checked against the world itself, never against the app's own rows.
 */

const size = 600;
const loaded = z.object({
  ok: z.literal(true),
  now: z.number().int(),
  firstIndex: z.number().int(),
  collaborations: z.number().int(),
  conversations: z.number().int(),
});

let world: SyncWorld;
let t: TestSync;
let creators: WorldCreator[];
let now: number;
beforeAll(async () => {
  world = await startWorld();
  await connectShop(world);
  const res = await admin(world.info, 'POST', '/world', { seed: 3, size });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  const body = loaded.parse(res.json);
  now = body.now;
  creators = worldAt(3, size, now);
  expect(body.conversations).toBe(creators.filter((c) => c.contactedAt !== null).length);
  expect(body.collaborations).toBeGreaterThanOrEqual(size / 50);
  t = syncServiceFor(world);
});
afterAll(async () => {
  await t?.service.close();
  await world?.close();
});

interface Indexed {
  handle: string;
  nickname: string | null;
  region: string | null;
  open_id: string | null;
  im_id: string | null;
  last_contacted_at: number | null;
}

describe('a world of creators in the sandbox', () => {
  it('is learnt by syncing collaborations and conversations, each creator as the world made them', async () => {
    await syncAndWait(t, { resources: ['collaborations', 'conversations'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.outcome, JSON.stringify(run.resources)).toBe('ok');
    const crm = quietCrm(world.db, Date.now());
    await crm.worker.kick('startup');
    await crm.close();

    const rows = world.db
      .prepare(
        `SELECT c.handle, c.nickname, i.region, c.open_id, c.im_id, i.last_contacted_at FROM creator_index i
         JOIN creators c ON c.id = i.creator_id`,
      )
      .all() as Indexed[];
    const byHandle = new Map<string, Indexed[]>();
    for (const r of rows) byHandle.set(r.handle, [...(byHandle.get(r.handle) ?? []), r]);
    const contacts = lastContacts(creators, now);
    for (const c of creators) {
      const got = byHandle.get(c.username) ?? [];
      // The collaboration names the creator by open id, with nickname and region; it invited them.
      const invited = got.find((r) => r.open_id !== null);
      expect(invited, c.username).toBeDefined();
      expect({ nickname: invited!.nickname, region: invited!.region }).toEqual({
        nickname: c.nickname,
        region: c.region,
      });
      // A conversation names the creator by IM id and handle only (Get Conversation List 202412), and a
      // handle alone never merges two creators (docs/creators.md rule 3): one the shop messaged outside
      // ShopMesh is a second Creator, holding the message, until the merchant merges the two.
      const messaged = got.find((r) => r.im_id !== null);
      if (c.contactedAt === null) {
        expect(got, c.username).toHaveLength(1);
        expect(invited!.last_contacted_at, `${c.username} invited`).toBe(contacts[c.position]! * 1_000);
      } else {
        expect(got, c.username).toHaveLength(2);
        expect(messaged!.last_contacted_at, `${c.username} messaged`).toBe(c.contactedAt * 1_000);
        expect(Math.max(invited!.last_contacted_at!, messaged!.last_contacted_at!)).toBe(
          contacts[c.position]! * 1_000,
        );
      }
    }
    // Each is seen in the shop of their region, and the shop's message is stored as sent by the shop.
    const sightings = world.db
      .prepare(
        `SELECT c.handle, s.region FROM creator_sightings x JOIN creators c ON c.id = x.creator_id
         JOIN shops s ON s.shop_id = x.shop_id WHERE x.source = 'collaboration'`,
      )
      .all() as Array<{ handle: string; region: string }>;
    const seenIn = new Map(sightings.map((s) => [s.handle, s.region]));
    for (const c of creators) expect(seenIn.get(c.username), c.username).toBe(c.region);
    const sent = world.db
      .prepare('SELECT COUNT(*) FROM messages WHERE from_creator = 0')
      .pluck()
      .get() as number;
    expect(sent).toBe(creators.filter((c) => c.contactedAt !== null).length);
  });

  it('is refused a second time until the sandbox is reset', async () => {
    const again = await admin(world.info, 'POST', '/world', { seed: 3, size });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.json)).toContain('already loaded');
    const misspelt = await admin(world.info, 'POST', '/world', { seed: 3, sizes: 10 });
    expect(misspelt.status).toBe(400);
  });
});
