import { z } from 'zod';
import { translatableSchema } from './texts';

/** Every Profile the app can run on; `custom` is only ever chosen by SHOPMESH_PROFILE_FILE. */
export const profileNames = ['sandbox', 'production', 'custom'] as const;
/** What the user can pick in Settings (takes effect at the next start). */
export const selectableProfiles = ['sandbox', 'production'] as const;
export type SelectableProfile = (typeof selectableProfiles)[number];

/** The loopback ports TikTok redirects to after consent; must match the app's registered redirect URLs. */
export const redirectPortSchema = z.number().int().min(1024).max(65535);
/** The ports docs/sandbox.md registers, also the production default until the user picks others. */
export const defaultRedirectPorts = { shop: 53682, ads: 53683 } as const;

/** What production needs, in the order Settings shows it. Redirect ports always have a value. */
export const productionFields = [
  'shop.appKey',
  'shop.appSecret',
  'shop.serviceId',
  'ads.appId',
  'ads.secret',
  'identity.clientKey',
  'identity.clientSecret',
] as const;
export type ProductionField = (typeof productionFields)[number];

/** English names for `missing`, so a script reading the API gets words rather than paths. */
export const productionFieldNames: Record<ProductionField, string> = {
  'shop.appKey': 'TikTok Shop app key',
  'shop.appSecret': 'TikTok Shop app secret',
  'shop.serviceId': 'TikTok Shop service ID',
  'ads.appId': 'TikTok API for Business app ID',
  'ads.secret': 'TikTok API for Business secret',
  'identity.clientKey': 'Login Kit client key',
  'identity.clientSecret': 'Login Kit client secret',
};

/**
 * A key, id or secret as TikTok issues them: no spaces or control characters. Surrounding whitespace
 * (a careless paste) is trimmed; the empty string clears the field.
 */
const credential = z
  .string()
  .trim()
  .max(256)
  .regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces');

export const profileUpdateInputSchema = z
  .object({
    selected: z.enum(selectableProfiles).optional(),
    production: z
      .object({
        shop: z
          .object({
            appKey: credential.optional(),
            serviceId: credential.optional(),
            redirectPort: redirectPortSchema.optional(),
            appSecret: credential.optional(),
          })
          .strict()
          .optional(),
        ads: z
          .object({
            appId: credential.optional(),
            redirectPort: redirectPortSchema.optional(),
            secret: credential.optional(),
          })
          .strict()
          .optional(),
        identity: z
          .object({ clientKey: credential.optional(), clientSecret: credential.optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((input) => input.selected !== undefined || input.production !== undefined, {
    message: 'Name the profile or at least one production field to change',
  });
export type ProfileUpdateInput = z.infer<typeof profileUpdateInputSchema>;

/*
 * Strict output objects: the router checks results against them in tests and development, so a secret
 * added to the reply by mistake fails loudly instead of crossing the boundary.
 */
export const profileStateSchema = z
  .object({
    /** The Profile the running app uses. */
    active: z.enum(profileNames),
    /** The Profile chosen in Settings, used from the next start unless the environment overrides it. */
    selected: z.enum(selectableProfiles),
    /** SHOPMESH_PROFILE or SHOPMESH_PROFILE_FILE is set, so the choice above is not what decides. */
    overriddenByEnv: z.boolean(),
    production: z
      .object({
        shop: z
          .object({
            appKey: z.string(),
            serviceId: z.string(),
            redirectPort: redirectPortSchema,
            hasAppSecret: z.boolean(),
          })
          .strict(),
        ads: z
          .object({ appId: z.string(), redirectPort: redirectPortSchema, hasSecret: z.boolean() })
          .strict(),
        identity: z.object({ clientKey: z.string(), hasClientSecret: z.boolean() }).strict(),
      })
      .strict(),
    /** What production still lacks, as English field names (`missingFields` has the stable ids). */
    missing: z.array(z.string()),
    missingFields: z.array(z.enum(productionFields)),
    /** The saved choice or credentials differ from what the running app started with. */
    restartRequired: z.boolean(),
    /** The vault is locked: saved secrets cannot be read (`has…` are then false) or changed. */
    vaultLocked: z.boolean(),
    /** Why production-profile.json could not be used; kept as is, moved aside only by the next save. */
    fileProblem: translatableSchema.nullable(),
  })
  .strict();
export type ProfileState = z.infer<typeof profileStateSchema>;
