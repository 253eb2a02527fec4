import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

describe('migration 021 (promotion links, message types)', () => {
  it('keeps templates and Deliveries as TEXT messages and adds the promotion-link and image tables', () => {
    const at = databaseBefore(21);
    at.db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Sunny US', 1, 1);
      INSERT INTO templates (id, account_id, name, kind, language, body, created_at, updated_at)
        VALUES (1, NULL, 'Hello', 'message', 'en', 'Hi {{creator_name}}', 1, 1),
               (2, NULL, 'Invite', 'invitation', 'en', 'Join us', 1, 1);
      INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
        VALUES (1, 'u1', 'a1', 's1', 'Spring', 'both', 'running', '{}', 1, 1);
      INSERT INTO deliveries (id, outreach_id, creator_open_id, action, idempotency_key, state, text, updated_at)
        VALUES (1, 1, 'O1', 'invite', 'u1:1:invite', 'sent', NULL, 2),
               (2, 1, 'O1', 'message', 'u1:1:message', 'queued', 'Hi Ann', 3);
    `);
    const db = at.upgrade();
    expect(
      db.prepare('SELECT id, body, message_type, image_sha256 FROM templates ORDER BY id').all(),
    ).toEqual([
      { id: 1, body: 'Hi {{creator_name}}', message_type: 'TEXT', image_sha256: null },
      { id: 2, body: 'Join us', message_type: 'TEXT', image_sha256: null },
    ]);
    expect(db.prepare('SELECT id, state, text, msg_type, content FROM deliveries ORDER BY id').all()).toEqual(
      [
        { id: 1, state: 'sent', text: null, msg_type: 'TEXT', content: null },
        { id: 2, state: 'queued', text: 'Hi Ann', msg_type: 'TEXT', content: null },
      ],
    );
    expect(() => db.prepare(`UPDATE templates SET message_type = 'VIDEO' WHERE id = 1`).run()).toThrow(
      /CHECK/,
    );

    const put = db.prepare(
      `INSERT INTO promotion_links (account_id, shop_id, product_id, link, generated_at) VALUES ('a1', 's1', ?, ?, ?)`,
    );
    put.run('p1', 'https://example.com/t/1', 10);
    // One link per shop and product.
    expect(() => put.run('p1', 'https://example.com/t/2', 11)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(
      `INSERT INTO message_image_uploads (account_id, sha256, url, width, height, uploaded_at)
       VALUES ('a1', 'abc', 'https://img.example.com/1', 10, 20, 5)`,
    ).run();
    // The Account's own rows go with it.
    db.prepare(`DELETE FROM accounts WHERE id = 'a1'`).run();
    expect(db.prepare('SELECT count(*) FROM promotion_links').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM message_image_uploads').pluck().get()).toBe(0);
  });
});
