import { describe, expect, it } from 'vitest';
import {
  formatCellTime,
  formatDuration,
  formatRelative,
  formatTimeZone,
} from '../../../src-renderer/src/format/time';

describe('formatDuration', () => {
  it('shows seconds under a minute, tenths under ten seconds, never "0 sec" for a real run', () => {
    expect(formatDuration(400, 'en')).toBe('0.4 sec');
    expect(formatDuration(30, 'en')).toBe('0.1 sec');
    expect(formatDuration(4_250, 'en')).toBe('4.3 sec');
    expect(formatDuration(45_000, 'en')).toBe('45 sec');
    expect(formatDuration(125_000, 'en')).toBe('2 min 5 sec');
    expect(formatDuration(12 * 60_000, 'en')).toBe('12 min');
    expect(formatDuration(65 * 60_000, 'en')).toBe('1 hr 5 min');
    expect(formatDuration(45_000, 'zh-CN')).toBe('45秒');
  });
});

describe('formatRelative', () => {
  it('says "just now" / "刚刚" within a minute', () => {
    expect(formatRelative(1_000, 20_000, 'en')).toBe('just now');
    expect(formatRelative(1_000, 20_000, 'zh-CN')).toBe('刚刚');
    expect(formatRelative(0, 5 * 60_000, 'en')).toBe('5 minutes ago');
  });
});

describe('formatTimeZone', () => {
  it('shows offsets merchants read, with the sign the right way round', () => {
    expect(formatTimeZone('Etc/GMT+8')).toBe('UTC\u22128');
    expect(formatTimeZone('Asia/Kolkata')).toBe('UTC+5:30');
    expect(formatTimeZone('UTC')).toBe('UTC');
    // Daylight saving: London in July is an hour ahead of UTC.
    expect(formatTimeZone('Europe/London', Date.UTC(2026, 6, 1))).toBe('UTC+1');
    expect(formatTimeZone('Not/AZone')).toBe('Not/AZone');
  });
});

describe('formatCellTime', () => {
  // Noon UTC keeps the day the same in every zone the tests may run in.
  const now = Date.UTC(2026, 11, 6, 12);
  it('drops the year in the current year and keeps the time', () => {
    const at = Date.UTC(2026, 10, 26, 12, 5);
    expect(formatCellTime(at, 'en', now)).toMatch(/^Nov 26, \d{1,2}:05\s?[AP]M$/);
    expect(formatCellTime(at, 'zh-CN', now)).toMatch(/^11月26日 \d{1,2}:05$/);
  });
  it('shows the year, not the time, before the current year', () => {
    const at = Date.UTC(2025, 10, 26, 12);
    expect(formatCellTime(at, 'en', now)).toBe('Nov 26, 2025');
    expect(formatCellTime(at, 'zh-CN', now)).toBe('2025年11月26日');
  });
});
