import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ContactKind } from '@shared/creator-contacts';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportField,
  type ImportReport,
  type ImportResult,
  type RowProblem,
} from '@shared/creator-import';
import { AppError } from '@shared/errors';
import type { ContactStore } from '../contacts';
import type { CreatorOrigins } from '../origins';
import { checkCreator, columnForHeader, type CreatorDraft } from './fields';
import { decodeFile, fileProblem, readRecords } from './read-csv';
import { creatorSourceTexts } from '../texts';

/** One creator the import will write: the rows that name them merged into one draft. */
interface PlannedRow {
  lines: number[];
  draft: CreatorDraft;
  existingId: number | null;
}

interface Staged {
  report: ImportReport;
  planned: PlannedRow[];
}

interface Upload {
  chunks: Buffer[];
  bytes: number;
  touchedAt: number;
}

/** Uploads and dry runs wait this long for the next step, then are forgotten (they hold contacts in memory). */
const STAGE_TTL_MS = 30 * 60_000;
const MAX_PENDING = 4;

export interface ImporterDeps {
  db: Database;
  origins: CreatorOrigins;
  contacts: ContactStore;
  vaultUnlocked: () => boolean;
  now: () => number;
  onImported?: (summary: { fileName: string; created: number; merged: number }) => void;
}

/**
 * CSV import in three steps: chunks are uploaded into memory, a dry run reads and checks every row and
 * plans what would be written (nothing is), and a confirm writes the plan in one transaction. Bad rows are
 * reported with their line and every problem; they are skipped, never half-imported.
 */
export class CreatorImporter {
  private readonly uploads = new Map<string, Upload>();
  private readonly staged = new Map<string, Staged>();

  constructor(private readonly deps: ImporterDeps) {}

  upload(input: { uploadId?: string | undefined; offset: number; data: string }): {
    uploadId: string;
    bytes: number;
  } {
    this.expire();
    const chunk = Buffer.from(input.data, 'base64');
    let id = input.uploadId;
    let upload = id ? this.uploads.get(id) : undefined;
    if (id && !upload) throw new AppError('NOT_FOUND', creatorSourceTexts.uploadExpired());
    if (!upload) {
      if (input.offset !== 0) throw new AppError('VALIDATION', creatorSourceTexts.uploadStart());
      if (this.uploads.size >= MAX_PENDING) this.dropOldestUpload();
      id = randomUUID();
      upload = { chunks: [], bytes: 0, touchedAt: this.deps.now() };
      this.uploads.set(id, upload);
    }
    if (input.offset !== upload.bytes)
      throw new AppError(
        'CONFLICT',
        creatorSourceTexts.uploadOffset({ expected: upload.bytes, offset: input.offset }),
      );
    if (upload.bytes + chunk.length > IMPORT_MAX_BYTES)
      throw fileProblem('too_large', creatorSourceTexts.fileTooLarge());
    upload.chunks.push(chunk);
    upload.bytes += chunk.length;
    upload.touchedAt = this.deps.now();
    return { uploadId: id as string, bytes: upload.bytes };
  }

  /** Reads the uploaded file and plans the import; writes nothing. The upload is consumed. */
  dryRun(uploadId: string, fileName: string, encoding: 'auto' | 'utf-8' | 'gb18030'): ImportReport {
    this.expire();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new AppError('NOT_FOUND', creatorSourceTexts.uploadExpired());
    this.uploads.delete(uploadId);
    const { report, planned } = this.plan(Buffer.concat(upload.chunks), fileName, encoding);
    if (this.staged.size >= MAX_PENDING) this.dropOldestStage();
    this.staged.set(report.importId, { report, planned });
    return report;
  }

  /** Plans an import from bytes (the dry run's work, also used by the benchmark). */
  plan(bytes: Buffer, fileName: string, encoding: 'auto' | 'utf-8' | 'gb18030'): Staged {
    const decoded = decodeFile(bytes, encoding);
    const records = readRecords(decoded.text);
    const header = records[0];
    if (!header) throw fileProblem('empty', creatorSourceTexts.fileNoRows());
    if (records.length - 1 > IMPORT_MAX_ROWS)
      throw fileProblem('too_many_rows', creatorSourceTexts.fileTooManyRows({ max: IMPORT_MAX_ROWS }), {
        max: IMPORT_MAX_ROWS,
      });
    const read = header.fields.map((h) => ({ header: h.trim(), ...columnForHeader(h) }));
    const columns = read.map(({ header: h, field }) => ({ header: h, field }));
    const units = {
      gmv: read.find((c) => c.field === 'gmv')?.unit,
      engagement: read.find((c) => c.field === 'engagement')?.unit,
    };
    const seen = new Set<ImportField>();
    for (const c of columns) {
      if (c.field === null) continue;
      if (seen.has(c.field))
        throw fileProblem('duplicate_column', creatorSourceTexts.fileDuplicateColumn({ field: c.field }), {
          field: c.field,
        });
      seen.add(c.field);
    }
    if (!seen.has('handle') && !seen.has('openId'))
      throw fileProblem('no_identity_column', creatorSourceTexts.fileNoIdentity());

    const planned: PlannedRow[] = [];
    const byKey = new Map<string, PlannedRow>();
    const badRows: ImportReport['badRows'] = [];
    let duplicatesInFile = 0;
    for (let r = 1; r < records.length; r++) {
      const { line, fields } = records[r] as (typeof records)[number];
      const raw: Partial<Record<ImportField, string>> = {};
      const problems: RowProblem[] = [];
      for (let i = 0; i < fields.length; i++) {
        const column = columns[i];
        const value = fields[i] ?? '';
        if (!column) {
          if (value.trim() !== '' && !problems.some((p) => p.code === 'extra_columns'))
            problems.push({ code: 'extra_columns', field: null });
          continue;
        }
        if (column.field) raw[column.field] = value;
      }
      const checked = checkCreator(raw, units);
      if ('problems' in checked) problems.push(...checked.problems);
      if (problems.length > 0 || !('draft' in checked)) {
        badRows.push({ line, problems });
        continue;
      }
      const draft = checked.draft;
      const keys = identityKeys(draft);
      const byOpen = keys[0] !== undefined ? byKey.get(keys[0]) : undefined;
      const byHandle = keys[1] !== undefined ? byKey.get(keys[1]) : undefined;
      if (byOpen && byHandle && byOpen !== byHandle) {
        badRows.push({ line, problems: [{ code: 'conflicting_identity', field: null }] });
        continue;
      }
      const into = byOpen ?? byHandle;
      if (into) {
        if (!mergeDraft(into.draft, draft)) {
          badRows.push({ line, problems: [{ code: 'conflicting_identity', field: null }] });
          continue;
        }
        into.lines.push(line);
        for (const k of identityKeys(into.draft)) if (k !== undefined) byKey.set(k, into);
        duplicatesInFile++;
        continue;
      }
      const row: PlannedRow = { lines: [line], draft, existingId: null };
      planned.push(row);
      for (const k of keys) if (k !== undefined) byKey.set(k, row);
    }

    // Against the creators already stored: which rows add to a known creator (the identity's rules).
    const writable = planned;
    for (const row of planned) row.existingId = this.deps.origins.match(row.draft);
    badRows.sort((a, b) => a.line - b.line);
    const valid = writable.reduce((n, r) => n + r.lines.length, 0);
    const withContacts = writable.filter((r) => Object.keys(r.draft.contacts).length > 0).length;
    const report: ImportReport = {
      importId: randomUUID(),
      fileName,
      encoding: decoded.encoding,
      bom: decoded.bom,
      columns,
      rows: records.length - 1,
      valid,
      newCreators: writable.filter((r) => r.existingId === null).length,
      mergedIntoExisting: writable.filter((r) => r.existingId !== null).length,
      duplicatesInFile,
      withContacts,
      badRows,
      needsUnlock: withContacts > 0 && !this.deps.vaultUnlocked(),
      expiresAt: this.deps.now() + STAGE_TTL_MS,
    };
    return { report, planned: writable };
  }

  /** Writes a planned import in one transaction: all of its valid rows, or (on any error) nothing. */
  confirm(importId: string): Extract<ImportResult, { step: 'confirm' }> {
    this.expire();
    const staged = this.staged.get(importId);
    if (!staged) throw new AppError('NOT_FOUND', creatorSourceTexts.importExpired());
    const result = this.write(staged);
    this.staged.delete(importId);
    this.deps.onImported?.({
      fileName: staged.report.fileName,
      created: result.created,
      merged: result.merged,
    });
    return { step: 'confirm', importId, ...result };
  }

  /** The confirm step's write (also used by the benchmark on a plan it made itself). */
  write(staged: Staged): { created: number; merged: number; contactsSaved: number; skippedBadRows: number } {
    const { planned, report } = staged;
    if (report.withContacts > 0 && !this.deps.vaultUnlocked())
      throw new AppError('LOCKED', creatorSourceTexts.importLocked());
    const now = this.deps.now();
    let created = 0;
    let merged = 0;
    let contactsSaved = 0;
    this.deps.db
      .transaction(() => {
        for (const row of planned) {
          const r = this.deps.origins.save(row.draft, { source: 'import', detail: report.fileName }, now);
          if (r.created) created++;
          else merged++;
          if (Object.keys(row.draft.contacts).length > 0) {
            this.deps.contacts.set(r.creatorId, row.draft.contacts);
            contactsSaved++;
          }
        }
      })
      .immediate();
    return { created, merged, contactsSaved, skippedBadRows: report.badRows.length };
  }

  discard(importId: string): void {
    this.staged.delete(importId);
  }

  private expire(): void {
    const cutoff = this.deps.now() - STAGE_TTL_MS;
    for (const [id, u] of this.uploads) if (u.touchedAt < cutoff) this.uploads.delete(id);
    for (const [id, s] of this.staged) if (s.report.expiresAt < this.deps.now()) this.staged.delete(id);
  }

  private dropOldestUpload(): void {
    const oldest = [...this.uploads.entries()].sort((a, b) => a[1].touchedAt - b[1].touchedAt)[0];
    if (oldest) this.uploads.delete(oldest[0]);
  }

  private dropOldestStage(): void {
    const oldest = [...this.staged.entries()].sort(
      (a, b) => a[1].report.expiresAt - b[1].report.expiresAt,
    )[0];
    if (oldest) this.staged.delete(oldest[0]);
  }
}

/** [open id key, handle key], each undefined when the draft lacks it. */
function identityKeys(d: CreatorDraft): [string | undefined, string | undefined] {
  return [d.openId ? `o:${d.openId}` : undefined, d.handle ? `h:${d.handle.toLowerCase()}` : undefined];
}

/**
 * A later row about the same creator fills in and updates the earlier one. Two different open ids for one
 * handle (or the reverse) cannot be the same row: false.
 */
function mergeDraft(into: CreatorDraft, later: CreatorDraft): boolean {
  if (into.openId && later.openId && into.openId !== later.openId) return false;
  if (into.handle && later.handle && into.handle.toLowerCase() !== later.handle.toLowerCase()) return false;
  into.openId ??= later.openId;
  into.handle ??= later.handle;
  into.nickname = later.nickname ?? into.nickname;
  into.region = later.region ?? into.region;
  into.followers = later.followers ?? into.followers;
  // Figure by figure, like followers: a later row's value replaces, its blank keeps (GMV with its currency).
  into.gmv = later.gmv ?? into.gmv;
  into.unitsSold = later.unitsSold ?? into.unitsSold;
  into.avgVideoViews = later.avgVideoViews ?? into.avgVideoViews;
  into.engagementBp = later.engagementBp ?? into.engagementBp;
  into.categories = [...new Set([...into.categories, ...later.categories])];
  for (const [k, v] of Object.entries(later.contacts) as Array<[ContactKind, string]>) into.contacts[k] = v;
  return true;
}
