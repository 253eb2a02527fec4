import { languages, type Language } from '@shared/languages';

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

/**
 * Catalogue files imported as their JSON text (`?raw`) and parsed here: `JSON.parse` of a string is several
 * times faster for V8 than the same texts compiled as a JS object literal, and a window parses its language's
 * ~110 kB before the first render (`creators.table.firstRows.ms`, docs/creators.md). The files are the
 * app's own, checked by the catalogue tests, so the text is trusted to be a catalogue.
 */
export function parseCatalogueFiles(files: Record<string, string>): Record<string, Catalogue> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path, JSON.parse(text) as Catalogue]),
  );
}
