import type { TFunction } from 'i18next';
import type { ActivityEntry } from '@shared/activity';
import { settingsSchema } from '@shared/settings';

const settingFields = new Set(Object.keys(settingsSchema.shape));

/**
 * The log stores machine values (e.g. `fields: "theme, language"`); turn them into the reader's words
 * before they go into `activity.kind.<kind>`.
 */
export function describeActivity(entry: ActivityEntry, t: TFunction, language: string): string {
  const params: Record<string, unknown> = { ...entry.params };
  if (entry.kind === 'settings.updated' && typeof params.fields === 'string') {
    const names = params.fields
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean)
      .map((field) => (settingFields.has(field) ? t(`settings.field.${field}`) : field));
    params.fields = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
  }
  return t(`activity.kind.${entry.kind}`, params);
}
