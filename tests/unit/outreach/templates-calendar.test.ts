import { describe, expect, it } from 'vitest';
import { localMinute, nextOpen, nextWeeklyReset, weekStart } from '../../../src-main/outreach/calendar';
import { zoneOffsetMs } from '../../../src-shared/time';
import {
  checkTemplate,
  commissionText,
  render,
  sensitiveWordsIn,
  textLimits,
} from '../../../src-main/outreach/templates';

describe('templates', () => {
  it('fills every variable, trimming values', () => {
    expect(
      render('message', 'Hi {{ creator_name }}, {{shop_name}} pays {{commission}}.', {
        creator_name: ' Ana ',
        shop_name: 'Maple Moss',
        commission: commissionText(1250),
      }),
    ).toEqual({ text: 'Hi Ana, Maple Moss pays 12.5%.', problems: [] });
  });

  it('names an unknown variable, an empty value and a text over the limit', () => {
    const r = render('message', 'Hi {{nickname}} {{creator_name}} {{shop_name}}', {
      creator_name: '  ',
      shop_name: 'x',
    });
    expect(r.problems).toEqual([
      { code: 'unknown_variable', variable: 'nickname' },
      { code: 'empty_value', variable: 'creator_name' },
    ]);
    const long = render('message', `${'好'.repeat(textLimits.message)}{{shop_name}}`, { shop_name: '!' });
    expect(long.problems).toEqual([
      { code: 'too_long', limit: textLimits.message, length: textLimits.message + 1 },
    ]);
    // Counted in characters, not UTF-16 units: exactly the limit in emoji passes.
    expect(render('message', '😀'.repeat(textLimits.message), {}).problems).toEqual([]);
  });

  it('refuses creator variables in an invitation (one text goes to 50 creators)', () => {
    expect(checkTemplate('invitation', 'Hi {{creator_handle}}')).toEqual([
      { code: 'creator_variable_in_invitation', variable: 'creator_handle' },
    ]);
    expect(checkTemplate('message', 'Hi {{creator_handle}}')).toEqual([]);
  });

  it('warns about sensitive words, case-insensitively', () => {
    expect(sensitiveWordsIn('Add me on WhatsApp or Telegram')).toEqual(['whatsapp', 'telegram']);
  });
});

describe('outreach calendar', () => {
  it('the weekly pool resets Sunday 12:00 GMT-8 (20:00 UTC), whatever the season', () => {
    const summer = Date.UTC(2026, 6, 8, 9); // Wednesday in July (PDT)
    expect(new Date(weekStart(summer)).toISOString()).toBe('2026-07-05T20:00:00.000Z');
    expect(new Date(nextWeeklyReset(summer)).toISOString()).toBe('2026-07-12T20:00:00.000Z');
    const justBefore = Date.UTC(2026, 11, 6, 19, 59, 59);
    expect(new Date(nextWeeklyReset(justBefore)).toISOString()).toBe('2026-12-06T20:00:00.000Z');
    expect(new Date(weekStart(Date.UTC(2026, 11, 6, 20))).toISOString()).toBe('2026-12-06T20:00:00.000Z');
  });

  it('the send window is in the shop zone, DST included', () => {
    const zone = 'America/Los_Angeles';
    const window = { startMinute: 9 * 60, endMinute: 17 * 60 };
    // 15:00 UTC = 08:00 PDT in July: opens at 09:00 PDT = 16:00 UTC.
    expect(localMinute(Date.UTC(2026, 6, 8, 15), zone)).toBe(8 * 60);
    expect(new Date(nextOpen(Date.UTC(2026, 6, 8, 15), window, zone)).toISOString()).toBe(
      '2026-07-08T16:00:00.000Z',
    );
    // In January (PST) 09:00 is 17:00 UTC.
    expect(new Date(nextOpen(Date.UTC(2026, 0, 8, 15), window, zone)).toISOString()).toBe(
      '2026-01-08T17:00:00.000Z',
    );
    // After 17:00 local: tomorrow 09:00.
    expect(new Date(nextOpen(Date.UTC(2026, 0, 9, 2), window, zone)).toISOString()).toBe(
      '2026-01-09T17:00:00.000Z',
    );
    const inside = Date.UTC(2026, 0, 8, 18, 30);
    expect(nextOpen(inside, window, zone)).toBe(inside);
    // A window across midnight (22:00–06:00).
    expect(nextOpen(inside, { startMinute: 22 * 60, endMinute: 6 * 60 }, 'UTC')).toBe(
      Date.UTC(2026, 0, 8, 22),
    );
    expect(nextOpen(inside, null, zone)).toBe(inside);
  });

  it('local minutes stay exact through a DST change when asked second by second (the offset is remembered)', () => {
    // Los Angeles moved from PST to PDT at 2026-03-08 10:00 UTC; Kathmandu is +05:45 all year.
    for (const zone of ['America/Los_Angeles', 'Asia/Kathmandu', 'Australia/Lord_Howe']) {
      const from = Date.UTC(2026, 2, 8, 9, 40);
      for (let ms = from; ms < from + 50 * 60_000; ms += 7_000) {
        const local = ms + zoneOffsetMs(ms, zone);
        expect(localMinute(ms, zone)).toBe(Math.floor((local % 86_400_000) / 60_000));
      }
    }
    expect(localMinute(Date.UTC(2026, 2, 8, 9, 59), 'America/Los_Angeles')).toBe(1 * 60 + 59);
    expect(localMinute(Date.UTC(2026, 2, 8, 10, 0), 'America/Los_Angeles')).toBe(3 * 60);
  });
});
