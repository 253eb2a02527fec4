import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import {
  maxImageBytes,
  type MessageType,
  type Template,
  type TemplateImage,
  type TemplateKind,
} from '@shared/outreach';
import { imageInfo } from '../core/image-info';
import { checkTemplate, describeProblems } from './templates';
import { outreachTexts } from './texts';

const columns = `t.id, t.name, t.kind, t.language, t.message_type AS messageType, t.body, t.product_id AS productId,
  t.created_at AS createdAt,
  t.updated_at AS updatedAt, i.file_name AS fileName, i.mime, i.width, i.height, i.size, i.sha256`;
const from = 'templates t LEFT JOIN message_image_files i ON i.sha256 = t.image_sha256';

type Row = Omit<Template, 'image'> & {
  fileName: string | null;
  mime: TemplateImage['mime'] | null;
  width: number | null;
  height: number | null;
  size: number | null;
  sha256: string | null;
};

function toTemplate(r: Row): Template {
  const { fileName, mime, width, height, size, sha256, ...t } = r;
  return {
    ...t,
    image:
      sha256 !== null && fileName !== null && mime !== null
        ? { fileName, mime, width: width ?? 0, height: height ?? 0, size: size ?? 0, sha256 }
        : null,
  };
}

export interface TemplateSave {
  id?: number;
  name: string;
  kind: TemplateKind;
  language: Template['language'];
  messageType?: MessageType;
  body: string;
  image?: { fileName: string; data: string };
  /** A PRODUCT_CARD's product; absent or null: the Outreach's first product. */
  productId?: string | null;
}

/**
 * Saved templates. A template with an unknown variable is refused when saved, not when an Outreach is
 * built; so is an IMAGE template whose picture TikTok would not take (format, size: checked from the
 * file's own header, docs/outreach.md "Message types").
 */
export class TemplateStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(): Template[] {
    return (this.db.prepare(`SELECT ${columns} FROM ${from} ORDER BY t.name`).all() as Row[]).map(toTemplate);
  }

  get(id: number): Template {
    const t = this.db.prepare(`SELECT ${columns} FROM ${from} WHERE t.id = ?`).get(id) as Row | undefined;
    if (!t) throw new AppError('NOT_FOUND', outreachTexts.templateNotFound());
    return toTemplate(t);
  }

  /** An IMAGE template's picture with its bytes. */
  image(id: number): { image: TemplateImage; data: string } {
    const t = this.get(id);
    if (!t.image) throw new AppError('NOT_FOUND', outreachTexts.templateHasNoImage());
    return { image: t.image, data: this.imageBytes(t.image.sha256).toString('base64') };
  }

  imageBytes(sha256: string): Buffer {
    const bytes = this.db
      .prepare('SELECT bytes FROM message_image_files WHERE sha256 = ?')
      .pluck()
      .get(sha256) as Buffer | undefined;
    if (!bytes) throw new AppError('NOT_FOUND', outreachTexts.templateHasNoImage());
    return bytes;
  }

  /** Checks a picture as TikTok's upload would and stores it once by its hash; returns the hash. */
  private putImage(image: { fileName: string; data: string }): string {
    const bytes = Buffer.from(image.data, 'base64');
    const refuse = (text: ReturnType<typeof outreachTexts.imageTooLarge>): never => {
      throw new AppError('VALIDATION', text, { issues: [{ path: 'image', message: text.key }] });
    };
    if (bytes.length === 0) refuse(outreachTexts.imageNotSupported());
    if (bytes.length > maxImageBytes) refuse(outreachTexts.imageTooLarge({ megabytes: 10 }));
    const info = imageInfo(bytes) ?? refuse(outreachTexts.imageNotSupported());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.db
      .prepare(
        `INSERT INTO message_image_files (sha256, file_name, mime, width, height, size, bytes, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
      )
      .run(sha256, image.fileName, info.mime, info.width, info.height, bytes.length, bytes, this.now());
    return sha256;
  }

  /** Pictures no template and no Delivery refers to any more. */
  private dropUnusedImages(): void {
    this.db
      .prepare(
        `DELETE FROM message_image_files WHERE sha256 NOT IN (SELECT image_sha256 FROM templates WHERE image_sha256 IS NOT NULL)
           AND sha256 NOT IN (SELECT image_sha256 FROM deliveries WHERE image_sha256 IS NOT NULL)`,
      )
      .run();
  }

  save(input: TemplateSave): Template {
    const messageType = input.messageType ?? 'TEXT';
    const problems = messageType === 'TEXT' ? checkTemplate(input.kind, input.body) : [];
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION',
        outreachTexts.templateVariables({ problems: describeProblems(problems) }),
        {
          issues: problems.map((p) => ({
            path: 'body',
            message: `${p.code}${p.variable ? `: ${p.variable}` : ''}`,
          })),
          problems,
        },
      );
    const now = this.now();
    try {
      return this.db.transaction(() => {
        const kept = input.id === undefined ? null : this.get(input.id).image?.sha256;
        const image =
          messageType !== 'IMAGE' ? null : input.image ? this.putImage(input.image) : (kept ?? null);
        if (messageType === 'IMAGE' && image === null)
          throw new AppError('VALIDATION', outreachTexts.imageMissing(), {
            issues: [{ path: 'image', message: 'an IMAGE message needs its picture' }],
          });
        const productId = messageType === 'PRODUCT_CARD' ? (input.productId ?? null) : null;
        if (
          productId !== null &&
          !this.db.prepare('SELECT 1 FROM products WHERE product_id = ?').get(productId)
        )
          throw new AppError('VALIDATION', outreachTexts.productNotSynced({ productId }), {
            issues: [{ path: 'productId', message: 'not a synced product' }],
          });
        let id = input.id;
        if (id === undefined) {
          id = Number(
            this.db
              .prepare(
                `INSERT INTO templates (name, kind, language, message_type, body, image_sha256, product_id, created_at,
                   updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                input.name,
                input.kind,
                input.language,
                messageType,
                input.body,
                image,
                productId,
                now,
                now,
              ).lastInsertRowid,
          );
        } else {
          this.db
            .prepare(
              `UPDATE templates SET name = ?, kind = ?, language = ?, message_type = ?, body = ?, image_sha256 = ?,
                 product_id = ?, updated_at = ? WHERE id = ?`,
            )
            .run(input.name, input.kind, input.language, messageType, input.body, image, productId, now, id);
        }
        this.dropUnusedImages();
        return this.get(id);
      })();
    } catch (err) {
      if (err instanceof Error && /UNIQUE/.test(err.message))
        throw new AppError('CONFLICT', outreachTexts.templateNameTaken({ name: input.name }), {
          issues: [{ path: 'name', message: 'already used' }],
        });
      throw err;
    }
  }

  remove(id: number): void {
    this.get(id);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM templates WHERE id = ?').run(id);
      this.dropUnusedImages();
    })();
  }
}
