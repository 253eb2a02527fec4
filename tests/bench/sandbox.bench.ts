import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { generateDataset } from '../../src-main/sandbox/data/generator';
import { sandboxInfoSchema, signShopRequest, type SandboxInfo } from '../../src-main/sandbox/index';

/**
 * Sandbox figures for `npm run bench`: how long the `bench` dataset (1M orders, 200k creators, ~100k ad
 * report rows) takes to generate, and how many order-search pages of 100 the server answers per second
 * over real HTTP (signature verification, filtering, JSON and all). The server runs as `npm run sandbox`
 * does, in its own process, so the client's JSON parsing is not charged to it.
 */
export async function benchSandbox(
  report: (name: string, value: number, unit: string) => void,
): Promise<void> {
  const t0 = performance.now();
  const ds = generateDataset({ scale: 'bench', seed: 1 });
  report('sandbox.generate.bench', performance.now() - t0, 'ms');
  report('sandbox.generate.bench.orders', ds.orders.count, 'orders');

  const { child, info } = await spawnSandbox();
  try {
    await fetch(`${info.adminBase}/config`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ shopQps: 1_000_000 }),
    });
    const token = await accessToken(info);
    const cipher = await firstCipher(info, token);
    const budgetMs = 3_000;
    for (const concurrency of [1, 8]) {
      const started = performance.now();
      let pages = 0;
      const worker = async (): Promise<void> => {
        let pageToken = '';
        while (performance.now() - started < budgetMs && pages < 20_000) {
          const data = await orderPage(info, token, cipher, pageToken);
          pages++;
          pageToken = data.next_page_token;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      report(
        `sandbox.orderSearch.pagesPerSec.c${concurrency}`,
        (pages * 1000) / (performance.now() - started),
        'pages/s',
      );
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

async function spawnSandbox(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const cli = fileURLToPath(new URL('../../src-main/sandbox/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--scale', 'bench', '--seed', '1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { child, info: sandboxInfoSchema.parse(JSON.parse(line)) };
}

async function accessToken(info: SandboxInfo): Promise<string> {
  const grant = await fetch(`${info.adminBase}/grant`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'shop' }),
  });
  const { code } = (await grant.json()) as { code: string };
  const q = new URLSearchParams({
    app_key: info.shop.appKey,
    app_secret: info.shop.appSecret,
    auth_code: code,
    grant_type: 'authorized_code',
  });
  const res = (await (await fetch(`${info.shopAuthBase}/api/v2/token/get?${q}`)).json()) as {
    data: { access_token: string };
  };
  return res.data.access_token;
}

async function signedFetch(
  info: SandboxInfo,
  token: string,
  path: string,
  query: Record<string, string>,
  body?: string,
): Promise<unknown> {
  const full = { app_key: info.shop.appKey, timestamp: String(Math.floor(Date.now() / 1000)), ...query };
  const sign = signShopRequest({ appSecret: info.shop.appSecret, path, query: full, body: body ?? null });
  const res = await fetch(`${info.shopApiBase}${path}?${new URLSearchParams({ ...full, sign })}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'x-tts-access-token': token },
    body,
  });
  return res.json();
}

async function firstCipher(info: SandboxInfo, token: string): Promise<string> {
  const r = (await signedFetch(info, token, '/authorization/202309/shops', {})) as {
    data: { shops: Array<{ cipher: string }> };
  };
  const cipher = r.data.shops[0]?.cipher;
  if (!cipher) throw new Error('no shop');
  return cipher;
}

async function orderPage(
  info: SandboxInfo,
  token: string,
  cipher: string,
  pageToken: string,
): Promise<{ next_page_token: string }> {
  const query: Record<string, string> = { shop_cipher: cipher, page_size: '100' };
  if (pageToken) query.page_token = pageToken;
  const r = (await signedFetch(info, token, '/order/202309/orders/search', query, '{}')) as {
    code: number;
    message: string;
    data: { next_page_token: string };
  };
  if (r.code !== 0) throw new Error(`order search failed: ${r.code} ${r.message}`);
  return r.data;
}
