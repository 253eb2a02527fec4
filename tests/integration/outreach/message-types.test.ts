import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageTypes, type MessageType } from '@shared/outreach';
import { solidPng } from '../../helpers/images';
import { outreachBase, writesOf } from '../../helpers/outreach-world';
import { admin, shopCaller } from '../../helpers/sync-fixtures';
import { outreachWorldForFile } from './world';

/**
 * Each message type against the sandbox (signed HTTP, the image uploaded as multipart): the first send of
 * every Outreach has its answer lost after TikTok took it (a gateway's 504), and reconciliation finds the
 * message by its type and content in the conversation, so nothing is sent twice.
 */

const world = outreachWorldForFile(12);

const messagesData = z.object({
  messages: z.array(
    z.object({ message_body: z.object({ id: z.string(), type: z.string(), content: z.string() }) }),
  ),
});

async function sendAll(type: MessageType, creatorIds: number[]) {
  const w = world();
  const template = w.service.templates.save({
    name: `${type} template`,
    kind: 'message',
    language: 'en',
    messageType: type,
    body: type === 'TEXT' ? 'Hi {{creator_name}}!' : '',
    ...(type === 'IMAGE'
      ? { image: { fileName: 'lookbook.png', data: solidPng(64, 48).toString('base64') } }
      : {}),
  });
  const invitation =
    type === 'TARGET_COLLABORATION_CARD'
      ? w.service.templates.save({
          name: 'card invitation',
          kind: 'invitation',
          language: 'en',
          body: 'Join {{shop_name}}',
        }).id
      : undefined;
  const since = Math.max(0, ...(await writesOf(w)).map((x) => x.seq));
  // The first message sent is taken by TikTok and its answer lost.
  await admin(w.info, 'POST', '/faults', {
    commitThenGatewayTimeoutEveryN: 1,
    pathContains: 'conversations/',
  });
  const { outreach } = w.service.create({
    ...outreachBase(w, creatorIds, invitation ? 'both' : 'message', `${type} outreach`),
    ...(invitation ? { invitationTemplateId: invitation } : {}),
    messageTemplateId: template.id,
  });
  w.service.start(outreach.id);
  const queue = w.queue();
  let lost = false;
  let finished = false;
  // Lose exactly one answer: the fault is cleared once the first message went out (or the queue is done).
  const drain = queue.drain().finally(() => {
    finished = true;
  });
  while (!lost && !finished) {
    lost = (await writesOf(w, since)).some((x) => x.answer === 'gateway_timeout');
    if (!lost) await new Promise((r) => setTimeout(r, 20));
  }
  await admin(w.info, 'DELETE', '/faults');
  await drain;
  await queue.drain();
  const writes = (await writesOf(w, since)).filter((x) => x.kind === 'affiliate.message');
  const rows = w.db
    .prepare(
      `SELECT state, reason, msg_type AS msgType, content, conversation_id AS conversationId, remote_id AS remoteId,
              creator_open_id AS openId
       FROM deliveries WHERE outreach_id = ? AND action = 'message'`,
    )
    .all(outreach.id) as Array<{
    state: string;
    reason: string | null;
    msgType: string;
    content: string;
    conversationId: string;
    remoteId: string;
    openId: string;
  }>;
  const invites = new Map(
    (
      w.db
        .prepare(
          `SELECT creator_open_id AS openId, remote_id AS remoteId FROM deliveries WHERE outreach_id = ? AND action = 'invite'`,
        )
        .all(outreach.id) as Array<{ openId: string; remoteId: string }>
    ).map((r) => [r.openId, r.remoteId]),
  );
  return { writes, rows, invites, outreach: w.service.get(outreach.id) };
}

describe('message types against the sandbox', () => {
  it.each(messageTypes.map((t, i) => [t, i] as const))(
    '%s: every creator gets one message of that type, a lost answer reconciled without a second send',
    async (type, i) => {
      const w = world();
      const creators = w.creatorIds.slice(i * 3, i * 3 + 3);
      const { writes, rows, invites, outreach } = await sendAll(type, creators);
      expect(outreach.status).toBe('finished');
      const sent = rows.filter((r) => r.state === 'sent');
      // Creators whose privacy settings refuse shops are skipped; the rest got the message.
      expect(rows.every((r) => r.state === 'sent' || r.reason === 'privacy')).toBe(true);
      expect(sent.length).toBeGreaterThan(0);
      expect(writes.some((x) => x.answer === 'gateway_timeout')).toBe(true);
      // Exactly one message per conversation: the lost one was found, not resent.
      const perConversation = new Map<string, number>();
      for (const x of writes)
        perConversation.set(
          x.detail.conversationId!,
          (perConversation.get(x.detail.conversationId!) ?? 0) + 1,
        );
      expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
      expect(perConversation.size).toBe(sent.length);

      const call = shopCaller(w, w.shop.cipher);
      for (const r of sent) {
        expect(r.msgType).toBe(type);
        const page = await call(
          'GET',
          `/affiliate_seller/202412/conversation/${r.conversationId}/messages`,
          messagesData,
          undefined,
          { page_size: '20' },
        );
        const m = page.messages.find((x) => x.message_body.id === r.remoteId)!.message_body;
        expect(m.type).toBe(type);
        const content = JSON.parse(m.content) as Record<string, string>;
        if (type === 'TEXT') expect(content.content).toMatch(/^Hi /);
        if (type === 'IMAGE') {
          expect(content).toMatchObject({ width: '64', height: '48' });
          expect(content.url).toMatch(/^https:\/\//);
        }
        if (type === 'PRODUCT_CARD') expect(content).toEqual({ product_id: w.productId });
        if (type === 'TARGET_COLLABORATION_CARD')
          expect(content).toEqual({ invitation_group_id: invites.get(r.openId) });
      }
    },
    60_000,
  );

  it('refuses card types an Outreach cannot fill before anything is queued', () => {
    const w = world();
    const card = (messageType: MessageType) =>
      w.service.templates.save({
        name: `only ${messageType}`,
        kind: 'message',
        language: 'en',
        messageType,
        body: '',
      }).id;
    const base = outreachBase(w, w.creatorIds.slice(0, 2), 'message', 'refused');
    expect(() =>
      w.service.create({ ...base, products: [], messageTemplateId: card('PRODUCT_CARD') }),
    ).toThrow(expect.objectContaining({ key: 'outreach.errors.productCardNeedsProduct' }));
    expect(() =>
      w.service.create({
        ...base,
        products: [{ productId: w.productId, commissionBp: 1500 }],
        messageTemplateId: card('TARGET_COLLABORATION_CARD'),
      }),
    ).toThrow(expect.objectContaining({ key: 'outreach.errors.collaborationCardNeedsInvitation' }));
  });
});
