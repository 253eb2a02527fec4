import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isDay,
  regionTimeZone,
  zonedDay,
  zonedDayStart,
  zoneKnown,
} from '../../../src-shared/time';

const iso = (ms: number): string => new Date(ms).toISOString();
const hours = (day: string, zone: string): number =>
  (zonedDayStart(addDays(day, 1), zone) - zonedDayStart(day, zone)) / 3_600_000;

describe('shop time zones', () => {
  it('maps TikTok Shop regions to their zones and unknown ones to UTC', () => {
    expect(regionTimeZone('US')).toBe('America/Los_Angeles');
    expect(regionTimeZone('gb')).toBe('Europe/London');
    expect(regionTimeZone('TH')).toBe('Asia/Bangkok');
    expect(regionTimeZone('XX')).toBe('UTC');
    expect(zoneKnown('XX')).toBe(false);
  });

  it("puts a US evening's order on the shop's day, not the UTC day", () => {
    const la = regionTimeZone('US');
    // 2024-06-14 19:30 in Los Angeles is 02:30 UTC on the 15th.
    const evening = Date.UTC(2024, 5, 15, 2, 30);
    expect(zonedDay(evening, la)).toBe('2024-06-14');
    expect(zonedDay(evening, 'Europe/London')).toBe('2024-06-15');
    // Both sides of the shop's midnight.
    const midnight = zonedDayStart('2024-06-15', la);
    expect(iso(midnight)).toBe('2024-06-15T07:00:00.000Z');
    expect(zonedDay(midnight - 1, la)).toBe('2024-06-14');
    expect(zonedDay(midnight, la)).toBe('2024-06-15');
  });

  it('makes DST days 23 and 25 hours long', () => {
    expect(hours('2024-03-10', 'America/Los_Angeles')).toBe(23);
    expect(hours('2024-11-03', 'America/Los_Angeles')).toBe(25);
    expect(hours('2024-03-31', 'Europe/London')).toBe(23);
    expect(hours('2024-10-27', 'Europe/London')).toBe(25);
    expect(hours('2024-07-01', 'Asia/Bangkok')).toBe(24);
    // The hour after the spring-forward gap and before the fall-back repeat belong to their own days.
    const la = 'America/Los_Angeles';
    expect(zonedDay(Date.UTC(2024, 2, 10, 10, 0), la)).toBe('2024-03-10'); // 03:00 PDT
    expect(zonedDay(Date.UTC(2024, 10, 3, 8, 30), la)).toBe('2024-11-03'); // 01:30 PDT (first)
    expect(zonedDay(Date.UTC(2024, 10, 3, 9, 30), la)).toBe('2024-11-03'); // 01:30 PST (repeat)
    expect(zonedDay(Date.UTC(2024, 10, 4, 7, 59), la)).toBe('2024-11-03');
    expect(zonedDay(Date.UTC(2024, 10, 4, 8, 0), la)).toBe('2024-11-04');
  });

  it('starts a day whose midnight a DST change skipped at the first instant that exists', () => {
    // Chile moved clocks from 00:00 to 01:00 on 2024-09-08.
    const start = zonedDayStart('2024-09-08', 'America/Santiago');
    expect(iso(start)).toBe('2024-09-08T04:00:00.000Z');
    expect(zonedDay(start - 1, 'America/Santiago')).toBe('2024-09-07');
    expect(hours('2024-09-07', 'America/Santiago')).toBe(24);
    expect(hours('2024-09-08', 'America/Santiago')).toBe(23);
  });

  it('agrees with Intl for every hour of a year, in any order', () => {
    const zones = ['America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const base = Date.UTC(2024, 0, 1);
    for (const zone of zones) {
      const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
      for (let h = 0; h < 366 * 24; h += 5) {
        const ms = base + ((h * 7919) % (366 * 24)) * 3_600_000 + 1_799_000;
        expect(zonedDay(ms, zone), `${zone} ${iso(ms)}`).toBe(f.format(ms));
      }
    }
  });

  it('does calendar arithmetic on day strings', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-2-1')).toBe(false);
  });
});
