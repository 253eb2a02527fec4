import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '@shared/texts';
import { catalogues } from '../../../src-renderer/src/i18n/catalogues';

/**
 * Issue 16: what a merchant reads names no environment variable (README documents those) and never carries
 * a raw system error — libsecret's "Cannot autolaunch D-Bus without X11 $DISPLAY" is English, technical,
 * and names a variable. Main still passes such reasons for the English log line; the translations drop them.
 */
function strings(tree: unknown, path = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[path, tree]];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('texts merchants read', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`name no environment variable (${language})`, () => {
      const named = strings(catalogues[language]).filter(([, text]) =>
        /\bSHOPMESH_[A-Z_]+|\$[A-Z][A-Z_]{2,}|\b(?:DISPLAY|DBUS_[A-Z_]+)\b/.test(text),
      );
      expect(named).toEqual([]);
    });

    it(`write time zones as the offsets merchants read, "UTC−8", never GMT or Etc/ names (${language})`, () => {
      const named = strings(catalogues[language]).filter(([, text]) => /\bGMT\b|\bEtc\//.test(text));
      expect(named).toEqual([]);
    });

    it(`show no raw keychain error (${language})`, () => {
      const raw = strings(catalogues[language]).filter(
        ([key, text]) => key.startsWith('vault.errors.') && placeholdersOf(text).includes('reason'),
      );
      expect(raw).toEqual([]);
    });
  }

  it('the checks see the catalogues (not vacuous)', () => {
    expect(strings(catalogues.en).length).toBeGreaterThan(500);
    expect(/\$[A-Z][A-Z_]{2,}/.test('Cannot autolaunch D-Bus without X11 $DISPLAY')).toBe(true);
    expect(/\bGMT\b|\bEtc\//.test('resets at 12:00 GMT-8')).toBe(true);
  });
});
