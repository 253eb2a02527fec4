import { languages, type Language } from '@shared/settings';

export type Catalogue = { [key: string]: string | Catalogue };

/**
 * Each domain owns `locales/<language>/<domain>.json`; they merge into one `translation` namespace so keys
 * stay `domain.key`. Two files claiming the same top-level key would silently overwrite each other, so that
 * is an error here (and in the catalogue test).
 */
export function mergeCatalogues(files: Record<string, Catalogue>): Record<Language, Catalogue> {
  const merged = Object.fromEntries(languages.map((l) => [l, {} as Catalogue])) as Record<
    Language,
    Catalogue
  >;
  const owner = new Map<string, string>();
  for (const [path, catalogue] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    const language = match?.[1] as Language | undefined;
    if (!match || !language || !languages.includes(language)) throw new Error(`Unexpected catalogue ${path}`);
    for (const [key, value] of Object.entries(catalogue)) {
      const claimed = owner.get(`${language}:${key}`);
      if (claimed) throw new Error(`"${key}" is defined in both ${claimed} and ${path}`);
      owner.set(`${language}:${key}`, path);
      merged[language][key] = value;
    }
  }
  return merged;
}
