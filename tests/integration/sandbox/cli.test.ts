import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { sandboxInfoSchema, signShopRequest } from '../../../src-main/sandbox/index';
import { jsonOf, shopEnvelope } from './helpers';

describe('sandbox CLI', () => {
  it('prints SandboxInfo as the first stdout line, serves signed requests, stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/sandbox/cli.ts', '--scale', 'tiny', '--port', '0'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const first = await new Promise<string>((resolve, reject) => {
        const rl = createInterface({ input: child.stdout });
        rl.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`cli exited ${code}`)));
      });
      const info = sandboxInfoSchema.parse(JSON.parse(first));
      expect(Object.keys(JSON.parse(first))).toEqual([
        'shopAuthBase',
        'shopApiBase',
        'shopAuthorizeUrl',
        'adsBase',
        'identityBase',
        'mediaBase',
        'adminBase',
        'adminToken',
        'shop',
        'ads',
        'identity',
      ]);
      expect(info.shopApiBase).not.toMatch(/\/$/);
      // A newcomer's first call: signed by hand with the printed credentials, no token → gateway says so.
      const ts = String(Math.floor(Date.now() / 1000));
      const query = { app_key: info.shop.appKey, timestamp: ts };
      const sign = signShopRequest({
        appSecret: info.shop.appSecret,
        path: '/authorization/202309/shops',
        query,
      });
      const res = await fetch(
        `${info.shopApiBase}/authorization/202309/shops?${new URLSearchParams({ ...query, sign })}`,
      );
      expect((await jsonOf(res, shopEnvelope)).message).toContain('x-tts-access-token');
      const bad = await fetch(
        `${info.shopApiBase}/authorization/202309/shops?${new URLSearchParams({ ...query, sign: sign.replace(/^./, sign[0] === 'a' ? 'b' : 'a') })}`,
      );
      expect(bad.status).toBe(401);
      expect((await jsonOf(bad, shopEnvelope)).code).toBe(106001);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect(child.exitCode).toBe(0);
  });
});
