import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../src-main/security/app-protocol';
import { appOrigin } from '../../src-main/security/app-origin';
import { contentSecurityPolicy } from '../../src-main/security/csp';

const renderer = resolve(import.meta.dirname, '../../out/renderer');

const read = (file: string): string => {
  if (!existsSync(resolve(renderer, 'assets')))
    throw new Error(`${renderer} is missing: run npm run build first`);
  return readFileSync(resolve(renderer, file), 'utf8');
};

/** The boot chunk index.html runs first (bootFirst in electron.vite.config.ts). */
function bootChunk(): string {
  const boot = /<script type="module" async crossorigin src="\.\/(assets\/boot-[\w-]+\.js)">/.exec(
    read('index.html'),
  );
  expect(boot, 'index.html runs a boot chunk').not.toBeNull();
  return read(boot![1]!);
}

/** The worker chunk the boot chunk starts: `new Worker(new URL("warmUpWorker-….js", import.meta.url)…, {type:"module",…})`. */
function startedWorker(): { file: string; options: string } {
  const started =
    /new Worker\(new URL\(new URL\(`([\w-]+\.js)`,import\.meta\.url\)[^)]*\)\s*,\s*\{([^}]*)\}/.exec(
      bootChunk(),
    );
  expect(started, 'the boot chunk starts a worker from a chunk of its own').not.toBeNull();
  return { file: `assets/${started![1]!}`, options: started![2]! };
}

/** The sources a directive allows, with CSP's fallback for workers: worker-src, child-src, script-src, default-src. */
function workerSources(policy: string): string[] {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
  );
  for (const name of ['worker-src', 'child-src', 'script-src', 'default-src']) {
    const sources = directives.get(name);
    if (sources) return sources;
  }
  return ['*'];
}

describe('the warm-up worker (app/warmUpWorker.ts) in the built renderer', () => {
  it('is a chunk of its own that the boot chunk starts as a module worker, named after the language', () => {
    const { file, options } = startedWorker();
    expect(file).toMatch(/^assets\/warmUpWorker-[\w-]+\.js$/);
    expect(options).toMatch(/type:\s*[`"']module[`"']/);
    expect(options).toMatch(/name:/);
    const worker = read(file);
    // What it warms, and the font stacks read from styles/tokens.css (their one source), not copied.
    expect(worker).toContain('new Intl.NumberFormat(');
    expect(worker).toContain('new OffscreenCanvas(');
    const tokens = readFileSync(
      resolve(import.meta.dirname, '../../src-renderer/src/styles/tokens.css'),
      'utf8',
    );
    const sans = /--font-sans:([^;]+);/.exec(tokens)![1]!.trim();
    expect(worker).toContain(sans);
    // A worker script loads nothing else: no import to fetch before it starts.
    expect(worker).not.toMatch(/import(?:[^"'`()]*?from)?\s*["'`]\.\//);
    expect(worker).not.toMatch(/import\(/);
  });

  it("may run under the CSP: the page's meta tag and the served header both allow a worker from 'self'", () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('index.html'))?.[1];
    expect(meta).toBeDefined();
    for (const policy of [meta!, contentSecurityPolicy]) expect(workerSources(policy)).toContain("'self'");
    // 'self' covers it only because the URL is the page's own origin: relative to the boot chunk.
    expect(bootChunk()).toMatch(/new URL\(`warmUpWorker-[\w-]+\.js`,import\.meta\.url\)/);
  });

  it("is served by the Electron app:// handler as JavaScript (a module worker's script must be)", async () => {
    const { file } = startedWorker();
    const response = await appProtocolResponse({ method: 'GET', url: `${appOrigin}/${file}` }, renderer);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(String(response.body)).toBe(read(file));
  });
});
