import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logFilePath } from '../../../src-main/log/logger';
import { redactText, redactValue } from '../../../src-main/log/redact';
import { makeTempDir } from '../../helpers/tmp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

describe('secret redaction', () => {
  it.each([
    ['https://x.test/cb?code=abc123&state=s1', 'code=[REDACTED]'],
    ['refresh with refresh_token=rft.abcdefghijk now', 'refresh_token=[REDACTED]'],
    ['Authorization: Bearer eyJhbGciOi.J9', 'Bearer [REDACTED]'],
    ['token TTP_kL9s8d7f6g5h4j3k2 expired', '[REDACTED]'],
    ['login act.1234567890abcdef!4321', '[REDACTED]'],
  ])('scrubs %s', (input, expected) => {
    const out = redactText(input);
    expect(out).toContain(expected);
    expect(out).not.toMatch(/abc123|rft\.abc|eyJhb|kL9s8|1234567890abcdef/);
  });

  it('replaces secret fields at any depth and leaves the rest', () => {
    const out = redactValue({
      shop: 'US',
      nested: { accessToken: 'zzz', list: [{ app_secret: 'yyy', n: 1 }] },
    });
    expect(out).toEqual({
      shop: 'US',
      nested: { accessToken: '[REDACTED]', list: [{ app_secret: '[REDACTED]', n: 1 }] },
    });
  });

  it('never writes a secret handed to the logger into the log file', async () => {
    const logger = createLogger({ logDir: dir, level: 'debug' });
    logger.info(
      { refresh_token: 'rft.SUPERSECRETVALUE', url: '/cb?code=SECRETCODE1' },
      'token TTP_SECRETACCESS1234',
    );
    logger.error({ err: new Error('request failed: access_token=SECRETINERROR') }, 'oops');
    logger.flush();
    // The file stream writes asynchronously: wait until the last line is there, not for a guessed time.
    const text = await vi.waitFor(
      () => {
        const written = readFileSync(logFilePath(dir), 'utf8');
        expect(written).toContain('oops');
        return written;
      },
      { timeout: 5_000, interval: 10 },
    );
    expect(text).not.toMatch(/SUPERSECRETVALUE|SECRETCODE1|SECRETACCESS1234|SECRETINERROR/);
  });
});
