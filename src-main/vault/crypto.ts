import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { vaultTexts } from './texts';

/** AES-256-GCM parameters: a 96-bit IV is the size GCM is specified for; the full 128-bit tag. */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** One encrypted secret as stored. `keyId` names the data key so rotation can find what to re-encrypt. */
export interface SealedValue {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid key id');

/**
 * Kinds never contain ':' so `<ownerId>:<kind>` splits unambiguously at the last colon, even when the
 * owner id itself is namespaced like `account:42`.
 */
export const secretKindSchema = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'not a valid secret kind');
export const ownerIdSchema = z.string().min(1).max(200);

/** The associated data that binds a ciphertext to its row, e.g. `account:42:access_token`. */
export function secretAad(ownerId: string, kind: string): string {
  return `${ownerIdSchema.parse(ownerId)}:${secretKindSchema.parse(kind)}`;
}

/** Raised when GCM authentication fails. The message names no secret, only that the record is unusable. */
export function integrityError(what = 'A stored secret'): AppError {
  // `what` names a table and row for the log; the translated text leaves it out.
  return new AppError('INTERNAL', vaultTexts.integrity({ what }), { vault: 'integrity' });
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new AppError('INTERNAL', 'Vault data keys are 256 bits.');
}

export function sealWithKey(
  key: Buffer,
  keyId: string,
  plaintext: string | Uint8Array,
  aad: string,
): SealedValue {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return { keyId: keyIdSchema.parse(keyId), iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts and authenticates; any tampering (iv, tag, ciphertext, aad, key) throws, never returns garbage. */
export function openWithKey(key: Buffer, sealed: SealedValue, aad: string): Buffer {
  assertKey(key);
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) throw integrityError();
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    // Node's message ("Unsupported state or unable to authenticate data") tells the user nothing useful.
    throw integrityError();
  }
}

const PACK_VERSION = 1;

/**
 * One-BLOB form of a sealed value for tables that keep a sealed column next to plain ones (creator contact
 * details): version, key id length, key id, iv, tag, ciphertext.
 */
export function packSealed(sealed: SealedValue): Buffer {
  const keyId = Buffer.from(keyIdSchema.parse(sealed.keyId), 'utf8');
  return Buffer.concat([
    Buffer.from([PACK_VERSION, keyId.length]),
    keyId,
    sealed.iv,
    sealed.tag,
    sealed.ciphertext,
  ]);
}

export function unpackSealed(blob: Uint8Array): SealedValue {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const idLength = buf[1] ?? 0;
  const ivStart = 2 + idLength;
  if (buf[0] !== PACK_VERSION || buf.length < ivStart + IV_BYTES + TAG_BYTES) throw integrityError();
  const keyId = keyIdSchema.safeParse(buf.subarray(2, ivStart).toString('utf8'));
  if (!keyId.success) throw integrityError();
  return {
    keyId: keyId.data,
    iv: Buffer.from(buf.subarray(ivStart, ivStart + IV_BYTES)),
    tag: Buffer.from(buf.subarray(ivStart + IV_BYTES, ivStart + IV_BYTES + TAG_BYTES)),
    ciphertext: Buffer.from(buf.subarray(ivStart + IV_BYTES + TAG_BYTES)),
  };
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Key ids are public (stored beside the ciphertext and in keychain account names); random, not secret. */
export function newKeyId(): string {
  return `k${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}
