import { z } from 'zod';

/**
 * Private contacts of a creator (issue 12 item 8): what the merchant learnt outside TikTok. Stored only as
 * Vault ciphertext; the renderer sees them masked unless the user reveals one. Channels in
 * `channels/creator-sources.ts`: 'creators:contacts', 'creators:setContacts', 'creators:clearContacts',
 * 'creators:revealContact'.
 */
export const contactKinds = ['email', 'whatsapp', 'instagram', 'phone'] as const;
export const contactKindSchema = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKindSchema>;

const email = z
  .string()
  .trim()
  .max(254, 'an email address has at most 254 characters')
  .pipe(z.email('not an email address'))
  .transform((v) => v.toLowerCase());

/** Digits with an optional leading +, separators dropped: "+1 (415) 555-0100" → "+14155550100". */
const phoneNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().\-/]/g, ''))
  .pipe(z.string().regex(/^\+?\d{7,15}$/, 'a phone number has 7 to 15 digits, optionally after a +'));

/** "@name", "instagram.com/name" or "name" → "name" (Instagram allows letters, digits, "." and "_"). */
const instagram = z
  .string()
  .trim()
  .transform((v) =>
    v
      .replace(/^https?:\/\//i, '')
      .replace(/^(www\.)?instagram\.com\//i, '')
      .replace(/^@/, '')
      .replace(/\/+$/, ''),
  )
  .pipe(
    z.string().regex(/^[A-Za-z0-9._]{1,30}$/, 'an Instagram handle has 1 to 30 letters, digits, "." or "_"'),
  );

/** Each kind's check and normal form; the same rules serve the IPC channels and the CSV import. */
export const contactValueSchemas = {
  email,
  whatsapp: phoneNumber,
  instagram,
  phone: phoneNumber,
} as const satisfies Record<ContactKind, z.ZodType<string, string>>;

/** A partial update: a string sets (after normalising), null clears, an absent kind is left as it is. */
export const contactPatchSchema = z
  .object({
    email: contactValueSchemas.email.nullable().optional(),
    whatsapp: contactValueSchemas.whatsapp.nullable().optional(),
    instagram: contactValueSchemas.instagram.nullable().optional(),
    phone: contactValueSchemas.phone.nullable().optional(),
  })
  .strict();
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const creatorIdSchema = z.number().int().positive();

export const contactsViewSchema = z.object({
  creatorId: creatorIdSchema,
  /** True while the Vault is locked: which kinds exist is known, their masks are not. */
  locked: z.boolean(),
  items: z.array(
    z.object({
      kind: contactKindSchema,
      /** e.g. "j•••@g•••.com", "••••••21", "@m•••"; null while locked. */
      masked: z.string().nullable(),
    }),
  ),
  updatedAt: z.number().int().nullable(),
});
export type ContactsView = z.infer<typeof contactsViewSchema>;

export const contactsGetInputSchema = z.object({ creatorId: creatorIdSchema }).strict();
export const contactsSetInputSchema = z
  .object({ creatorId: creatorIdSchema, contacts: contactPatchSchema })
  .strict();
export const contactsClearInputSchema = z
  .object({ creatorId: creatorIdSchema, kinds: z.array(contactKindSchema).min(1).optional() })
  .strict();
export const revealContactInputSchema = z
  .object({ creatorId: creatorIdSchema, kind: contactKindSchema })
  .strict();
export const revealedContactSchema = z.object({
  creatorId: creatorIdSchema,
  kind: contactKindSchema,
  value: z.string(),
});
export type RevealedContact = z.infer<typeof revealedContactSchema>;
