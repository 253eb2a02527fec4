import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app';

// The packaged app builds its router with no `validateOutputs` (only the unpackaged Electron entry and the
// test helpers pass one), so the default must be off; the environment variable turns it on for a web bridge.
describe('checking IPC results against the contract', () => {
  it('is off when nothing asks for it, as in the packaged app', async () => {
    const { app, cleanup } = await makeTestApp({ validateOutputs: undefined });
    try {
      expect(app.router.validatesOutputs).toBe(false);
    } finally {
      await cleanup();
    }
  });

  it('is on with SHOPMESH_VALIDATE_OUTPUTS=1 and in the test helpers', async () => {
    const withEnv = await makeTestApp({
      validateOutputs: undefined,
      env: { SHOPMESH_VALIDATE_OUTPUTS: '1' },
    });
    const helper = await makeTestApp();
    try {
      expect(withEnv.app.router.validatesOutputs).toBe(true);
      expect(helper.app.router.validatesOutputs).toBe(true);
    } finally {
      await withEnv.cleanup();
      await helper.cleanup();
    }
  });
});
