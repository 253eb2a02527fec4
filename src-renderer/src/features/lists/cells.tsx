import { formatDate, formatDateTime } from '../../format/time';

/** A day in a list cell, with the full time on hover; `null` (TikTok sent none) shows a dash. */
export function DayCell({ at, language }: { at: number | null; language: string }) {
  if (at === null) return <>—</>;
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at, language)}>
      {formatDate(at, language)}
    </time>
  );
}

/**
 * Merchant or creator text (titles, names: emoji, CJK, even markup-like strings) in a list cell: always
 * rendered as text, cut with an ellipsis by the cell, whole on hover.
 */
export function TextCell({ text, muted = false }: { text: string; muted?: boolean }) {
  return (
    <span className={muted ? 'cell-text muted' : 'cell-text'} title={text}>
      {text}
    </span>
  );
}
