/**
 * Secret scrubbing for every log line. Field names catch structured secrets; the patterns catch secrets that
 * slipped into free text (an error message that echoes a URL with a token in it, say).
 */
export const secretFieldNames = [
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'app_secret',
  'appSecret',
  'secret',
  'client_secret',
  'clientSecret',
  'code_verifier',
  'codeVerifier',
  'auth_code',
  'authCode',
  'password',
  'passphrase',
  'authorization',
  'cookie',
  'x-tts-access-token',
  'access-token',
  'token',
  'dataKey',
  'email',
  'phone',
];

const secretFieldSet = new Set(secretFieldNames.map((n) => n.toLowerCase()));

const textPatterns: RegExp[] = [
  // OAuth-ish query parameters and header-like pairs in free text.
  /\b(access_token|refresh_token|app_secret|client_secret|code_verifier|auth_code|code|token|sign|secret)=([^&\s"']+)/gi,
  /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/g,
  // TikTok token shapes (TTP_ / ROW_ prefixes, act./rft. Login Kit tokens).
  /\b(?:TTP|ROW)_[A-Za-z0-9._-]{8,}/g,
  /\b(?:act|rft)\.[A-Za-z0-9._!-]{8,}/g,
];

export function redactText(text: string): string {
  let out = text;
  for (const pattern of textPatterns) {
    out = out.replace(pattern, (match: string, key?: string) =>
      typeof key === 'string' && match.includes('=')
        ? `${key}=[REDACTED]`
        : key === 'Bearer'
          ? 'Bearer [REDACTED]'
          : '[REDACTED]',
    );
  }
  return out;
}

/** Deep copy with secret fields replaced and strings scrubbed; cycles are cut rather than followed. */
export function redactValue(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      secretFieldSet.has(key.toLowerCase()) && v !== undefined && v !== null
        ? '[REDACTED]'
        : redactValue(v, seen);
  }
  return out;
}
