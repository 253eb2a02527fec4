import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { createLogger, logFilePath } from '../../../src-main/log/logger';
import { startLoopbackListener } from '../../../src-main/oauth/loopback';
import { createState } from '../../../src-main/oauth/state';
import { Vault } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';
import { MemoryKeyStore } from './memory-keystore';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

it('logs vault and OAuth callback events without any token, key, code or state', async () => {
  const logger = createLogger({ logDir: join(dir, 'logs'), level: 'debug' });
  const db = openDatabase(join(dir, 'shopmesh.db'));
  const keyStore = new MemoryKeyStore();
  const TOKEN = 'plainTOKENvalue0123456789';
  try {
    const keyMaterial: string[] = [];
    const remember = () =>
      keyStore.keys.forEach((k) => keyMaterial.push(k.toString('base64'), k.toString('hex')));
    const vault = await Vault.open({ db, keyStore, logger });
    remember();
    vault.putSecrets('account:1', { access_token: TOKEN, refresh_token: `${TOKEN}-r` });
    await vault.rotateKey();
    remember();
    keyStore.keys.clear();
    await vault.unlock();

    const state = createState();
    const CODE = 'plainCODEvalue0123456789';
    const listener = await startLoopbackListener({ expectedState: state, logger });
    await fetch(`${listener.redirectUri}?code=${CODE}&state=${state}`);
    await listener.waitForCallback();

    await new Promise((r) => setTimeout(r, 100));
    logger.flush();
    await new Promise((r) => setTimeout(r, 100));
    const text = readFileSync(logFilePath(join(dir, 'logs')), 'utf8');
    expect(text).toContain('vault key rotated');
    expect(text).toContain('vault locked');
    expect(text).toContain('oauth callback received');
    expect(keyMaterial).toHaveLength(4);
    for (const k of keyMaterial) expect(text).not.toContain(k);
    expect(text).not.toMatch(/plainTOKENvalue|plainCODEvalue/);
    expect(text).not.toContain(state);
  } finally {
    db.close();
  }
});
