/**
 * Text for the creator full-text index, and the queries that search it.
 *
 * FTS5's unicode61 tokenizer splits words on spaces and punctuation, which Chinese, Japanese and Thai do
 * not use. So before indexing, every character (grapheme) of those scripts, and of Korean, becomes a word of
 * its own; a query's run of them becomes a phrase of consecutive characters, which finds the run anywhere in
 * a name. Latin-script words match by prefix, case and accents ignored ("jos" finds "José").
 */

const spaceless =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text as the index stores it: characters of space-less scripts separated by spaces. */
export function segmentForIndex(text: string): string {
  if (!spaceless.test(text)) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    out += spaceless.test(segment) ? ` ${segment} ` : segment;
  }
  return out;
}

const hasWordChar = /[\p{L}\p{N}]/u;

/**
 * An FTS5 MATCH expression for what the user typed: every whitespace-separated word must match (AND), each
 * as a phrase whose last token is a prefix. Null when nothing searchable is left (only punctuation).
 */
export function ftsQuery(input: string): string | null {
  // Control characters are never part of a name, and a NUL ends FTS5's query text mid-phrase (a syntax
  // error, found by tests/integration/attacks/sql-injection.test.ts): they separate words like spaces.
  const words = input
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((w) => hasWordChar.test(w));
  if (words.length === 0) return null;
  return words.map((w) => `"${segmentForIndex(w).replaceAll('"', '""')}"*`).join(' ');
}
