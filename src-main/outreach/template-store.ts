import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Template, TemplateKind } from '@shared/outreach';
import { checkTemplate, describeProblems } from './templates';
import { outreachTexts } from './texts';

const columns = 'id, name, kind, language, body, created_at AS createdAt, updated_at AS updatedAt';

/** Saved templates. A template with an unknown variable is refused when saved, not when an Outreach is built. */
export class TemplateStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(): Template[] {
    return this.db.prepare(`SELECT ${columns} FROM templates ORDER BY name`).all() as Template[];
  }

  get(id: number): Template {
    const t = this.db.prepare(`SELECT ${columns} FROM templates WHERE id = ?`).get(id) as
      Template | undefined;
    if (!t) throw new AppError('NOT_FOUND', outreachTexts.templateNotFound());
    return t;
  }

  save(input: {
    id?: number;
    name: string;
    kind: TemplateKind;
    language: Template['language'];
    body: string;
  }): Template {
    const problems = checkTemplate(input.kind, input.body);
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
      if (input.id === undefined) {
        const id = this.db
          .prepare(
            'INSERT INTO templates (name, kind, language, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(input.name, input.kind, input.language, input.body, now, now).lastInsertRowid;
        return this.get(Number(id));
      }
      this.get(input.id);
      this.db
        .prepare(
          'UPDATE templates SET name = ?, kind = ?, language = ?, body = ?, updated_at = ? WHERE id = ?',
        )
        .run(input.name, input.kind, input.language, input.body, now, input.id);
      return this.get(input.id);
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
    this.db.prepare('DELETE FROM templates WHERE id = ?').run(id);
  }
}
