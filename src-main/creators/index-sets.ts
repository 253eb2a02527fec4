/**
 * Sets of values on a `creator_index` row (tags, lists, categories, shops, sources; migration 020): the
 * members between commas, `,a,b,`, each with `%` and `,` escaped, so that `instr(set, needle)` with the
 * needle `,a,` is true exactly when `a` is a member. Filters test the row itself this way instead of
 * collecting the matching Creators from the records' tables on every page.
 */

/** One member as a set holds it (migration 020 escapes the same way in SQL). */
export function setMember(value: string | number): string {
  return String(value).replaceAll('%', '%25').replaceAll(',', '%2C');
}

/** The set of `values`, members sorted so an unchanged set compares equal on re-index. */
export function encodeSet(values: Iterable<string | number>): string {
  const members = [...new Set([...values].map(setMember))].sort();
  return members.length ? `,${members.join(',')},` : '';
}

/** What `instr(set, needle) > 0` looks for to find `value` in a set. */
export function setNeedle(value: string | number): string {
  return `,${setMember(value)},`;
}
