import { z } from 'zod';

/**
 * Texts made in main that a merchant reads (errors, Account status reasons, sync failures, vault messages)
 * cross the boundary and sit in the database as a catalogue key plus parameters, never as English: the
 * renderer translates the key (`src-renderer/src/i18n/locales/{en,zh-CN}/<domain>.json`), and the English
 * template declared next to the key in main is what the automation API and the log get.
 *
 * Each domain declares its own keys in `src-main/<domain>/texts.ts` with `defineTexts`; the catalogue test
 * fails when one has no translation in a language, or a translation's placeholders differ.
 */

export const textParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type TextParams = z.infer<typeof textParamsSchema>;

export const translatableSchema = z.object({
  /** A catalogue key such as `sync.errors.vaultLocked`; stable, so the automation API may match on it. */
  key: z.string().min(1),
  params: textParamsSchema,
});
export type Translatable = z.infer<typeof translatableSchema>;

/** The `{{name}}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** A template written as one literal gets its parameters checked; a computed one (`'a' + 'b'`) takes any. */
type TextFactory<S extends string> = string extends S
  ? (params?: TextParams) => Translatable
  : [Placeholders<S>] extends [never]
    ? () => Translatable
    : (params: Record<Placeholders<S>, string | number>) => Translatable;

export type Texts<T extends Record<string, string>> = { readonly [K in keyof T]: TextFactory<T[K]> };

const englishByKey = new Map<string, string>();

/**
 * Declares a domain's texts: `prefix` is the catalogue path they live under (`'sync.errors'`), `english` maps
 * each name to its English template with `{{placeholders}}`. Returns one factory per name, typed so a call
 * must pass exactly the template's placeholders.
 */
export function defineTexts<const T extends Record<string, string>>(prefix: string, english: T): Texts<T> {
  const factories: Record<string, (params?: TextParams) => Translatable> = {};
  for (const [name, template] of Object.entries(english)) {
    const key = `${prefix}.${name}`;
    const known = englishByKey.get(key);
    if (known !== undefined && known !== template) throw new Error(`Text key ${key} is declared twice`);
    englishByKey.set(key, template);
    factories[name] = (params?: TextParams) => ({ key, params: params ?? {} });
  }
  return factories as unknown as Texts<T>;
}

/** Every key declared so far with its English template (for the catalogue test). */
export function declaredTexts(): ReadonlyMap<string, string> {
  return englishByKey;
}

/** The `{{name}}` placeholders a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

export function interpolate(template: string, params: TextParams): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The English of a text, for the log and the automation API; an undeclared key comes back as itself. */
export function englishOf(text: Translatable): string {
  const template = englishByKey.get(text.key);
  return template === undefined ? text.key : interpolate(template, text.params);
}

/** Stored texts are JSON in a TEXT column; a value that is not one (e.g. from an older version) is null. */
export function parseStoredText(stored: string | null): Translatable | null {
  if (stored === null) return null;
  try {
    const parsed = translatableSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function storeText(text: Translatable | null): string | null {
  return text === null ? null : JSON.stringify({ key: text.key, params: text.params });
}
