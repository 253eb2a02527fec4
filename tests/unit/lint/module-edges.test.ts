import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import edges from '../../../module-edges.mjs';

/**
 * The lint rule itself, run on a small tree of files laid out like the project's: each wrong-way import
 * must fail with the rule that names it, and the right-way imports beside them must pass.
 */
const files: Record<string, string> = {
  'src-shared/errors.ts': 'export const x = 1;\n',
  'src-main/core/money.ts': "import { x } from '../../src-shared/errors';\nexport const y = x;\n",
  // Allowed: the sync engine uses the API clients, the clients use core.
  'src-main/sync/engine.ts': "import { z } from '../tiktok/shop/orders';\nexport const e = z;\n",
  // Wrong way: an API client calling up into the sync engine.
  'src-main/tiktok/shop/orders.ts':
    "import { y } from '../../core/money';\nimport type { e } from '../../sync/engine';\nexport const z = y;\nexport type E = typeof e;\n",
  // Wrong way: production code starting the simulator.
  'src-main/sandbox/index.ts': 'export const start = 1;\n',
  'src-main/accounts/app-profile.ts': "import { start } from '../sandbox/index';\nexport const p = start;\n",
  // A folder nobody declared.
  'src-main/newdomain/thing.ts': "import { y } from '../core/money';\nexport const t = y;\n",
  // A cycle inside one folder.
  'src-main/vault/keystore.ts': "import { b } from './passphrase-keystore';\nexport const a = b;\n",
  'src-main/vault/passphrase-keystore.ts':
    "import type { a } from './keystore';\nexport const b = 2;\nexport type A = typeof a;\n",
  // Renderer: a page importing another page, a hook importing a page, and a page using a hook (allowed).
  'src-renderer/src/hooks/useShops.ts':
    "import { useAccounts } from '../pages/accounts/useAccounts';\nexport const s = useAccounts;\n",
  'src-renderer/src/pages/accounts/useAccounts.ts': 'export const useAccounts = 1;\n',
  'src-renderer/src/pages/orders/OrdersPage.ts':
    "import { useAccounts } from '../accounts/useAccounts';\nimport { s } from '../../hooks/useShops';\nexport const o = [useAccounts, s];\n",
};

let dir: string;
let violations: IViolation[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edges-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = await cruise(['src-main', 'src-shared', 'src-renderer/src'], {
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: edges.forbidden ?? [] },
    tsPreCompilationDeps: true,
  });
  if (typeof result.output === 'string') throw new Error('expected a JSON cruise result');
  violations = result.output.summary.violations;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const found = (rule: string, from: string, to?: string) =>
  violations.some((v) => v.rule.name === rule && v.from === from && (to === undefined || v.to === to));

describe('module edges (module-edges.mjs, run by npm run lint)', () => {
  it('fails an API client that imports the sync engine, even for a type', () => {
    expect(found('edge:src-main/tiktok', 'src-main/tiktok/shop/orders.ts', 'src-main/sync/engine.ts')).toBe(
      true,
    );
  });

  it('fails production code that imports the simulator', () => {
    expect(
      found('edge:src-main/accounts', 'src-main/accounts/app-profile.ts', 'src-main/sandbox/index.ts'),
    ).toBe(true);
  });

  it('fails a folder that has not declared itself', () => {
    expect(found('undeclared-folder', 'src-main/newdomain/thing.ts')).toBe(true);
  });

  it('fails a cycle, type-only imports included', () => {
    expect(found('no-cycle', 'src-main/vault/keystore.ts')).toBe(true);
  });

  it('fails a page importing another page and a hook importing a page', () => {
    expect(
      found(
        'page-imports-page',
        'src-renderer/src/pages/orders/OrdersPage.ts',
        'src-renderer/src/pages/accounts/useAccounts.ts',
      ),
    ).toBe(true);
    expect(found('edge:src-renderer/src/hooks', 'src-renderer/src/hooks/useShops.ts')).toBe(true);
  });

  it('lets the right-way imports through', () => {
    const allowed = [
      ['src-main/sync/engine.ts', 'src-main/tiktok/shop/orders.ts'],
      ['src-main/tiktok/shop/orders.ts', 'src-main/core/money.ts'],
      ['src-main/core/money.ts', 'src-shared/errors.ts'],
      ['src-renderer/src/pages/orders/OrdersPage.ts', 'src-renderer/src/hooks/useShops.ts'],
    ];
    for (const [from, to] of allowed) {
      expect(violations.filter((v) => v.from === from && v.to === to && v.rule.name !== 'no-cycle')).toEqual(
        [],
      );
    }
  });
});
