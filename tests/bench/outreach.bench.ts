import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { finalDeliveryStates } from '../../src-shared/outreach';
import { openDatabase } from '../../src-main/db/connection';
import { OutreachService } from '../../src-main/outreach/service';
import { contactCounts, type OutreachWorld, startOutreachWorld, writesOf } from '../helpers/outreach-world';
import { admin, SHOP_ACCOUNT } from '../helpers/sync-fixtures';
import type { Report } from './report';

/**
 * Outreach figures (issue 14, ARCHITECTURE §12), names fixed by the issue:
 *  - outreach.plan.ms: the dry-run plan of 10,000 creators;
 *  - outreach.plan.history.ms: the same plan against a shop with a history the skip reasons read;
 *  - outreach.send.rateRatio / outreach.send.duplicates: messages against the sandbox at a configured rate,
 *    achieved rate ÷ configured, and creators messaged twice per the sandbox's write log;
 *  - outreach.chaos.*: an Outreach of 2,000 Deliveries (1,000 creators invited and messaged) drained by a
 *    child process that is SIGKILLed at random moments ≥ 20 times and restarted, with lost answers (504
 *    after commit, cut connections) on top; duplicates from the write log, Deliveries not in a final state.
 */
/** Debug knobs (defaults are the figures): chaos creators (2 Deliveries each) and kills. */
const chaosCreators = Number(process.env.OUTREACH_BENCH_CHAOS_CREATORS ?? 1_000);
const minKills = Number(process.env.OUTREACH_BENCH_KILLS ?? 20);

export async function benchOutreach(report: Report): Promise<void> {
  benchPlan(report);
  const world = await startOutreachWorld(chaosCreators + 200, { scale: 'demo' });
  try {
    await benchRate(report, world);
    await benchChaos(report, world);
  } finally {
    await world.close();
  }
}

export function benchPlan(report: Report): void {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'US', 'USD', 'c');
  `);
  const insert = db.prepare(
    `INSERT INTO creators (canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at) VALUES (0, ?, ?, ?, ?, 1, 1)`,
  );
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++)
      ids.push(
        Number(
          insert.run(`open-${i}`, `creator${i}`, `Creator ${i}`, i % 10 === 0 ? 'GB' : 'US').lastInsertRowid,
        ),
      );
  })();
  db.exec('UPDATE creators SET canonical_id = id WHERE canonical_id = 0');
  const service = new OutreachService({ db, now: Date.now });
  const template = service.templates.save({
    name: 'm',
    kind: 'message',
    language: 'en',
    body: 'Hi {{creator_name}}, {{shop_name}} would love to work with you.',
  });
  const input = {
    accountId: 'a1',
    shopId: 's1',
    name: 'Plan',
    action: 'message' as const,
    creatorIds: ids,
    products: [],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    messageTemplateId: template.id,
    values: {},
    window: { startMinute: 9 * 60, endMinute: 18 * 60 },
    dailyCap: null,
    ratePerMinute: 30,
    weeklyPool: 500,
  };
  service.plan(input); // warm statements
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    service.plan(input);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  report('outreach.plan.ms', runs[2] ?? NaN, 'ms');
  benchPlanWithHistory(report, db, ids);
  db.close();
}

/**
 * outreach.plan.history.ms: the same plan (both actions) when the shop already has a history the skip
 * reasons read (already invited, cooldown, five unanswered messages): 20,000 Deliveries of an earlier
 * Outreach to the same creators, their 10,000 conversations with 4 messages each, and 200 synced
 * collaborations of 50 creators each.
 */
function benchPlanWithHistory(report: Report, db: ReturnType<typeof openDatabase>, ids: number[]): void {
  const now = Date.now();
  const withHistory = new OutreachService({ db, now: Date.now, cooldownDays: () => 14 });
  db.transaction(() => {
    db.prepare(
      `INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
       VALUES (900, 'bench-history', 'a1', 's1', 'Earlier', 'both', 'finished',
               '{"products":[{"productId":"p1","commissionBp":1500}]}', 1, 1)`,
    ).run();
    const delivery = db.prepare(
      `INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, action, idempotency_key, state,
         conversation_id, sending_at, sent_at, updated_at) VALUES (900, ?, ?, ?, ?, 'sent', ?, ?, ?, ?)`,
    );
    const conversation = db.prepare(
      `INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, last_message_at, synced_at)
       VALUES (?, 'a1', 's1', ?, ?, ?)`,
    );
    const message = db.prepare(
      `INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, from_creator, create_time)
       VALUES (?, ?, ?, 'TEXT', '{}', ?, ?)`,
    );
    const collab = db.prepare(
      `INSERT INTO collaborations (collaboration_id, account_id, shop_id, name, status, end_time, etag, synced_at)
       VALUES (?, 'a1', 's1', ?, 'VALID', ?, 'e', 1)`,
    );
    const member = db.prepare(
      'INSERT INTO collaboration_creators (collaboration_id, creator_id) VALUES (?, ?)',
    );
    const product = db.prepare("INSERT INTO collaboration_products VALUES (?, 'p1')");
    // Spread over the last 30 days, so some are inside the 14-day cooldown and some are not.
    const at = (i: number) => now - (i % 30) * 86_400_000;
    ids.forEach((id, i) => {
      delivery.run(id, `open-${i}`, 'invite', `h:${i}:invite`, null, at(i), at(i), at(i));
      delivery.run(id, `open-${i}`, 'message', `h:${i}:message`, `conv-${i}`, at(i), at(i), at(i));
      conversation.run(`conv-${i}`, id, at(i), at(i));
      for (let m = 0; m < 4; m++)
        message.run(
          `msg-${i}-${m}`,
          `conv-${i}`,
          String(1_000 + m),
          i % 3 === 0 && m === 1 ? 1 : 0,
          at(i) + m,
        );
    });
    for (let k = 0; k < 200; k++) {
      collab.run(`col-${k}`, `Earlier ${k}`, now + 10 * 86_400_000);
      product.run(`col-${k}`);
      for (let j = 0; j < 50; j++) member.run(`col-${k}`, ids[(k * 50 + j) % ids.length]);
    }
  })();
  const template = (kind: 'message' | 'invitation', body: string) =>
    withHistory.templates.save({ name: `history ${kind}`, kind, language: 'en', body }).id;
  const input = {
    accountId: 'a1',
    shopId: 's1',
    name: 'Plan with history',
    action: 'both' as const,
    creatorIds: ids,
    products: [{ productId: 'p1', commissionBp: 1500 }],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'team@maplemoss.example',
    messageTemplateId: template('message', 'Hi {{creator_name}}, {{shop_name}} would love to work with you.'),
    invitationTemplateId: template('invitation', '{{shop_name}} offers {{commission}} on {{product_names}}.'),
    values: { productNames: 'Moss lamp' },
    window: { startMinute: 9 * 60, endMinute: 18 * 60 },
    dailyCap: null,
    ratePerMinute: 30,
    weeklyPool: 500,
  };
  const first = withHistory.plan(input); // warm statements
  // The history must be what the plan reads, or the figure measures nothing.
  if (first.counts.skipped < ids.length / 3) throw new Error(`history skipped only ${first.counts.skipped}`);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    withHistory.plan(input);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  report('outreach.plan.history.ms', runs[2] ?? NaN, 'ms');
}

function input(
  world: OutreachWorld,
  creatorIds: number[],
  action: 'message' | 'both',
  ratePerMinute: number,
) {
  const message = world.service.templates.save({
    name: `bench message ${Math.random()}`,
    kind: 'message',
    language: 'en',
    body: 'Hi {{creator_name}}, {{shop_name}} would love to send you a sample.',
  });
  const invitation = world.service.templates.save({
    name: `bench invitation ${Math.random()}`,
    kind: 'invitation',
    language: 'en',
    body: '{{shop_name}} invites you: {{commission}} commission.',
  });
  return {
    accountId: SHOP_ACCOUNT,
    shopId: world.shop.id,
    name: `Bench ${action}`,
    action,
    creatorIds,
    products: [{ productId: world.productId, commissionBp: 1500 }],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'team@maplemoss.example',
    invitationTemplateId: invitation.id,
    messageTemplateId: message.id,
    invitationEndAt: Date.now() + 30 * 86_400_000,
    values: {},
    window: null,
    dailyCap: null,
    ratePerMinute,
    weeklyPool: null,
  };
}

function duplicates(writes: Awaited<ReturnType<typeof writesOf>>): number {
  const { invites, messages } = contactCounts(writes);
  let n = 0;
  for (const c of [...invites.values(), ...messages.values()]) if (c > 1) n += c - 1;
  return n;
}

async function benchRate(report: Report, world: OutreachWorld): Promise<void> {
  const since = Math.max(0, ...(await writesOf(world)).map((w) => w.seq));
  const ratePerMinute = 600; // 10 messages a second
  const { outreach } = world.service.create(
    input(world, world.creatorIds.slice(chaosCreators, chaosCreators + 200), 'message', ratePerMinute),
  );
  world.service.start(outreach.id);
  // When each contacting request took its place in the shop's pace (refusals such as privacy included).
  const paced: number[] = [];
  const queue = world.queue({ onPaced: (_shop, at) => paced.push(at) });
  await queue.drain();
  const seconds = ((paced.at(-1) ?? 0) - (paced[0] ?? 0)) / 1000;
  // n requests at the limit take (n − 1) intervals: the first goes at once.
  report('outreach.send.rateRatio', (paced.length - 1) / seconds / (ratePerMinute / 60), 'ratio');
  report('outreach.send.duplicates', duplicates(await writesOf(world, since)), 'count');
}

async function benchChaos(report: Report, world: OutreachWorld): Promise<void> {
  const since = Math.max(0, ...(await writesOf(world)).map((w) => w.seq));
  const { outreach } = world.service.create(
    input(world, world.creatorIds.slice(0, chaosCreators), 'both', 3_000),
  );
  world.service.start(outreach.id);
  await admin(world.info, 'POST', '/faults', {
    commitThenGatewayTimeoutEveryN: 29,
    commitThenDropEveryN: 41,
    pathContains: 'affiliate_seller',
  });
  const child = join(fileURLToPath(new URL('.', import.meta.url)), 'outreach-child.ts');
  const args = JSON.stringify({
    dbFile: world.dbFile,
    app: {
      apiBase: world.profile.shopApiBase,
      appKey: world.profile.shop.appKey,
      appSecret: world.profile.shop.appSecret,
    },
    accessToken: world.tokens.held.get(SHOP_ACCOUNT)!.access,
  });
  const runChild = async (killAfterMs: number | null): Promise<'killed' | 'done' | 'exited'> => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
    });
    const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    let outcome: 'killed' | 'done' | 'exited' = 'exited';
    let timer: NodeJS.Timeout | undefined;
    for await (const line of createInterface({ input: p.stdout! })) {
      if (line === 'DONE') {
        outcome = 'done';
        break;
      }
      // The first progress line: the queue is at work; the kill comes at a random moment after it.
      if (line.startsWith('P ') && killAfterMs !== null && !timer)
        timer = setTimeout(() => {
          outcome = 'killed';
          p.kill('SIGKILL');
        }, killAfterMs);
    }
    clearTimeout(timer);
    await exited;
    return outcome;
  };
  let kills = 0;
  for (let round = 0; kills < minKills && round < minKills * 3; round++) {
    const r = await runChild(50 + Math.floor(Math.random() * 900));
    if (r === 'killed') kills++;
    if (r === 'done') break;
  }
  await admin(world.info, 'DELETE', '/faults');
  await runChild(null);
  const finals = new Set<string>(finalDeliveryStates);
  const rows = world.db
    .prepare('SELECT state FROM deliveries WHERE outreach_id = ?')
    .pluck()
    .all(outreach.id) as string[];
  report('outreach.chaos.kills', kills, 'count');
  report('outreach.chaos.duplicates', duplicates(await writesOf(world, since)), 'count');
  report('outreach.chaos.unfinished', rows.filter((s) => !finals.has(s)).length, 'count');
  report('outreach.chaos.deliveries', rows.length, 'count');
}
