/// <reference types="vite/client" />
import { mergeCatalogues, type Catalogue } from './merge';

export { mergeCatalogues, type Catalogue };

/**
 * Every language's catalogue at once, for the tests that compare them. The app loads only the language it
 * shows (`language-en.ts`, `language-zh-CN.ts`, through index.ts).
 */
export const catalogueFiles = import.meta.glob<Catalogue>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const catalogues = mergeCatalogues(catalogueFiles);
