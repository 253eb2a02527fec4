import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { syncRound } from '../../../src-main/sync/round';
import type { SyncService } from '../../../src-main/sync/service';
import { syncTexts } from '../../../src-main/sync/texts';

const refusing = (err: AppError) => ({ run: () => Promise.reject(err) }) as unknown as SyncService;

describe('syncRound when the sync refuses to start', () => {
  it('a pause for "delete all my data" or a restore, like locked storage, is not a failed round', async () => {
    await expect(syncRound(refusing(new AppError('CONFLICT', syncTexts.paused())), 'schedule')).resolves.toBe(
      'ok',
    );
    await expect(syncRound(refusing(new AppError('LOCKED', syncTexts.locked())), 'schedule')).resolves.toBe(
      'ok',
    );
  });

  it('any other refusal fails the round', async () => {
    await expect(
      syncRound(refusing(new AppError('CONFLICT', syncTexts.shuttingDown())), 'schedule'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
