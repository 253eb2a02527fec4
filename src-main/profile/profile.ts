import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { renameLegacyProfileFileKeys } from './login-to-identity';
import type { SandboxInfo } from './sandbox-info';
import { profileTexts } from './texts';

/**
 * Endpoint profiles: where the app sends TikTok traffic and with which app credentials.
 * `sandbox` (default) points at the embedded simulator, `production` at TikTok's hosts, and a custom
 * profile file (SHOPMESH_PROFILE_FILE) overrides any URL or credential on top of either.
 */

const baseUrl = z
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * Where product pictures may be fetched from (`tiktok/images.ts`): `https://*.<domain>` for any subdomain
 * over https, or an exact base whose addresses start with it.
 */
const imageSource = z
  .string()
  .refine(
    (s) => /^https:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s) || /^https?:\/\/[^*]+$/.test(s),
    'must be https://*.<domain> or an http(s) base URL',
  )
  .transform((s) => s.replace(/\/+$/, ''));

export const profileNames = ['sandbox', 'production', 'custom'] as const;
export type ProfileName = (typeof profileNames)[number];

export const profileSchema = z.object({
  name: z.enum(profileNames),
  shopAuthBase: baseUrl,
  shopApiBase: baseUrl,
  shopAuthorizeUrl: baseUrl,
  adsBase: baseUrl,
  adsAuthorizeUrl: baseUrl,
  identityBase: baseUrl,
  identityAuthorizeUrl: z.url(),
  imageSources: z.array(imageSource),
  // Credentials may be empty in `production` until the user enters them in Settings.
  shop: z.object({
    appKey: z.string(),
    appSecret: z.string(),
    serviceId: z.string(),
    redirectUrl: z.string(),
  }),
  ads: z.object({ appId: z.string(), secret: z.string(), redirectUrl: z.string() }),
  identity: z.object({ clientKey: z.string(), clientSecret: z.string() }),
  /** Hosts the app may open in the system browser for consent screens; derived from the authorize URLs. */
  authHosts: z.array(z.string()),
});
export type Profile = z.infer<typeof profileSchema>;

/** What a profile file may set: any field, all optional, plus which built-in profile it starts from. */
export const profileFileSchema = z
  .object({
    extends: z.enum(['sandbox', 'production']).optional(),
    shopAuthBase: baseUrl.optional(),
    shopApiBase: baseUrl.optional(),
    shopAuthorizeUrl: baseUrl.optional(),
    adsBase: baseUrl.optional(),
    adsAuthorizeUrl: baseUrl.optional(),
    identityBase: baseUrl.optional(),
    identityAuthorizeUrl: z.url().optional(),
    imageSources: z.array(imageSource).optional(),
    shop: profileSchema.shape.shop.partial().strict().optional(),
    ads: profileSchema.shape.ads.partial().strict().optional(),
    identity: profileSchema.shape.identity.partial().strict().optional(),
  })
  .strict();
export type ProfileFile = z.infer<typeof profileFileSchema>;

type ProfileCore = Omit<Profile, 'authHosts'>;

export function deriveAuthHosts(
  p: Pick<Profile, 'shopAuthorizeUrl' | 'adsAuthorizeUrl' | 'identityAuthorizeUrl'>,
): string[] {
  return [
    ...new Set([p.shopAuthorizeUrl, p.adsAuthorizeUrl, p.identityAuthorizeUrl].map((u) => new URL(u).host)),
  ];
}

function finish(core: ProfileCore, source: string): Profile {
  const candidate = { ...core, authHosts: [] as string[] };
  const parsed = profileSchema.safeParse(candidate);
  if (!parsed.success) throw validationError(parsed.error, source);
  return { ...parsed.data, authHosts: deriveAuthHosts(parsed.data) };
}

function validationError(error: z.ZodError, source: string): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
  const first = issues[0];
  return new AppError(
    'VALIDATION',
    profileTexts.invalidProfile({
      source,
      field: first?.path ?? '?',
      problem: first?.message ?? 'is invalid',
    }),
    { issues },
  );
}

/** TikTok's real hosts (docs/tiktok-api/shop-authorization.md, ads.md, login-kit.md). */
export const productionDefaults: ProfileCore = {
  name: 'production',
  shopAuthBase: 'https://auth.tiktok-shops.com',
  shopApiBase: 'https://open-api.tiktokglobalshop.com',
  shopAuthorizeUrl: 'https://services.tiktokshop.com/open/authorize',
  adsBase: 'https://business-api.tiktok.com',
  adsAuthorizeUrl: 'https://business-api.tiktok.com/portal/auth',
  identityBase: 'https://open.tiktokapis.com',
  identityAuthorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
  // TikTok's picture CDNs (docs/tiktok-api/product-images.md).
  imageSources: ['https://*.ibyteimg.com', 'https://*.tiktokcdn.com', 'https://*.tiktokcdn-us.com'],
  shop: { appKey: '', appSecret: '', serviceId: '', redirectUrl: '' },
  ads: { appId: '', secret: '', redirectUrl: '' },
  identity: { clientKey: '', clientSecret: '' },
};

export interface ProductionCredentials {
  shop?: Partial<Profile['shop']>;
  ads?: Partial<Profile['ads']>;
  identity?: Partial<Profile['identity']>;
}

export function productionProfile(credentials: ProductionCredentials = {}): Profile {
  return finish(
    {
      ...productionDefaults,
      shop: { ...productionDefaults.shop, ...credentials.shop },
      ads: { ...productionDefaults.ads, ...credentials.ads },
      identity: { ...productionDefaults.identity, ...credentials.identity },
    },
    'production',
  );
}

export function sandboxProfile(info: SandboxInfo): Profile {
  return finish(
    {
      name: 'sandbox',
      shopAuthBase: info.shopAuthBase,
      shopApiBase: info.shopApiBase,
      shopAuthorizeUrl: info.shopAuthorizeUrl,
      adsBase: info.adsBase,
      adsAuthorizeUrl: `${info.adsBase}/portal/auth`,
      identityBase: info.identityBase,
      identityAuthorizeUrl: `${info.identityBase}/v2/auth/authorize/`,
      imageSources: [info.mediaBase],
      shop: { ...info.shop },
      ads: { ...info.ads },
      identity: { ...info.identity },
    },
    'sandbox',
  );
}

export function loadProfileFile(path: string): ProfileFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError(
      'VALIDATION',
      profileTexts.unreadableFile({ path, reason: err instanceof Error ? err.message : String(err) }),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError(
      'VALIDATION',
      profileTexts.fileNotJson({ path, reason: err instanceof Error ? err.message : String(err) }),
    );
  }
  const parsed = profileFileSchema.safeParse(renameLegacyProfileFileKeys(json));
  if (!parsed.success) throw validationError(parsed.error, `file ${path}`);
  return parsed.data;
}

export function applyProfileFile(base: Profile, file: ProfileFile, path: string): Profile {
  const { extends: _ignored, shop, ads, identity, ...urls } = file;
  return finish(
    {
      ...base,
      ...urls,
      name: 'custom',
      shop: { ...base.shop, ...shop },
      ads: { ...base.ads, ...ads },
      identity: { ...base.identity, ...identity },
    },
    `file ${path}`,
  );
}

export interface ResolveProfileInput {
  env: Record<string, string | undefined>;
  /** Needed when the result builds on `sandbox`: the running simulator's info. */
  sandboxInfo?: SandboxInfo;
  /** What the user entered in Settings for production. */
  productionCredentials?: ProductionCredentials;
}

/**
 * SHOPMESH_PROFILE=sandbox|production picks the base (default sandbox); SHOPMESH_PROFILE_FILE layers a JSON
 * file on top (its `extends` wins over SHOPMESH_PROFILE), giving the `custom` profile.
 */
export function resolveProfile(input: ResolveProfileInput): Profile {
  const requested = input.env.SHOPMESH_PROFILE?.trim() || 'sandbox';
  if (requested !== 'sandbox' && requested !== 'production') {
    throw new AppError('VALIDATION', profileTexts.unknownProfile({ requested }));
  }
  const filePath = input.env.SHOPMESH_PROFILE_FILE?.trim();
  const file = filePath ? loadProfileFile(filePath) : undefined;
  const baseName = file?.extends ?? requested;
  let base: Profile;
  if (baseName === 'sandbox') {
    if (!input.sandboxInfo) throw new AppError('VALIDATION', profileTexts.sandboxNotRunning());
    base = sandboxProfile(input.sandboxInfo);
  } else {
    base = productionProfile(input.productionCredentials);
  }
  return file && filePath ? applyProfileFile(base, file, filePath) : base;
}

/** Which production credentials are still empty, for the Settings screen. */
export function missingCredentials(p: Profile): string[] {
  const out: string[] = [];
  for (const [group, values] of [
    ['shop', p.shop],
    ['ads', p.ads],
    ['identity', p.identity],
  ] as const) {
    for (const [k, v] of Object.entries(values)) if (v === '') out.push(`${group}.${k}`);
  }
  return out;
}
