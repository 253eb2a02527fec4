/// <reference types="vite/client" />
import { mergeCatalogues, parseCatalogueFiles, type Catalogue } from './merge';

/** The Simplified Chinese catalogue: a chunk of its own, loaded only when Chinese is shown (index.ts). */
export const catalogue: Catalogue = mergeCatalogues(
  parseCatalogueFiles(
    import.meta.glob<string>('./locales/zh-CN/*.json', { eager: true, query: '?raw', import: 'default' }),
  ),
)['zh-CN'];
