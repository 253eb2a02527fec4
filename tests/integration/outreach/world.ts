import { afterAll, beforeAll } from 'vitest';
import type { SandboxOptions } from '../../../src-main/sandbox/index';
import { type OutreachWorld, startOutreachWorld } from '../../helpers/outreach-world';

/**
 * One OutreachWorld for a whole test file: started before its first test (a minute at most on a busy
 * machine) and closed after its last. Call the returned function inside a test to get it. (Kept apart from
 * tests/helpers/outreach-world.ts, which the benchmarks load outside vitest.)
 */
export function outreachWorldForFile(creators: number, options: SandboxOptions = {}): () => OutreachWorld {
  let world: OutreachWorld | undefined;
  beforeAll(async () => {
    world = await startOutreachWorld(creators, options);
  }, 60_000);
  afterAll(async () => world?.close());
  return () => {
    if (!world) throw new Error('the outreach world starts before the first test of the file');
    return world;
  };
}
