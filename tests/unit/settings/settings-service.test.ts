import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@shared/settings';
import { silentLogger } from '../../../src-main/log/logger';
import { createConfSettingsStore } from '../../../src-main/settings/conf-store';
import { SettingsService } from '../../../src-main/settings/settings-service';
import { makeTempDir } from '../../helpers/tmp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

describe('SettingsService', () => {
  it('starts from the defaults and persists an update across restarts', () => {
    const first = new SettingsService(createConfSettingsStore(dir), silentLogger());
    expect(first.get()).toEqual(defaultSettings);
    first.update({ language: 'zh-CN', syncIntervalMinutes: 30 });

    const second = new SettingsService(createConfSettingsStore(dir), silentLogger());
    expect(second.get()).toMatchObject({
      language: 'zh-CN',
      syncIntervalMinutes: 30,
      theme: defaultSettings.theme,
    });
  });

  it('notifies listeners with the fields that really changed', () => {
    const s = new SettingsService(createConfSettingsStore(dir), silentLogger());
    const seen: string[][] = [];
    s.onChange((_v, changed) => seen.push(changed));
    s.update({ theme: 'dark', language: defaultSettings.language });
    s.update({ theme: 'dark' });
    expect(seen).toEqual([['theme']]);
  });

  it('keeps valid stored fields and falls back per field when a hand-edited file is invalid', () => {
    const store = createConfSettingsStore(dir);
    store.write({ ...defaultSettings, theme: 'neon', syncIntervalMinutes: 15, language: 'zh-CN' });
    const before = readFileSync(store.path, 'utf8');
    const s = new SettingsService(createConfSettingsStore(dir), silentLogger());
    expect(s.get()).toMatchObject({
      theme: defaultSettings.theme,
      syncIntervalMinutes: 15,
      language: 'zh-CN',
    });
    // Nothing is rewritten until the user changes something.
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it("keeps each shop's outreach limits, compared by value, and drops an invalid stored set", () => {
    const s = new SettingsService(createConfSettingsStore(dir), silentLogger());
    const seen: string[][] = [];
    s.onChange((_v, changed) => seen.push(changed));
    const limits = { shop1: { tier: 'mid' as const, customPool: 50, ratePerMinute: 120 } };
    s.update({ outreachShops: limits });
    s.update({ outreachShops: { shop1: { ...limits.shop1 } } });
    expect(seen).toEqual([['outreachShops']]);
    expect(new SettingsService(createConfSettingsStore(dir), silentLogger()).get().outreachShops).toEqual(
      limits,
    );
    expect(() => s.update({ outreachShops: { shop1: { ...limits.shop1, ratePerMinute: 0 } } })).toThrow();

    const store = createConfSettingsStore(dir);
    store.write({ ...defaultSettings, outreachShops: { shop1: { tier: 'huge' } }, theme: 'dark' });
    expect(new SettingsService(createConfSettingsStore(dir), silentLogger()).get()).toMatchObject({
      outreachShops: {},
      theme: 'dark',
    });
  });

  it('survives a corrupt settings file without destroying it', () => {
    const store = createConfSettingsStore(dir);
    store.write(defaultSettings);
    writeFileSync(store.path, '{ not json');
    const s = new SettingsService(createConfSettingsStore(dir), silentLogger());
    expect(s.get()).toEqual(defaultSettings);
    expect(readFileSync(store.path, 'utf8')).toBe('{ not json');

    // The next change starts a fresh file and keeps the bad one beside it for the user.
    s.update({ theme: 'light' });
    const files = readdirSync(dir);
    const aside = files.find((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe('{ not json');
    expect(new SettingsService(createConfSettingsStore(dir), silentLogger()).get().theme).toBe('light');
  });
});
