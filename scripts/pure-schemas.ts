import type { Plugin } from 'vite';

/**
 * Lets the renderer's bundle leave out the zod schemas it never uses (creators.table.firstRows.ms,
 * docs/creators.md). `src-shared/` builds every channel's schemas at module level; bundlers must assume a
 * call may have side effects, so every schema of every module the renderer imports a constant from was built
 * at start-up (~450 ms of module evaluation, most of it for schemas only main validates with). Each call in
 * a top-level `const` initializer of a `src-shared/` module is marked `/* @__PURE__ *\/`: building a schema
 * has no effect beyond its value, so an unused one is dropped, and the ones the renderer does use (settings,
 * errors, the result envelope) are built as before. Validation is unchanged: main checks every channel's
 * input and output against the full contract, and the preload and main bundles are not touched.
 */

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** Where to put the annotations: the start of every call or `new` outside a function body in `init`. */
function callStarts(init: Node, into: Set<number>): void {
  const visit = (node: Node): void => {
    // A function's body runs later (or never): its calls are not part of building the value.
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') into.add(node.start);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      if (Array.isArray(value)) value.filter(isNode).forEach(visit);
      else if (isNode(value)) visit(value);
    }
  };
  visit(init);
}

/** The module's top-level `const` initializers with every call in them marked pure. */
export function annotatePureInitializers(code: string, program: Node): string {
  const starts = new Set<number>();
  for (const statement of program.body as Node[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!isNode(declaration) || declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const')
      continue;
    for (const declarator of declaration.declarations as Node[])
      if (isNode(declarator.init)) callStarts(declarator.init, starts);
  }
  let out = code;
  for (const at of [...starts].sort((a, b) => b - a))
    out = `${out.slice(0, at)}/* @__PURE__ */ ${out.slice(at)}`;
  return out;
}

export function pureSharedSchemas(sharedDir: string): Plugin {
  return {
    name: 'shopmesh-pure-shared-schemas',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(sharedDir) || !/\.[cm]?[jt]s$/.test(id)) return null;
      return { code: annotatePureInitializers(code, this.parse(code) as unknown as Node), map: null };
    },
  };
}
