import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src-main/tiktok/shop/conversations';
import { pagesRunToOlder } from '../../../src-main/sync/jobs/conversations';

const page = (...indexes: string[]): Message[] =>
  indexes.map((i) => ({
    messageId: `m${i}`,
    conversationIndex: i,
    type: 'TEXT',
    content: '{}',
    createTime: null,
    senderId: null,
  }));

// Indexes above 2^53, one apart, as TikTok's are: a JS number could not tell them apart.
const big = (n: number) => (9_007_199_254_740_993n + BigInt(n)).toString();

describe('pagesRunToOlder', () => {
  it('reads a first page’s own order', () => {
    expect(pagesRunToOlder(page(big(3), big(2), big(1)), [])).toBe(true);
    expect(pagesRunToOlder(page(big(1), big(2), big(3)), [])).toBe(false);
  });

  it('cannot tell from one message, or from none', () => {
    expect(pagesRunToOlder(page(big(1)), [])).toBeNull();
    expect(pagesRunToOlder([], page(big(2), big(1)))).toBeNull();
  });

  it('compares a later page with the one before, whatever the order within each', () => {
    // Pages newest first, each listed oldest first (a chat window's order).
    expect(pagesRunToOlder(page(big(1), big(2)), page(big(3), big(4)))).toBe(true);
    expect(pagesRunToOlder(page(big(5)), page(big(3), big(4)))).toBe(false);
    expect(pagesRunToOlder(page(big(2), big(1)), page(big(4), big(3)))).toBe(true);
    // Overlapping pages say nothing.
    expect(pagesRunToOlder(page(big(3), big(2)), page(big(4), big(3)))).toBeNull();
  });
});
