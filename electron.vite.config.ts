import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { pureSharedSchemas } from './scripts/pure-schemas';

/** Dependency-free modules the renderer's boot chunk holds (see `manualChunks` below). */
const bootModules = [
  'vite/preload-helper.js',
  'src-renderer/src/app/boot.ts',
  'src-renderer/src/app/pageLoaders.ts',
  'src-renderer/src/api/sentEarly.ts',
  'src-renderer/src/i18n/languageLoaders.ts',
  'src-renderer/src/navigation/pages.ts',
  'src-renderer/src/pages/creators/firstPage.ts',
];

const alias = { '@shared': resolve(import.meta.dirname, 'src-shared') };

/**
 * `npm run dev` only: React Refresh injects an inline preamble and HMR talks over a websocket, both of which
 * the production CSP forbids. Builds keep the strict policy untouched.
 */
const devCsp: Plugin = {
  name: 'shopmesh-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws:"),
};

/**
 * The catalogue files the language chunks import as text (`i18n/language-*.ts`, `?raw`), without the
 * indentation: they are parsed with `JSON.parse` at run time, and their whitespace was a fifth of the bytes.
 */
const compactCatalogues: Plugin = {
  name: 'shopmesh-compact-catalogues',
  enforce: 'pre',
  load(id) {
    const [file, query] = id.split('?');
    if (query !== 'raw' || !file || !/[\\/]i18n[\\/]locales[\\/].+\.json$/.test(file)) return null;
    const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    return `export default ${JSON.stringify(text)};`;
  },
};

/**
 * The boot chunk (app/boot.ts) also as an `async` module script of its own, first in the page: it depends on
 * nothing, so it runs as soon as its 7 kB arrive, while the entry's chunks still download and compile (an
 * entry's static imports all load before any of them runs). The opening calls, the language's catalogue and
 * the page's code then travel alongside the entry instead of after it. Same URL as the entry's import of it:
 * one module, evaluated once, whichever asks first.
 */
const bootFirst: Plugin = {
  name: 'shopmesh-boot-first',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'boot');
      if (!boot) throw new Error('The renderer build made no boot chunk (manualChunks)');
      return [
        {
          tag: 'script',
          attrs: { type: 'module', async: true, crossorigin: true, src: `./${boot.fileName}` },
          // After the CSP's meta tag, which covers only what follows it.
          injectTo: 'head',
        },
      ];
    },
  },
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Native and ESM-only runtime packages stay in node_modules (externalizeDeps is on by default).
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          web: resolve(import.meta.dirname, 'src-main/web/cli.ts'),
          sandbox: resolve(import.meta.dirname, 'src-main/sandbox/cli.ts'),
          // SyncRuns run on a worker thread (src-main/sync/worker/entry.ts); the shell and the web bridge
          // both start it from out/main/sync-worker.js.
          'sync-worker': resolve(import.meta.dirname, 'src-main/sync/worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but `electron`: bundle zod and the contract into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [
      react(),
      devCsp,
      compactCatalogues,
      bootFirst,
      pureSharedSchemas(resolve(import.meta.dirname, 'src-shared')),
    ],
    build: {
      outDir: 'out/renderer',
      // Chromium parses and compiles the whole bundle before the first page can ask for data; minified it is
      // less than half the bytes (creators.table.firstRows.ms in docs/creators.md).
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') },
        // The boot module (src-renderer/src/app/boot.ts) and what it imports in a chunk of their own, which
        // the entry imports first: in one chunk with the entry, Chromium would evaluate the entry's other
        // chunks (React, zod) before it.
        output: { manualChunks: (id) => (bootModules.some((m) => id.endsWith(m)) ? 'boot' : undefined) },
      },
    },
  },
});
