import { creatorFlag } from '../data/dataset';
import { creatorReplies } from '../data/names';
import { hash, hashString, pickBy, unit } from '../data/rng';
import type { Collaboration, Conversation, SandboxState } from '../state';

/**
 * What creators do over time, derived from the seed so it is reproducible: some accept invitations (adding
 * the products to their showcase) and later post content; some reply to messages after a delay. Nothing runs
 * in the background: outcomes are computed against the clock whenever a response needs them.
 */

const HOUR = 3_600;

export function inviteOutcome(
  state: SandboxState,
  collab: Collaboration,
  creatorIndex: number,
): { acceptAt: number | null; contentAt: number | null } {
  const seed = state.dataset.seed;
  const followers = state.dataset.creators.followers[creatorIndex] ?? 0;
  const pAccept = followers < 10_000 ? 0.55 : followers < 500_000 ? 0.4 : 0.2;
  if (unit(seed, 80, collab.index, creatorIndex) >= pAccept) return { acceptAt: null, contentAt: null };
  const acceptAt = collab.startTime + HOUR + (hash(seed, 81, collab.index, creatorIndex) % (72 * HOUR));
  const posts = unit(seed, 82, collab.index, creatorIndex) < 0.5;
  const contentAt = posts
    ? acceptAt + 86_400 + (hash(seed, 83, collab.index, creatorIndex) % (5 * 86_400))
    : null;
  return { acceptAt, contentAt };
}

/** After a seller message, the creator may answer once per round (until they reply, no second answer is queued). */
export function maybeScheduleReply(state: SandboxState, conv: Conversation, sentAt: number): void {
  if (conv.pending.length > 0) return;
  const seed = state.dataset.seed;
  const round = conv.messages.length;
  const key = hashString(conv.id);
  if (unit(seed, 84, key, round) >= 0.4) return;
  const delay = 600 + (hash(seed, 85, key, round) % (48 * HOUR));
  conv.pending.push({ at: sentAt + delay, content: pickBy(creatorReplies, unit(seed, 86, key, round)) });
}

/** Turns due replies into messages; a reply resets the five-messages-before-reply counter. */
export function flushReplies(state: SandboxState, conv: Conversation, now: number): void {
  if (conv.pending.length === 0) return;
  const due = conv.pending.filter((p) => p.at <= now);
  if (due.length === 0) return;
  conv.pending = conv.pending.filter((p) => p.at > now);
  for (const p of due) {
    conv.messages.push({
      index: conv.messages.length + 1,
      id: state.newId('message'),
      type: 'TEXT',
      content: JSON.stringify({ content: p.content }),
      createTime: p.at,
      fromCreator: true,
    });
  }
  state.sentSinceReply.delete(`${conv.shopIndex}:${conv.creatorIndex}`);
}

/** Connected creators (replied, messaged first, or showcased the shop's product) are exempt from the pool. */
export function isConnected(
  state: SandboxState,
  shopIndex: number,
  creatorIndex: number,
  now: number,
): boolean {
  if ((state.dataset.creators.flags[creatorIndex] ?? 0) & creatorFlag.messagedFirst) return true;
  const convId = state.conversationByPair.get(`${shopIndex}:${creatorIndex}`);
  const conv = convId ? state.conversations.get(convId) : undefined;
  if (conv) {
    flushReplies(state, conv, now);
    if (conv.messages.some((m) => m.fromCreator && m.createTime <= now)) return true;
  }
  for (const c of state.collaborations) {
    if (c.shopIndex !== shopIndex || !c.creatorIndexes.includes(creatorIndex)) continue;
    const { acceptAt } = inviteOutcome(state, c, creatorIndex);
    if (acceptAt !== null && acceptAt <= now) return true;
  }
  return false;
}
