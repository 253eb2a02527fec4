import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellSizes } from '../../../src-renderer/src/pages/creators/shellSizes';

/**
 * The creators table guesses its card's width from copies of the shell's sizes (`shellSizes`), since
 * reading them from the page would force a style recalculation in the first render. This keeps the copies
 * true: it reads the sizes out of the stylesheets themselves and fails when either side changes alone.
 */

const stylesDir = join(import.meta.dirname, '../../../src-renderer/src/styles');

interface Rule {
  /** The enclosing at-rule's prelude (`@media (max-width: 1099px)`), or '' at the top level. */
  media: string;
  selectors: string[];
  declarations: Map<string, string>;
}

/** The style rules of a stylesheet, one level of at-rule deep (all the shell's stylesheets use). */
function rulesOf(file: string): Rule[] {
  const css = readFileSync(join(stylesDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const block = /([^{}]+)\{([^{}]*)\}/g;
  const walk = (text: string, media: string): void => {
    let rest = text;
    for (;;) {
      const at = /(@[^{}]+)\{/.exec(rest);
      const plainEnd = at ? at.index : rest.length;
      for (const m of rest.slice(0, plainEnd).matchAll(block)) {
        const declarations = new Map<string, string>();
        for (const d of m[2]!.split(';')) {
          const colon = d.indexOf(':');
          if (colon > 0) declarations.set(d.slice(0, colon).trim(), d.slice(colon + 1).trim());
        }
        rules.push({ media, selectors: m[1]!.split(',').map((s) => s.trim()), declarations });
      }
      if (!at) return;
      // The at-rule's body runs to its matching brace.
      let depth = 1;
      let i = at.index + at[0].length;
      for (; i < rest.length && depth > 0; i++) depth += rest[i] === '{' ? 1 : rest[i] === '}' ? -1 : 0;
      walk(rest.slice(at.index + at[0].length, i - 1), at[1]!.trim());
      rest = rest.slice(i);
    }
  };
  walk(css, '');
  return rules;
}

/** The value of `property` for `selector` in `file`, from the last rule under `media` that sets it. */
function declared(file: string, selector: string, property: string, media = ''): string {
  const found = rulesOf(file)
    .filter((r) => r.media === media && r.selectors.includes(selector) && r.declarations.has(property))
    .at(-1);
  if (!found) throw new Error(`${file}: no ${property} for ${selector} ${media}`);
  return found.declarations.get(property)!;
}

const tokens = new Map(
  rulesOf('tokens.css')
    .filter((r) => r.media === '' && r.selectors.includes(':root'))
    .flatMap((r) => [...r.declarations]),
);

/** A length in px, with `var(--token)` looked up in tokens.css. */
function px(value: string): number {
  const v = value.replace(/^var\((--[\w-]+)\)$/, (_, name: string) => {
    const token = tokens.get(name);
    if (token === undefined) throw new Error(`tokens.css has no ${name}`);
    return token;
  });
  const m = /^(\d+(?:\.\d+)?)px$/.exec(v);
  if (!m) throw new Error(`not a px length: ${value}`);
  return Number(m[1]);
}

describe('the card width guess’s copy of the shell’s sizes', () => {
  const narrow = `@media (max-width: ${shellSizes.narrowBelowPx - 1}px)`;

  it('has the breakpoint where shell.css narrows the sidebar', () => {
    const medias = new Set(rulesOf('shell.css').map((r) => r.media));
    expect(medias).toContain(narrow);
    expect(declared('shell.css', '.shell', 'grid-template-columns', narrow)).toMatch(/^\S+px /);
  });

  it('has the sidebar column, wide and narrow', () => {
    const column = (media?: string) =>
      px(declared('shell.css', '.shell', 'grid-template-columns', media).split(/\s+/)[0]!);
    expect(shellSizes.sidebarPx).toBe(column());
    expect(shellSizes.sidebarNarrowPx).toBe(column(narrow));
  });

  it('has the content’s side padding, wide and narrow', () => {
    // `padding: top inline bottom` (or `top inline`): the second value is left and right.
    const wide = declared('shell.css', '.content', 'padding').split(/\s+/);
    expect(wide.length).toBeGreaterThanOrEqual(2);
    expect(wide.length).toBeLessThanOrEqual(3);
    expect(shellSizes.contentPaddingPx).toBe(px(wide[1]!));
    expect(shellSizes.contentPaddingNarrowPx).toBe(
      px(declared('shell.css', '.content', 'padding-inline', narrow)),
    );
  });

  it('has the card’s border', () => {
    const border = declared('components.css', '.card', 'border').split(/\s+/)[0]!;
    expect(shellSizes.cardBorderPx).toBe(px(border));
  });
});
