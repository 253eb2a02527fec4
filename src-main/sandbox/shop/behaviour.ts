import { creatorFlag } from '../data/dataset';
import { creatorReplies } from '../data/names';
import { hash, hashString, pickBy, unit } from '../data/rng';
import type { Collaboration, Conversation, CreatorOutcome, SandboxState } from '../state';

/**
 * What creators do over time, derived from the seed so it is reproducible: some accept invitations (adding
 * some or all of the products to their showcase), some of those post content featuring them, and the
 * content brings affiliate orders; some creators reply to messages after a delay. An invitation's outcomes
 * are drawn when it is created, with the shares and delays of the config at that moment (`/admin/config`);
 * nothing runs in the background: each answer shows what the clock has reached.
 */

/** A number of seconds in [min, max] (both included), drawn from `h`. */
function within(span: readonly [number, number], h: number): number {
  const [min, max] = span;
  return min + (h % (max - min + 1));
}

/** The first `count` products of a rotation of `n` that starts at `start`. */
function rotation(n: number, start: number, count: number): number[] {
  return Array.from({ length: count }, (_, j) => (start + j) % n);
}

export function drawOutcome(
  state: SandboxState,
  collab: Pick<Collaboration, 'index' | 'startTime' | 'products'>,
  creatorIndex: number,
): CreatorOutcome {
  const seed = state.dataset.seed;
  const cfg = state.config;
  const k = collab.index;
  const none: CreatorOutcome = { acceptAt: null, showcased: [], contentAt: null, featured: [], sales: [] };
  const followers = state.dataset.creators.followers[creatorIndex] ?? 0;
  const pAccept = cfg.acceptShare ?? (followers < 10_000 ? 0.55 : followers < 500_000 ? 0.4 : 0.2);
  if (unit(seed, 80, k, creatorIndex) >= pAccept) return none;
  const acceptAt = collab.startTime + within(cfg.acceptDelaySec, hash(seed, 81, k, creatorIndex));
  // Most showcase every product; some pick a few (TikTok reports only how many: docs/tiktok-api/affiliate.md).
  const n = collab.products.length;
  const start = hash(seed, 89, k, creatorIndex) % n;
  const showCount = unit(seed, 87, k, creatorIndex) < 0.7 ? n : 1 + (hash(seed, 88, k, creatorIndex) % n);
  const showcased = rotation(n, start, showCount);
  if (unit(seed, 82, k, creatorIndex) >= cfg.postShare) return { ...none, acceptAt, showcased };
  const contentAt = acceptAt + within(cfg.postDelaySec, hash(seed, 83, k, creatorIndex));
  const featured = showcased.slice(0, 1 + (hash(seed, 79, k, creatorIndex) % showCount));
  const [least, most] = cfg.salesPerPost;
  const count = least + (hash(seed, 90, k, creatorIndex) % (most - least + 1));
  const sales = Array.from({ length: count }, (_, s) => ({
    at: contentAt + 1 + (hash(seed, 91, k, creatorIndex, s) % cfg.salesWithinSec),
    product: featured[hash(seed, 92, k, creatorIndex, s) % featured.length] ?? 0,
    quantity: unit(seed, 93, k, creatorIndex, s) < 0.8 ? 1 : 2,
    cancelled: unit(seed, 94, k, creatorIndex, s) < 0.06,
  })).sort((a, b) => a.at - b.at);
  return { acceptAt, showcased, contentAt, featured, sales };
}

export const hasAccepted = (o: CreatorOutcome, now: number): boolean =>
  o.acceptAt !== null && o.acceptAt <= now;
export const hasPosted = (o: CreatorOutcome, now: number): boolean =>
  o.contentAt !== null && o.contentAt <= now;

/** After a seller message, the creator may answer once per round (until they reply, no second answer is queued). */
export function maybeScheduleReply(state: SandboxState, conv: Conversation, sentAt: number): void {
  if (conv.pending.length > 0) return;
  const seed = state.dataset.seed;
  const round = conv.messages.length;
  const key = hashString(conv.id);
  if (unit(seed, 84, key, round) >= state.config.replyShare) return;
  const delay = within(state.config.replyDelaySec, hash(seed, 85, key, round));
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
    if (c.shopIndex !== shopIndex) continue;
    const at = c.creatorIndexes.indexOf(creatorIndex);
    const outcome = at < 0 ? undefined : c.outcomes[at];
    if (outcome && hasAccepted(outcome, now)) return true;
  }
  return false;
}
