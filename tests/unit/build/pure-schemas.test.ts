import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { annotatePureInitializers } from '../../../scripts/pure-schemas';

const annotate = (code: string): string =>
  annotatePureInitializers(code, parseAst(code) as unknown as Parameters<typeof annotatePureInitializers>[1]);

describe('marking src-shared schema builders pure for the renderer bundle', () => {
  it('marks every call of a top-level const initializer, nested ones included', () => {
    expect(annotate(`export const s = z.object({ k: z.string().min(1) }).strict();`)).toBe(
      `export const s = /* @__PURE__ */ z.object({ k: /* @__PURE__ */ z.string().min(1) }).strict();`,
    );
    expect(annotate(`const m = new Map(); const t = fooSchema.extend({ n: z.number() });`)).toBe(
      `const m = /* @__PURE__ */ new Map(); const t = /* @__PURE__ */ fooSchema.extend({ n: /* @__PURE__ */ z.number() });`,
    );
  });

  it('leaves calls made for their effect alone: statements, let, and function bodies', () => {
    const code = [
      `register(thing);`,
      `let counter = next();`,
      `export const check = (v) => schema.parse(v);`,
      `export const refined = z.string().refine((v) => audit(v));`,
      `export function f() { const inner = z.string(); return inner; }`,
    ].join('\n');
    const out = annotate(code).split('\n');
    expect(out[0]).toBe(`register(thing);`);
    expect(out[1]).toBe(`let counter = next();`);
    expect(out[2]).toBe(`export const check = (v) => schema.parse(v);`);
    expect(out[3]).toBe(`export const refined = /* @__PURE__ */ z.string().refine((v) => audit(v));`);
    expect(out[4]).toBe(`export function f() { const inner = z.string(); return inner; }`);
  });
});
