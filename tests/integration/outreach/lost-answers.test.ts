import { describe, expect, it } from 'vitest';
import { contactCounts, outreachInput, writesOf } from '../../helpers/outreach-world';
import { admin } from '../../helpers/sync-fixtures';
import { outreachWorldForFile } from './world';

/**
 * Lost answers: the sandbox carries writes out and then answers with a gateway's 504 or cuts the
 * connection. Every such Delivery is "maybe sent" and reconciled by reading TikTok back, so the Outreach
 * ends with each creator invited and messaged exactly once (the sandbox's write log is the witness).
 */

const world = outreachWorldForFile(200);

describe('outreach queue against lost answers', () => {
  it('contacts every creator exactly once through 504s after commit and cut connections', async () => {
    const w = world();
    // Every creator of the shop's region in the tiny dataset.
    expect(w.creatorIds.length).toBeGreaterThanOrEqual(25);
    await admin(w.info, 'POST', '/faults', {
      commitThenGatewayTimeoutEveryN: 4,
      commitThenDropEveryN: 7,
      pathContains: 'affiliate_seller',
    });
    const { outreach } = w.service.create({
      ...outreachInput(w, w.service, w.creatorIds, 'both', 'Spring launch'),
      freeSample: { hasFreeSample: true, approvalExempt: false },
    });
    w.service.start(outreach.id);
    const queue = w.queue();
    queue.recover();
    await queue.drain();

    const faults = (await admin(w.info, 'GET', '/faults')) as { injected: Record<string, number> };
    await admin(w.info, 'DELETE', '/faults');
    // Both kinds of lost answer really happened to writes.
    const writes = await writesOf(w);
    expect(writes.filter((x) => x.answer === 'gateway_timeout').length).toBeGreaterThan(0);
    expect(writes.filter((x) => x.answer === 'dropped').length).toBeGreaterThan(0);
    expect(faults.injected.commitThenGatewayTimeout).toBeGreaterThan(0);

    const done = w.service.get(outreach.id);
    expect(done.status).toBe('finished');
    expect(done.counts.queued + done.counts.sending + done.counts.maybe_sent).toBe(0);

    const rows = w.db
      .prepare(
        `SELECT creator_open_id AS openId, action, state, reason, conversation_id AS conversationId
         FROM deliveries WHERE outreach_id = ?`,
      )
      .all(outreach.id) as Array<{
      openId: string;
      action: string;
      state: string;
      reason: string | null;
      conversationId: string | null;
    }>;
    const { invites, messages } = contactCounts(writes);
    for (const d of rows.filter((r) => r.action === 'invite')) {
      expect(d.state, `${d.openId} ${d.reason}`).toBe('sent');
      expect(invites.get(d.openId), d.openId).toBe(1);
    }
    const sentMessages = rows.filter((r) => r.action === 'message' && r.state === 'sent');
    // Creators whose privacy settings refuse shops are skipped, not failed; everyone else got the message.
    expect(sentMessages.length).toBeGreaterThan(w.creatorIds.length * 0.7);
    for (const d of rows.filter((r) => r.action === 'message'))
      expect(['sent', 'skipped'], `${d.openId} ${d.reason}`).toContain(d.state);
    for (const d of sentMessages) expect(messages.get(d.conversationId ?? ''), d.openId).toBe(1);
    // No message went anywhere a Delivery does not account for.
    expect([...messages.values()].every((n) => n === 1)).toBe(true);
    expect(messages.size).toBe(sentMessages.length);
  }, 120_000);

  it('reconciles a Delivery a crash left in `sending` before sending anything again', async () => {
    const w = world();
    const [creatorId] = w.creatorIds.slice(-1);
    const since = Math.max(0, ...(await writesOf(w)).map((x) => x.seq));
    const { outreach } = w.service.create({
      ...outreachInput(w, w.service, [creatorId!], 'message', 'Crash mid-send'),
      products: [],
    });
    w.service.start(outreach.id);
    // The request is carried out and its answer lost; then the process "dies" before recording that.
    await admin(w.info, 'POST', '/faults', { commitThenDropEveryN: 1, pathContains: '/messages' });
    const first = w.queue();
    await first.pass();
    await first.pass();
    await admin(w.info, 'DELETE', '/faults');
    const d = () =>
      w.db
        .prepare('SELECT id, state, conversation_id AS c FROM deliveries WHERE outreach_id = ?')
        .get(outreach.id) as {
        id: number;
        state: string;
        c: string;
      };
    expect(d().state).toBe('maybe_sent');
    w.db.prepare(`UPDATE deliveries SET state = 'sending' WHERE id = ?`).run(d().id);

    const restarted = w.queue();
    expect(restarted.recover()).toBe(1);
    await restarted.drain();
    expect(d().state).toBe('sent');
    // Exactly one message of this Outreach reached the creator (the first test's is older than `since`).
    const { messages } = contactCounts(await writesOf(w, since));
    expect(messages.get(d().c)).toBe(1);
  }, 60_000);
});
