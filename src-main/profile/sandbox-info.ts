import { z } from 'zod';

/**
 * What the embedded simulator hands the app (and `npm run sandbox` prints): everything a sandbox-based Profile
 * needs. Defined here, on the consuming side, so production code never imports the simulator.
 */
export const sandboxInfoSchema = z.object({
  shopAuthBase: z.url(),
  shopApiBase: z.url(),
  shopAuthorizeUrl: z.url(),
  adsBase: z.url(),
  identityBase: z.url(),
  /** Where the simulator serves the product pictures its answers name. */
  mediaBase: z.url(),
  adminBase: z.url(),
  adminToken: z.string().min(1),
  shop: z.object({ appKey: z.string(), appSecret: z.string(), serviceId: z.string(), redirectUrl: z.url() }),
  ads: z.object({ appId: z.string(), secret: z.string(), redirectUrl: z.url() }),
  identity: z.object({ clientKey: z.string(), clientSecret: z.string() }),
});

export type SandboxInfo = z.infer<typeof sandboxInfoSchema>;
