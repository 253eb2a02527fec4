import { describe, expect, it } from 'vitest';
import { contactCounts, outreachInput, writesOf } from '../../helpers/outreach-world';
import { admin } from '../../helpers/sync-fixtures';
import { outreachWorldForFile } from './world';

/**
 * "Retry failed" against the sandbox: messages TikTok refused outright (nothing done) fail, are sent again
 * once the merchant retries, and each creator's conversation holds exactly one message (the sandbox's
 * write log is the witness). A message whose answer was lost is reconciled, not retried.
 */

const world = outreachWorldForFile(6);

describe('retry failed against the sandbox', () => {
  it('sends refused messages again once, and never a message whose answer was lost', async () => {
    const w = world();
    const creators = w.creatorIds.slice(0, 4);
    const { outreach } = w.service.create({
      ...outreachInput(w, w.service, creators, 'message', 'Refused then retried'),
      products: [],
    });
    w.service.start(outreach.id);
    const since = Math.max(0, ...(await writesOf(w)).map((x) => x.seq));
    // Every message send is refused with TikTok's error body: a definite refusal, nothing sent.
    await admin(w.info, 'POST', '/faults', { notImplementedEveryN: 1, pathContains: '/messages' });
    const queue = w.queue();
    await queue.drain();
    await admin(w.info, 'DELETE', '/faults');
    const states = () =>
      w.db
        .prepare(
          `SELECT creator_id AS creator, state, reason, retries, conversation_id AS conv FROM deliveries
            WHERE outreach_id = ? ORDER BY creator_id`,
        )
        .all(outreach.id) as Array<{
        creator: number;
        state: string;
        reason: string | null;
        retries: number;
        conv: string | null;
      }>;
    const failed = states().filter((d) => d.state === 'failed');
    // The fault answered before TikTok looked at the creator: every send failed, none went out.
    expect(failed.length).toBe(creators.length);
    for (const d of failed) expect(d.reason).toBe('remote');
    expect(w.service.get(outreach.id)).toMatchObject({ status: 'finished', retryable: failed.length });
    expect(contactCounts(await writesOf(w, since)).messages.size).toBe(0);

    // One of them is taken by TikTok on the retry, its answer lost: reconciled, never sent twice.
    await admin(w.info, 'POST', '/faults', { commitThenGatewayTimeoutEveryN: 1, pathContains: '/messages' });
    const retried = w.service.retryFailed(outreach.id);
    expect(retried).toMatchObject({ requeued: failed.length, outreach: { status: 'running', retryable: 0 } });
    // A pass may end before any message goes out (pacing, conversations first): pass until the fault has hit one.
    const faultHit = async () => (await writesOf(w, since)).some((x) => x.answer === 'gateway_timeout');
    for (let pass = 0; pass < 50 && !(await faultHit()); pass++) await queue.pass();
    await admin(w.info, 'DELETE', '/faults');
    await queue.drain();

    const after = states();
    // Sent now, or refused for good by the creator's privacy settings (skipped, not failed).
    for (const d of after) {
      expect(d.retries).toBe(1);
      if (d.state === 'skipped') expect(d.reason).toBe('privacy');
      else expect(d).toMatchObject({ state: 'sent', reason: null });
    }
    const sent = after.filter((x) => x.state === 'sent');
    expect(sent.length).toBeGreaterThan(0);
    const writes = await writesOf(w, since);
    expect(writes.some((x) => x.answer === 'gateway_timeout')).toBe(true);
    const { messages } = contactCounts(writes);
    expect(messages.size).toBe(sent.length);
    for (const d of sent) expect(messages.get(d.conv ?? '')).toBe(1);
    expect(w.service.get(outreach.id).status).toBe('finished');
  }, 60_000);
});
