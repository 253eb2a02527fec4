import { z } from 'zod';
import { appErrorShapeSchema } from './errors';

/**
 * What every transport returns for an invocation. Its own module, outside the contract, so the renderer's web
 * transport checks envelopes without evaluating every channel's schemas at start-up (docs/creators.md,
 * `creators.table.firstRows.ms`).
 */
export const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorShapeSchema }),
]);
export type ResultEnvelope<T = unknown> =
  { ok: true; result: T } | { ok: false; error: z.infer<typeof appErrorShapeSchema> };
