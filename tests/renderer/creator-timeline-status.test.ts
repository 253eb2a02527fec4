import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../src-renderer/src/i18n';
import { timelineStatus } from '../../src-renderer/src/pages/creators/timelineStatus';

describe("a creator's history names TikTok's statuses in the merchant's language", () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('samples, affiliate orders and collaborations, in English and Chinese', async () => {
    const t = i18n.t.bind(i18n);
    for (const language of ['en', 'zh-CN'] as const) {
      await i18n.changeLanguage(language);
      const said = [
        timelineStatus(t, 'sample', 'AWAITING_SHIPMENT'),
        timelineStatus(t, 'order', 'CANCELLED'),
        timelineStatus(t, 'collaboration', 'VALID'),
        timelineStatus(t, 'collaboration', 'posted'),
      ];
      // Each is the catalogue's own words for it, never the code.
      expect(said).toEqual([
        i18n.t('samples.status.AWAITING_SHIPMENT'),
        i18n.t('analytics.affiliate.status.CANCELLED'),
        i18n.t('collaborations.status.VALID'),
        i18n.t('creators.stage.posted'),
      ]);
      const codes = ['AWAITING_SHIPMENT', 'CANCELLED', 'VALID', 'posted'];
      said.forEach((text, k) => expect(text).not.toBe(codes[k]));
    }
  });

  it('a code no catalogue knows is shown as TikTok sent it; no status, nothing', () => {
    const t = i18n.t.bind(i18n);
    expect(timelineStatus(t, 'sample', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(timelineStatus(t, 'message', 'TEXT')).toBe('TEXT');
    expect(timelineStatus(t, 'order', null)).toBe('');
  });
});
