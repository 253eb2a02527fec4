/// <reference types="vite/client" />
import { mergeCatalogues, parseCatalogueFiles, type Catalogue } from './merge';

/** The English catalogue: a chunk of its own, loaded only when English is shown (index.ts). */
export const catalogue: Catalogue = mergeCatalogues(
  parseCatalogueFiles(
    import.meta.glob<string>('./locales/en/*.json', { eager: true, query: '?raw', import: 'default' }),
  ),
).en;
