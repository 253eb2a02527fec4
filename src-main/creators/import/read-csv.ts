import Papa from 'papaparse';
import { AppError } from '@shared/errors';
import type { Translatable } from '@shared/texts';
import { creatorSourceTexts } from '../texts';

/**
 * Turns the bytes of a spreadsheet export into text and records. Excel on Windows writes UTF-8 with a
 * byte-order mark, "Unicode text" as UTF-16, and Chinese-locale Excel and WPS write GB18030 (GBK) with no
 * mark at all: a file that is not valid UTF-8 and has no mark is read as GB18030.
 */

export type FileEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
  bom: boolean;
}

export function fileProblem(
  code: string,
  message: Translatable,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError('VALIDATION', message, { importProblem: code, ...params });
}

export function decodeFile(bytes: Uint8Array, requested: 'auto' | 'utf-8' | 'gb18030'): DecodedFile {
  if (bytes.length === 0) throw fileProblem('empty', creatorSourceTexts.fileEmpty());
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf)
    return { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (b0 === 0xff && b1 === 0xfe)
    return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (requested === 'gb18030') return { text: strict('gb18030', bytes), encoding: 'gb18030', bom: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: notBinary(text), encoding: 'utf-8', bom: false };
  } catch {
    if (requested === 'utf-8') throw fileProblem('not_text', creatorSourceTexts.fileNotUtf8());
  }
  return { text: strict('gb18030', bytes), encoding: 'gb18030', bom: false };
}

function strict(encoding: FileEncoding, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw fileProblem('not_text', creatorSourceTexts.fileNotText({ encoding: encoding.toUpperCase() }));
  }
  return notBinary(text);
}

/** A NUL character never appears in a text export; it does in a spreadsheet's binary format (.xlsx, .xls). */
function notBinary(text: string): string {
  if (text.includes('\u0000')) throw fileProblem('not_text', creatorSourceTexts.fileSpreadsheet());
  return text;
}

export interface CsvRecord {
  /** 1-based line in the file where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/** Comma, semicolon (European Excel) or tab (Excel "Unicode text"): the one the header line uses most. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string): number => header.split(c).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ',' | ';' | '\t');
}

/**
 * Every non-blank record with the line it starts on: a record starts one line after the previous one, plus
 * the line breaks inside its quoted fields (CR LF, LF and CR each end one line). An unclosed quote makes the
 * whole file unreadable and names the line it starts on.
 */
export function readRecords(text: string): CsvRecord[] {
  const parsed = Papa.parse<string[]>(text, {
    // Papa Parse's own guesses need several consistent rows; the header line decides reliably.
    delimiter: sniffDelimiter(text),
    newline: sniffNewline(text),
    skipEmptyLines: false,
  });
  const lines = new Array<number>(parsed.data.length);
  let line = 1;
  for (let r = 0; r < parsed.data.length; r++) {
    lines[r] = line;
    line += 1;
    for (const f of parsed.data[r] ?? []) if (f.length > 0 && /[\r\n]/.test(f)) line += breaksIn(f);
  }
  const unclosed = parsed.errors.find((e) => e.type === 'Quotes');
  if (unclosed) {
    const at = lines[unclosed.row ?? 0] ?? 1;
    throw fileProblem('malformed', creatorSourceTexts.fileUnclosedQuote({ line: at }), { line: at });
  }
  const out: CsvRecord[] = [];
  for (let r = 0; r < parsed.data.length; r++) {
    const fields = parsed.data[r] as string[];
    if (fields.length === 1 && fields[0] === '') continue;
    out.push({ line: lines[r] as number, fields });
  }
  return out;
}

/** The line ending of the first line; a file that mixes endings is read by that one. */
function sniffNewline(text: string): '\r\n' | '\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return n === r + 1 ? '\r\n' : '\r';
  return '\n';
}

function breaksIn(field: string): number {
  let n = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && field.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}
