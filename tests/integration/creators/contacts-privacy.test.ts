import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '@shared/contract';
import { makeTestApp, testVaultEnv } from '../../helpers/app';
import { makeTempDir } from '../../helpers/tmp';

/**
 * Private contacts entered by hand, changed, imported from a CSV and revealed, then searched for byte by
 * byte in every place a leak could land: IPC replies (other than the one reveal), events, the database file
 * and its WAL while running and after closing, and the log at debug level.
 */
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('private contacts', () => {
  it('never appear in plain text in the database, its WAL, the log or an IPC reply unless revealed', async () => {
    const previous = process.env.SHOPMESH_LOG_LEVEL;
    process.env.SHOPMESH_LOG_LEVEL = 'debug';
    const { app, cleanup } = await makeTestApp({ dataDir: tmp.dir, env: testVaultEnv, logger: undefined });
    const replies: unknown[] = [];
    const events: unknown[] = [];
    app.events.subscribe((event, payload) => events.push({ event, payload }));
    const invoke = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
      const res = await app.router.invoke(channel, input);
      if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
      return res.result;
    };
    const secrets = [
      'mei.secret@example.cn',
      '+8613800138000',
      'mei.private.ig',
      '+447700900461',
      'second.address@example.com',
      'imported.person@example.org',
      '+14155550177',
    ];
    try {
      const added = (await invoke('creators:add', {
        handle: 'xiaomei_cn',
        nickname: '小美 💄',
        contacts: { email: secrets[0], whatsapp: '+86 138 0013 8000', instagram: '@mei.private.ig' },
      })) as { creatorId: number };
      replies.push(added);
      replies.push(
        await invoke('creators:setContacts', { creatorId: added.creatorId, contacts: { phone: secrets[3] } }),
      );
      replies.push(
        await invoke('creators:setContacts', { creatorId: added.creatorId, contacts: { email: secrets[4] } }),
      );
      const view = await invoke('creators:contacts', { creatorId: added.creatorId });
      replies.push(view);
      expect(view).toMatchObject({
        locked: false,
        items: [
          { kind: 'email', masked: 's•••@e•••.com' },
          { kind: 'whatsapp', masked: '••••••00' },
          { kind: 'instagram', masked: '@m•••' },
          { kind: 'phone', masked: '••••••61' },
        ],
      });

      const csv = Buffer.from(`handle,nickname,email,phone\nimported_one,Ima,${secrets[5]},${secrets[6]}\n`);
      const up = (await invoke('creators:importUpload', { offset: 0, data: csv.toString('base64') })) as {
        uploadId: string;
      };
      const dry = (await invoke('creators:import', {
        step: 'dryRun',
        uploadId: up.uploadId,
        fileName: 'contacts.csv',
      })) as { report: { importId: string; withContacts: number } };
      expect(dry.report.withContacts).toBe(1);
      replies.push(
        up,
        dry,
        await invoke('creators:import', { step: 'confirm', importId: dry.report.importId }),
      );

      // The one reply that may carry a value: the reveal the user asked for.
      const revealed = await invoke('creators:revealContact', { creatorId: added.creatorId, kind: 'email' });
      expect(revealed).toEqual({ creatorId: added.creatorId, kind: 'email', value: secrets[4] });
      replies.push(await invoke('activity:list', { limit: 50 }));

      const haystacks: Array<[string, Buffer]> = [
        ['IPC replies', Buffer.from(JSON.stringify(replies))],
        ['events', Buffer.from(JSON.stringify(events))],
      ];
      for (const f of filesUnder(tmp.dir))
        if (/shopmesh\.db/.test(f)) haystacks.push([`${f} (running)`, readFileSync(f)]);
      expect(haystacks.some(([f]) => f.includes('-wal'))).toBe(true);
      await cleanup();
      await new Promise((r) => setTimeout(r, 200));
      const files = filesUnder(tmp.dir);
      expect(files.some((f) => f.endsWith('shopmesh.log'))).toBe(true);
      for (const f of files) haystacks.push([f, readFileSync(f)]);
      for (const [where, bytes] of haystacks)
        for (const secret of secrets) {
          expect(bytes.includes(Buffer.from(secret)), `${secret} found in ${where}`).toBe(false);
          expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) found in ${where}`).toBe(
            false,
          );
        }
      // The needles are findable at all: the nickname (not private) is in the database in plain text.
      const db = readFileSync(join(tmp.dir, 'shopmesh.db'));
      expect(db.includes(Buffer.from('小美 💄'))).toBe(true);
    } finally {
      process.env.SHOPMESH_LOG_LEVEL = previous;
      await cleanup();
    }
  });
});
