import type { TFunction } from 'i18next';
import type { ActivityEntry } from '@shared/activity';
import { settingsSchema } from '@shared/settings';

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
  return t(`activity.kind.${entry.kind}`, params);
}
