import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactPatchSchema } from '@shared/creator-contacts';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { ContactStore } from '../../../src-main/creators/contacts';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { Vault } from '../../../src-main/vault/vault';
import { MemoryKeyStore } from '../vault/memory-keystore';

let db: Database;
let keys: MemoryKeyStore;
let vault: Vault;
let store: ContactStore;

let identity: CreatorIdentity;

function creator(handle: string): number {
  return identity.resolve({ handle }, { origin: 'manual', now: 0 })!.creatorId;
}

beforeEach(async () => {
  db = openDatabase(':memory:');
  keys = new MemoryKeyStore();
  vault = await Vault.open({ db, keyStore: keys });
  store = new ContactStore(db, vault, () => 1_700_000_000_000);
  identity = new CreatorIdentity(db);
});
afterEach(() => {
  vault.close();
  db.close();
});

describe('contact values', () => {
  it('are normalised the same way everywhere, and bad ones are refused with the reason', () => {
    expect(
      contactPatchSchema.parse({
        email: '  Mia.Chen@Example.COM ',
        whatsapp: '+1 (415) 555-0100',
        instagram: 'https://www.instagram.com/mia.makes/',
        phone: '020 7946 0018',
      }),
    ).toEqual({
      email: 'mia.chen@example.com',
      whatsapp: '+14155550100',
      instagram: 'mia.makes',
      phone: '02079460018',
    });
    expect(contactPatchSchema.parse({ instagram: '@mia_01' })).toEqual({
      instagram: 'mia_01',
    });
    const bad = contactPatchSchema.safeParse({ email: 'not-an-email', phone: '12', instagram: 'has space' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'instagram', 'phone']);
    expect(contactPatchSchema.safeParse({ fax: '123' }).success).toBe(false);
  });
});

describe('ContactStore', () => {
  it('stores ciphertext only, shows masks, reveals on request', () => {
    const id = creator('mia');
    store.set(id, contactPatchSchema.parse({ email: 'mia@example.com', whatsapp: '+14155550123' }));
    const raw = db
      .prepare('SELECT email, whatsapp, instagram FROM creator_contacts WHERE creator_id = ?')
      .get(id) as {
      email: Buffer;
      whatsapp: Buffer;
      instagram: Buffer | null;
    };
    expect(raw.email.toString('latin1')).not.toContain('mia@example.com');
    expect(raw.whatsapp.toString('latin1')).not.toContain('4155550123');
    expect(raw.instagram).toBeNull();
    expect(store.kinds(id)).toEqual(['email', 'whatsapp']);
    expect(store.view(id)).toEqual({
      creatorId: id,
      locked: false,
      items: [
        { kind: 'email', masked: 'm•••@e•••.com' },
        { kind: 'whatsapp', masked: '••••••23' },
      ],
      updatedAt: 1_700_000_000_000,
    });
    expect(store.reveal(id, 'email')).toBe('mia@example.com');
    expect(store.reveal(id, 'phone')).toBeNull();
  });

  it('a value moved to another creator or column fails its integrity check', () => {
    const a = creator('a');
    const b = creator('b');
    store.set(a, { email: 'a@example.com' });
    store.set(b, { email: 'b@example.com' });
    db.prepare(
      'UPDATE creator_contacts SET email = (SELECT email FROM creator_contacts WHERE creator_id = ?) WHERE creator_id = ?',
    ).run(a, b);
    expect(() => store.reveal(b, 'email')).toThrow(/integrity/);
    db.prepare('UPDATE creator_contacts SET phone = email WHERE creator_id = ?').run(a);
    expect(() => store.reveal(a, 'phone')).toThrow(/integrity/);
  });

  it('clearing the last kind removes the row, so "has contact" stays a plain NOT NULL test', () => {
    const id = creator('c');
    store.set(id, { email: 'c@example.com', phone: '+447700900123' });
    store.clear(id, ['email']);
    expect(store.kinds(id)).toEqual(['phone']);
    store.set(id, { phone: null });
    expect(db.prepare('SELECT count(*) FROM creator_contacts').pluck().get()).toBe(0);
  });

  it('locked: kinds are known, masks and reveals are not, and nothing can be written', async () => {
    const id = creator('d');
    store.set(id, { instagram: 'dee' });
    vault.close();
    expect(store.view(id)).toMatchObject({ locked: true, items: [{ kind: 'instagram', masked: null }] });
    expect(() => store.reveal(id, 'instagram')).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(() => store.set(id, { email: 'd@example.com' })).toThrow(
      expect.objectContaining({ code: 'LOCKED' }),
    );
    expect(store.kinds(id)).toEqual(['instagram']);
    // Clearing needs no key.
    store.clear(id);
    expect(store.kinds(id)).toEqual([]);
  });

  it("key rotation re-seals contacts; a merged creator shows both records' contacts, a split takes them back", async () => {
    const a = creator('keep');
    const b = creator('merged');
    store.set(a, { email: 'keep@example.com' });
    store.set(b, { email: 'other@example.com', instagram: 'merged.one' });
    const before = db
      .prepare('SELECT email FROM creator_contacts WHERE creator_id = ?')
      .pluck()
      .get(a) as Buffer;
    const { reencrypted } = await vault.rotateKey();
    expect(reencrypted).toBeGreaterThanOrEqual(3);
    const after = db
      .prepare('SELECT email FROM creator_contacts WHERE creator_id = ?')
      .pluck()
      .get(a) as Buffer;
    expect(after.equals(before)).toBe(false);
    expect(store.reveal(a, 'email')).toBe('keep@example.com');
    identity.merge(a, b, 2);
    expect(store.reveal(a, 'email')).toBe('keep@example.com');
    expect(store.reveal(a, 'instagram')).toBe('merged.one');
    expect(store.kinds(a)).toEqual(['email', 'instagram']);
    // Clearing a kind clears it on every record, so the merged one's value does not show through.
    store.clear(a, ['instagram']);
    expect(store.kinds(a)).toEqual(['email']);
    identity.split(b, 3);
    expect(store.reveal(b, 'email')).toBe('other@example.com');
    expect(store.kinds(b)).toEqual(['email']);
  });

  it('exports only the kinds asked for', () => {
    const a = creator('e1');
    const b = creator('e2');
    store.set(a, { email: 'e1@example.com', phone: '+15550001111' });
    store.set(b, { phone: '+15550002222' });
    const out = store.forExport([a, b], ['phone']);
    expect(out.get(a)).toEqual({ phone: '+15550001111' });
    expect(out.get(b)).toEqual({ phone: '+15550002222' });
  });
});
