import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/contract';

const renderer = resolve(import.meta.dirname, '../../out/renderer');
const assets = resolve(renderer, 'assets');

const read = (file: string): string => {
  if (!existsSync(assets)) throw new Error(`${assets} is missing: run npm run build first`);
  return readFileSync(resolve(renderer, file), 'utf8');
};

/** The files a window loads before anything renders: index.html's scripts and, transitively, their static imports. */
function entryGraph(): Set<string> {
  const html = read('index.html');
  const pending = [...html.matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"/g)].map(([, f]) => f!);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); `import("./x.js")` loads later.
    for (const [, dep] of read(file).matchAll(/import(?:[^"'`()]*?from)?\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
      pending.push(`assets/${dep!}`);
  }
  return seen;
}

describe('built renderer (out/renderer/assets)', () => {
  it('carries none of the contract slices: main validates channels, the renderer never builds their schemas', () => {
    if (!existsSync(assets)) throw new Error(`${assets} is missing: run npm run build first`);
    const bundle = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(resolve(assets, f), 'utf8'))
      .join('\n');
    // Each channel's summary is a string only its slice holds: present means the slice (and its schemas) is.
    const summaries = Object.values(channels).map((c) => c.summary.slice(0, 40));
    expect(summaries.length).toBeGreaterThan(100);
    expect(summaries.filter((s) => bundle.includes(s))).toEqual([]);
    // What the renderer does validate with is still there: the settings it edits.
    expect(bundle).toMatch(/syncIntervalMinutes:[\w$]+\(\)\.int\(\)\.min\(5\)/);
  });

  it('keeps every catalogue off the entry: each language is a chunk of its own, loaded when shown', () => {
    const entry = [...entryGraph()];
    expect(entry.some((f) => f.startsWith('assets/index-'))).toBe(true);
    const catalogueText = 'You approve access on TikTok'; // accounts.connect.intro, English
    expect(entry.filter((f) => read(f).includes(catalogueText))).toEqual([]);
    expect(entry.filter((f) => /language-/.test(f))).toEqual([]);
  });

  it("builds no page's schemas as a window starts: the entry validates with the envelope's alone", () => {
    const entry = [...entryGraph()];
    // The settings' schema (its interval bound) and the outreach limits' are the Settings page's: in a chunk
    // the entry imports, every window built them before its first render (~140 ms traced on a loaded machine).
    expect(entry.filter((f) => /syncIntervalMinutes:/.test(read(f)))).toEqual([]);
    expect(entry.filter((f) => /customPool:/.test(read(f)))).toEqual([]);
    // What it does check answers with is there: the result envelope and the error shape.
    expect(entry.some((f) => /ok:[\w$.]+\(!1\),error:/.test(read(f)))).toBe(true);
  });

  it('holds each catalogue as JSON text for JSON.parse, not as a JS object literal', () => {
    const chunks = readdirSync(assets).filter((f) => /^language-.+\.js$/.test(f));
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) {
      const code = read(`assets/${chunk}`);
      // Booleans, not toMatch: a failure would print the whole 110 kB chunk.
      // JSON's quoted keys, with no indentation: what compactCatalogues (electron.vite.config.ts) serves.
      expect(/\{\\?"accounts\\?":\{\\?"kind\\?":\{/.test(code), `${chunk} holds JSON text`).toBe(true);
      expect(/\{accounts:\{kind:\{/.test(code), `${chunk} holds an object literal`).toBe(false);
      expect(/\{\n\s+\\?"accounts/.test(code), `${chunk} keeps the files' indentation`).toBe(false);
    }
  });

  it('runs the boot chunk first, as an async module script that imports nothing', () => {
    const html = read('index.html');
    const boot =
      /<script type="module" async crossorigin src="\.\/(assets\/boot-[\w-]+\.js)"><\/script>/.exec(html);
    expect(boot).not.toBeNull();
    // After the CSP, which covers only what follows its meta tag.
    expect(html.indexOf(boot![0])).toBeGreaterThan(html.indexOf('Content-Security-Policy'));
    // Nothing to wait for before it runs; and the entry imports the very same file (one module, run once).
    expect(read(boot![1]!)).not.toMatch(/import(?:[^"'`()]*?from)?\s*["'`]\.\//);
    const entry = /<script type="module" crossorigin src="\.\/(assets\/index-[\w-]+\.js)"/.exec(html)![1]!;
    expect(read(entry)).toContain(boot![1]!.replace('assets/', './'));
  });

  it("draws the selects' chevron without an SVG image: the window's first frame builds no SVG document for it", () => {
    const html = read('index.html');
    const sheets = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"/g)].map(
      ([, f]) => f!,
    );
    expect(sheets.length).toBeGreaterThan(0);
    const css = sheets.map(read).join('\n');
    // A data-URI SVG background is an isolated SVG document Chromium builds in the first frame (~30 ms traced).
    expect(css).not.toMatch(/url\(\s*["']?data:image\/svg/);
    // The chevron is still there: `.select`'s own rule paints two gradient strokes.
    const select = /(?:^|})\.select\{([^}]*)}/.exec(css)?.[1] ?? '';
    expect(select).toMatch(/background-image:linear-gradient\(45deg[^;]*linear-gradient\(135deg/);
  });

  it('links no icon from index.html: the SVG icon is linked after the first screen (app/favicon.ts)', () => {
    // Linked from the page, its isolated SVG document was built inside the first frame (13–18 ms traced).
    expect(read('index.html')).not.toMatch(/rel="icon"/);
    expect(existsSync(resolve(renderer, 'favicon.svg'))).toBe(true);
  });
});
