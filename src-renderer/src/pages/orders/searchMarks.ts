/**
 * Where a search matched in a text, the way main matches order lines (src-main/orders/list.ts): each
 * searched word matches the start of a word of the text, case- and accent-insensitive.
 */

const fold = (text: string): string => text.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** The words of a search, folded ("Café  mugs" → ["cafe", "mugs"]). */
export function searchWords(search: string): string[] {
  return fold(search)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface TextPart {
  text: string;
  marked: boolean;
}

/** The text cut into parts, the matched start of each matching word marked. */
export function markMatches(text: string, words: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let plainFrom = 0;
  if (words.length > 0)
    for (const token of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      const folded = fold(token[0]);
      const word = words.filter((w) => folded.startsWith(w)).sort((a, b) => b.length - a.length)[0];
      if (!word) continue;
      // The shortest start of the original token whose folded form covers the word (accents fold away).
      const chars = [...token[0]];
      let end = 0;
      let length = 0;
      while (end < chars.length && fold(chars.slice(0, end).join('')).length < word.length) {
        length += chars[end]!.length;
        end++;
      }
      const at = token.index;
      if (at > plainFrom) parts.push({ text: text.slice(plainFrom, at), marked: false });
      parts.push({ text: text.slice(at, at + length), marked: true });
      plainFrom = at + length;
    }
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom), marked: false });
  return parts;
}

export const hasMatch = (text: string | null, words: readonly string[]): boolean =>
  text !== null && markMatches(text, words).some((p) => p.marked);
