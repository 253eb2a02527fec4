import type { TFunction } from 'i18next';
import type { ActivityEntry } from '@shared/activity';
import { settingsSchema } from '@shared/settings';
import { formatDuration } from '../../format/time';

const settingFields = new Set(Object.keys(settingsSchema.shape));

/** `"theme, language"` → "Theme and Language" in the reader's language. */
function listFields(fields: string, name: (field: string) => string, language: string): string {
  const names = fields
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean)
    .map(name);
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}

/**
 * The log stores machine values (e.g. `fields: "theme, language"`); turn them into the reader's words
 * before they go into `activity.kind.<kind>`.
 */
export function describeActivity(entry: ActivityEntry, t: TFunction, language: string): string {
  const params: Record<string, unknown> = { ...entry.params };
  if (entry.kind === 'settings.updated' && typeof params.fields === 'string') {
    params.fields = listFields(
      params.fields,
      (field) => (settingFields.has(field) ? t(`settings.field.${field}`) : field),
      language,
    );
  }
  if (entry.kind === 'profile.updated' && typeof params.fields === 'string') {
    // Paths such as `shop.appKey` (never values) name the fields of Settings → TikTok connection.
    params.fields = listFields(
      params.fields,
      (field) => t(`settings.tiktok.field.${field}`, { defaultValue: field }),
      language,
    );
  }
  if (entry.kind === 'sync.finished') params.summary = syncSummary(entry, t, language);
  return t(`activity.kind.${entry.kind}`, params);
}

/** "20,000 orders and 300 products synced in 4.2 sec" from the run's `rows.<resource>` counts. */
function syncSummary(entry: ActivityEntry, t: TFunction, language: string): string {
  const number = new Intl.NumberFormat(language);
  const rows = Object.entries(entry.params)
    .filter(([key, value]) => key.startsWith('rows.') && typeof value === 'number')
    .map(([key, value]) => {
      const name = t(`sync.resource.${key.slice(5)}`, { defaultValue: key.slice(5) });
      return t('activity.syncCount', {
        count: number.format(value as number),
        // "20,000 orders": resource names are capitalised as labels, lower-case inside a sentence.
        name: language.startsWith('en') ? name.toLocaleLowerCase(language) : name,
      });
    });
  const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(rows);
  const duration =
    typeof entry.params.durationMs === 'number' ? formatDuration(entry.params.durationMs, language) : '—';
  const outcome = String(entry.params.outcome);
  if (outcome === 'ok' || outcome === 'partial')
    return t(`activity.syncSummary.${outcome}${rows.length === 0 ? 'Nothing' : ''}`, {
      rows: list,
      duration,
    });
  return t(`activity.syncSummary.${outcome === 'failed' ? 'failed' : 'cancelled'}`);
}
