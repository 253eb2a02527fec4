import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import type { ShopmeshApp } from '../../../src-main/app';
import { invokeOk, makeTestApp, testVaultEnv } from '../../helpers/app';
import { makeTempDir } from '../../helpers/tmp';

/**
 * Creators added by hand and imported from a file are Creators of the CRM like synced ones: found by its
 * search and filters (followers, "has contact" read without decrypting), exported with contacts only when
 * asked, and one Creator when the file names someone the CRM already knows.
 */
const tmp = makeTempDir();
let app: ShopmeshApp;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await makeTestApp({ dataDir: tmp.dir, env: testVaultEnv }));
});
afterAll(async () => {
  await cleanup();
  tmp.cleanup();
});

const invoke = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  invokeOk(app, channel, input);

async function handles(filter: ChannelInput<'creators:search'>['filter']): Promise<Array<string | null>> {
  const page = await invoke('creators:search', { filter, sort: { column: 'handle', direction: 'asc' } });
  return page.items.map((c) => c.handle);
}

/** Uploads a file and runs the import's dry run: its report. */
async function dryRun(csv: string, fileName: string) {
  const up = await invoke('creators:importUpload', { offset: 0, data: Buffer.from(csv).toString('base64') });
  const dry = await invoke('creators:import', {
    step: 'dryRun',
    uploadId: up.uploadId,
    fileName,
    encoding: 'auto',
  });
  if (dry.step !== 'dryRun') throw new Error('expected a dry run');
  return dry.report;
}

describe('creator sources in the CRM', () => {
  it('manual adds and imports are searched, filtered and exported like any creator', async () => {
    const mei = await invoke('creators:add', {
      handle: 'mei_adds',
      nickname: '小美',
      followers: 25_000,
      contacts: { email: 'mei@example.com' },
    });
    await invoke('creators:add', { handle: 'no_contact', followers: 900 });
    expect(await handles({ hasContact: true })).toEqual(['mei_adds']);
    expect(await handles({ followers: { min: 10_000 } })).toEqual(['mei_adds']);

    const csv = 'handle,nickname,followers,phone\nmei_adds,Mei,26000,\nfile_one,ไฟล์,3k,+44 7700 900123\n';
    const report = await dryRun(csv, 'list.csv');
    expect(report).toMatchObject({ newCreators: 1, mergedIntoExisting: 1, badRows: [] });
    const done = await invoke('creators:import', { step: 'confirm', importId: report.importId });
    expect(done).toMatchObject({ created: 1, merged: 1 });
    await app.creators.worker.kick('manual');
    expect(await handles({ hasContact: true })).toEqual(['file_one', 'mei_adds']);
    expect(await handles({ followers: { min: 20_000 } })).toEqual(['mei_adds']);
    expect((await invoke('creators:get', { id: mei.creatorId })).creator.followers).toBe(26_000);

    await invoke('creators:clearContacts', { creatorId: mei.creatorId });
    expect(await handles({ hasContact: true })).toEqual(['file_one']);

    const plain = await invoke('creators:export', { selection: { filter: {} } });
    expect(plain.csv).not.toContain('+447700900123');
    const withContacts = await invoke('creators:export', {
      selection: { filter: {} },
      includeContacts: true,
    });
    expect(withContacts.csv).toContain('+447700900123');
  });

  it('an import fills categories from its column, reports a bad one by line, and the filter finds them', async () => {
    const csv = 'handle,categories\ncat_one,601152; 604579\ncat_bad,beauty\ncat_two,601152\n';
    const report = await dryRun(csv, 'categories.csv');
    expect(report.badRows).toEqual([{ line: 3, problems: [{ code: 'invalid', field: 'categories' }] }]);
    await invoke('creators:import', { step: 'confirm', importId: report.importId });
    await app.creators.worker.kick('manual');
    expect(await handles({ categories: ['601152'] })).toEqual(['cat_one', 'cat_two']);
    expect(await handles({ categories: ['604579'] })).toEqual(['cat_one']);
    // No product of the merchant is in these categories yet: the facets carry the ids without a name.
    const facets = await invoke('creators:facets', {});
    expect(facets.categories).toEqual([
      { id: '601152', name: null },
      { id: '604579', name: null },
    ]);
  });
});
