import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { productionProfile } from '../../../src-main/profile/profile';
import { drawPicture } from '../../../src-main/sandbox/media';
import {
  fetchImage,
  imageUrlVerdict,
  isPublicAddress,
  parseImageSources,
  publicOnlyLookup,
} from '../../../src-main/tiktok/images';
import { AppError } from '../../../src-shared/errors';

const production = parseImageSources(productionProfile().imageSources);
const official =
  'https://p16-oec-va.ibyteimg.com/tos-maliva-i-o3syd03w52-us/6c8519a3663a4d728c4e3c131dc914b4~tplv-o3syd03w52-resize-jpeg:300:300.jpeg?from=522366036';

describe('which addresses a picture may come from', () => {
  it("allows TikTok's image CDNs over https, as Get Product's official sample names them", () => {
    expect(imageUrlVerdict(official, production).ok).toBe(true);
    expect(imageUrlVerdict('https://p16-sign-va.tiktokcdn.com/a~c5_100x100.jpeg', production).ok).toBe(true);
    expect(imageUrlVerdict('https://p19-sign.tiktokcdn-us.com/a~c5_168x168.jpeg', production).ok).toBe(true);
  });

  it.each([
    ['plain http', official.replace('https:', 'http:')],
    ['another port', official.replace('ibyteimg.com/', 'ibyteimg.com:8443/')],
    ['credentials', official.replace('https://', 'https://user:pw@')],
    ['a look-alike suffix', 'https://p16.ibyteimg.com.example.net/x.jpeg'],
    ['a look-alike name', 'https://p16-evilibyteimg.com/x.jpeg'],
    ['the bare domain', 'https://ibyteimg.com/x.jpeg'],
    ['a metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['the loopback', 'http://127.0.0.1:53682/callback/shop'],
    ['a file', 'file:///etc/passwd'],
    ['not an address', 'not a url'],
  ])('refuses %s', (_, address) => {
    expect(imageUrlVerdict(address, production).ok).toBe(false);
  });

  it("allows only the sandbox's own picture CDN under a base rule", () => {
    const rules = parseImageSources(['http://127.0.0.1:4000/media']);
    expect(imageUrlVerdict('http://127.0.0.1:4000/media/tos-x/a~t.png?from=1', rules).ok).toBe(true);
    expect(imageUrlVerdict('http://127.0.0.1:4000/admin/faults', rules).ok).toBe(false);
    expect(imageUrlVerdict('http://127.0.0.1:4000/mediaX/a.png', rules).ok).toBe(false);
    expect(imageUrlVerdict('http://127.0.0.1:4001/media/a.png', rules).ok).toBe(false);
    expect(imageUrlVerdict('https://p16-oec-va.ibyteimg.com/a.png', rules).ok).toBe(false);
  });

  it('tells public addresses from private, loopback, link-local and mapped ones', () => {
    for (const a of ['127.0.0.1', '10.2.3.4', '172.20.0.1', '192.168.1.9', '169.254.169.254', '100.64.0.1'])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', 'ff02::1'])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['8.8.8.8', '151.101.1.1', '2606:4700:4700::1111'])
      expect(isPublicAddress(a), a).toBe(true);
    expect(isPublicAddress('not-an-ip')).toBe(false);
  });

  it('refuses a CDN name that resolves into the local network', async () => {
    const result = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      publicOnlyLookup('localhost', {}, (err) => resolve(err)),
    );
    expect(result?.code).toBe('EADDRNOTPUBLIC');
  });
});

/** A real HTTP server for one test: `routes` answer by path; `hits` counts what it was asked. */
async function serve(
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>,
): Promise<{ base: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[(req.url ?? '').split('?')[0]!];
    if (route) route(req, res);
    else res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/media`, hits, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const png = drawPicture('tos-test/abc', 24);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('fetching a picture', () => {
  it('reads a picture, its type from its bytes and its size', async () => {
    const cdn = await serve({
      '/media/a.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    });
    const got = await fetchImage(`${cdn.base}/a.png?from=1`, {
      rules: parseImageSources([cdn.base]),
      maxBytes: 1024 * 1024,
    });
    expect(got).toMatchObject({ mime: 'image/png', width: 24, height: 24 });
    expect(got.bytes.equals(png)).toBe(true);
  });

  it('never asks a host outside the rules', async () => {
    const cdn = await serve({ '/media/a.png': (_, res) => res.writeHead(200).end(png) });
    const err = await refusal(
      fetchImage(`${cdn.base}/a.png`, {
        rules: parseImageSources(['http://127.0.0.1:1/media']),
        maxBytes: 1e6,
      }),
    );
    expect(err).toMatchObject({ code: 'REMOTE', key: 'tiktok.errors.imageSourceRefused' });
    expect(cdn.hits).toEqual([]);
  });

  it('refuses a redirect to another host and follows one that stays within the rules', async () => {
    const other = await serve({ '/media/secret': (_, res) => res.writeHead(200).end('internal') });
    const cdn = await serve({
      '/media/away': (_, res) => res.writeHead(302, { location: `${other.base}/secret` }).end(),
      '/media/meta': (_, res) => res.writeHead(301, { location: 'http://169.254.169.254/x' }).end(),
      '/media/moved': (_, res) => res.writeHead(302, { location: '/media/a.png' }).end(),
      '/media/loop': (_, res) => res.writeHead(302, { location: '/media/loop' }).end(),
      '/media/a.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    });
    const rules = parseImageSources([cdn.base]);
    for (const path of ['away', 'meta']) {
      const err = await refusal(fetchImage(`${cdn.base}/${path}`, { rules, maxBytes: 1e6 }));
      expect(err).toMatchObject({ code: 'REMOTE', key: 'tiktok.errors.imageRedirectRefused' });
    }
    expect(other.hits).toEqual([]);
    expect((await fetchImage(`${cdn.base}/moved`, { rules, maxBytes: 1e6 })).mime).toBe('image/png');
    const loop = await refusal(fetchImage(`${cdn.base}/loop`, { rules, maxBytes: 1e6 }));
    expect(loop.key).toBe('tiktok.errors.imageTooManyRedirects');
  });

  it('refuses a picture over the size cap, declared or not', async () => {
    const big = Buffer.concat([png, Buffer.alloc(200_000)]);
    const cdn = await serve({
      '/media/declared.png': (_, res) =>
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(big.length) }).end(big),
      '/media/streamed.png': (_, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < 20; i++) res.write(Buffer.alloc(20_000));
        res.end();
      },
    });
    const rules = parseImageSources([cdn.base]);
    for (const path of ['declared.png', 'streamed.png']) {
      const err = await refusal(fetchImage(`${cdn.base}/${path}`, { rules, maxBytes: 100_000 }));
      expect(err).toMatchObject({ code: 'REMOTE', key: 'tiktok.errors.imageTooLarge' });
    }
  });

  it('refuses an answer that is not a JPEG, PNG, GIF or WebP picture', async () => {
    const cdn = await serve({
      '/media/page': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'),
      '/media/vector': (_, res) =>
        res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg onload="alert(1)"/>'),
      '/media/lying.png': (_, res) =>
        res.writeHead(200, { 'content-type': 'image/png' }).end('<html></html>'),
      '/media/untyped': (_, res) => res.writeHead(200).end(png),
    });
    const rules = parseImageSources([cdn.base]);
    for (const path of ['page', 'vector', 'lying.png', 'untyped']) {
      const err = await refusal(fetchImage(`${cdn.base}/${path}`, { rules, maxBytes: 1e6 }));
      expect(err, path).toMatchObject({ code: 'REMOTE', key: 'tiktok.errors.imageNotPicture' });
    }
  });

  it('says so when the host answers an error or cannot be reached', async () => {
    const cdn = await serve({});
    const rules = parseImageSources([cdn.base, 'http://127.0.0.1:9/media']);
    expect(await refusal(fetchImage(`${cdn.base}/gone.png`, { rules, maxBytes: 1e6 }))).toMatchObject({
      code: 'REMOTE',
      key: 'tiktok.errors.httpStatus',
      params: { status: 404 },
    });
    expect(
      await refusal(fetchImage('http://127.0.0.1:9/media/a.png', { rules, maxBytes: 1e6 })),
    ).toMatchObject({ code: 'OFFLINE' });
  });
});
