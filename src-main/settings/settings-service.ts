import { defaultSettings, type Settings, type SettingsPatch, settingsSchema } from '@shared/settings';
import type { Logger } from '../log/logger';
import type { SettingsStore } from './settings-store';

type Listener = (settings: Settings, changed: (keyof Settings)[]) => void;

/**
 * Validated settings. A stored value that fails validation (hand-edited file, older build) falls back to
 * the default for that field only, and the problem is logged by field name; the file itself is rewritten
 * only when the user next changes a setting.
 */
export class SettingsService {
  private current: Settings;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly store: SettingsStore,
    private readonly logger: Logger,
  ) {
    this.current = this.load();
  }

  get(): Settings {
    return { ...this.current };
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.current, ...patch });
    // Compared by value: a setting may be an object (each shop's outreach limits).
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(this.current[k]),
    );
    this.store.write(next);
    this.current = next;
    if (changed.length > 0) for (const l of this.listeners) l(this.get(), changed);
    return this.get();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): Settings {
    let raw: unknown;
    try {
      raw = this.store.read();
    } catch (err) {
      this.logger.error({ err, file: this.store.path }, 'settings file unreadable; using defaults');
      return { ...defaultSettings };
    }
    if (raw === undefined) return { ...defaultSettings };
    if (typeof raw !== 'object' || raw === null) {
      this.logger.warn({ file: this.store.path }, 'settings are not an object; using defaults');
      return { ...defaultSettings };
    }
    const result: Record<string, unknown> = { ...defaultSettings };
    const shape = settingsSchema.shape;
    for (const key of Object.keys(shape) as (keyof Settings)[]) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const parsed = shape[key].safeParse(value);
      if (parsed.success) result[key] = parsed.data;
      else
        this.logger.warn(
          { file: this.store.path, field: key },
          `stored setting "${key}" is invalid; using its default`,
        );
    }
    return settingsSchema.parse(result);
  }
}
