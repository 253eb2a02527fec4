import { describe, expect, it } from 'vitest';
import { formatZoneLabel } from '../../../src-renderer/src/features/analytics/format';

/** The zone line of the analytics pages: readable in both languages, the offset's sign the right way round. */
describe('formatZoneLabel', () => {
  const january = Date.UTC(2026, 0, 15);
  const july = Date.UTC(2026, 6, 15);

  it('reads a fixed-offset advertiser zone as UTC−8, never as IANA’s inverted Etc/GMT+8', () => {
    expect(formatZoneLabel('Etc/GMT+8', 'en', january)).toBe('UTC\u22128');
    expect(formatZoneLabel('Etc/GMT+8', 'zh-CN', january)).toBe('UTC\u22128');
    expect(formatZoneLabel('Etc/GMT-7', 'en', january)).toBe('UTC+7');
    expect(formatZoneLabel('UTC', 'zh-CN', january)).toBe('UTC');
  });

  it('names a shop’s city zone in the reader’s language with its offset at the time (daylight saving)', () => {
    expect(formatZoneLabel('America/Los_Angeles', 'en', january)).toBe('Pacific Time (UTC\u22128)');
    expect(formatZoneLabel('America/Los_Angeles', 'en', july)).toBe('Pacific Time (UTC\u22127)');
    expect(formatZoneLabel('America/Los_Angeles', 'zh-CN', january)).toBe('北美太平洋时间（UTC\u22128）');
    expect(formatZoneLabel('Europe/London', 'zh-CN', july)).toBe('英国时间（UTC+1）');
    expect(formatZoneLabel('Asia/Singapore', 'en', july)).toBe('Singapore Standard Time (UTC+8)');
  });

  it('leaves a name Intl does not know as it is', () => {
    expect(formatZoneLabel('Not/AZone', 'en')).toBe('Not/AZone');
  });
});
