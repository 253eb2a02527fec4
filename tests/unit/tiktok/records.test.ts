import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idKey, readRecords } from '../../../src-main/tiktok/records';
import { canonicalIndex, compareIndex } from '../../../src-main/tiktok/shop/conversations';
import { maskPersonal } from '../../../src-main/sync/store/quarantine';

const schema = z.object({
  id: z.string(),
  amount: z.string(),
  note: z.string().optional(),
  lines: z.array(z.object({ sku: z.string(), label: z.string().optional() })).default([]),
});
const spec = { schema, key: idKey(), optional: ['note', 'label'] };

describe('readRecords', () => {
  it('reads good records, keeps unreadable ones aside and stores others without optional fields', () => {
    const r = readRecords(
      [
        { id: '1', amount: '1.00' },
        { id: '2', amount: 3 },
        { id: '3', amount: '2.00', note: { x: 1 }, lines: [{ sku: 'a', label: 7 }, { sku: 'b' }] },
        'not an object',
        { amount: '1.00' },
      ],
      spec,
    );
    expect(r.items.map((i) => i.id)).toEqual(['1', '3']);
    expect(r.items[1]).toEqual({ id: '3', amount: '2.00', lines: [{ sku: 'a' }, { sku: 'b' }] });
    expect(r.rejected).toEqual([
      {
        key: '2',
        raw: { id: '2', amount: 3 },
        stored: false,
        // The kinds expected and received are what the sync history translates.
        issues: [expect.objectContaining({ path: 'amount', expected: 'string', received: 'number' })],
      },
      expect.objectContaining({ key: '3', stored: true }),
      expect.objectContaining({ key: null, stored: false }),
      expect.objectContaining({
        key: null,
        issues: [expect.objectContaining({ path: 'id', expected: 'string', received: 'missing' })],
      }),
    ]);
    expect(r.rejected[1]!.issues.map((i) => i.path).sort()).toEqual(['lines.0.label', 'note']);
  });

  it('an optional field does not save a record whose essential fields are broken too', () => {
    const r = readRecords([{ id: '4', amount: null, note: 5 }], spec);
    expect(r.items).toEqual([]);
    expect(r.rejected[0]).toMatchObject({ key: '4', stored: false });
    expect(r.rejected[0]!.issues).toContainEqual(
      expect.objectContaining({ path: 'amount', expected: 'string', received: 'null' }),
    );
  });
});

describe('conversation indexes', () => {
  it('compare by length, then as text, exactly above 2^53', () => {
    const a = '1735032460678899001';
    const b = '1735032460678899002';
    expect(Number(a)).toBe(Number(b));
    expect(compareIndex(a, b)).toBe(-1);
    expect(compareIndex(b, a)).toBe(1);
    expect(compareIndex(a, a)).toBe(0);
    expect(compareIndex('99', '100')).toBe(-1);
    expect(canonicalIndex('000123')).toBe('123');
    expect(canonicalIndex('0')).toBe('0');
  });
});

describe('maskPersonal', () => {
  it('masks personal values and keeps the shape and types', () => {
    expect(
      maskPersonal({
        id: '1',
        buyer_email: 'a@b.c',
        recipient_address: { name: 'Ann', district_info: [{ address_name: 'X' }], postal_code: 12345 },
        message_body: { type: 'TEXT', content: '{"content":"call me on 555"}' },
        line_items: [{ sku_id: 'k' }],
      }),
    ).toEqual({
      id: '1',
      buyer_email: '[masked]',
      recipient_address: { name: '[masked]', district_info: [{ address_name: '[masked]' }], postal_code: 0 },
      message_body: { type: 'TEXT', content: '[masked]' },
      line_items: [{ sku_id: 'k' }],
    });
  });
});
