import type { ReactElement } from 'react';

const tones = 6;

/** "Lumen Home" → "LH", "小米" → "小", "@maya" → "M". */
export function initialsOf(name: string): string {
  const words = name
    .replace(/^[@#]+/, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const first = Array.from(words[0] ?? '?')[0] ?? '?';
  const second = words.length > 1 ? Array.from(words[1] ?? '')[0] : undefined;
  const latin = /^\p{Script=Latin}$/u;
  if (second && latin.test(first) && latin.test(second)) return (first + second).toUpperCase();
  return first.toUpperCase();
}

function toneOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % tones;
}

/**
 * A coloured tile with the name's initials. Remote avatar pictures are never loaded: the page's CSP allows
 * images only from the app itself, and fetching them would tell TikTok's CDN when the app is open.
 * With `label` it is an image named after the person; without, it is decoration next to the visible name.
 */
export function InitialsAvatar(props: { name: string; label?: string; size?: 'sm' | 'md' }): ReactElement {
  const { name, label, size = 'md' } = props;
  return (
    <span
      className={`avatar avatar-${size} avatar-tone-${toneOf(name)}`}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {initialsOf(name)}
    </span>
  );
}
