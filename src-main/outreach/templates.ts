import { defaultSensitiveWords } from '@shared/outreach-limits';
import {
  creatorVariables,
  type TemplateKind,
  type TemplateProblem,
  type TemplateVariable,
  templateVariables,
} from '@shared/outreach';

/**
 * `{{variable}}` templates: rendered per creator and checked before anything is queued. An unknown variable,
 * a variable with no value, or a text longer than TikTok takes is an error, never a message sent with a
 * hole in it (docs/outreach.md, "Templates").
 */

/**
 * Longest text TikTok takes. Its API reference names no maximum for an invitation's `message` or a TEXT
 * message's `content`; 2,000 characters is what the sandbox enforces, and a lower limit at TikTok shows
 * up as its own refusal on the Delivery (docs/tiktok-api/outreach.md, "Texts").
 */
export const textLimits: Readonly<Record<TemplateKind, number>> = { invitation: 2_000, message: 2_000 };

const variablePattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known = new Set<string>(templateVariables);

export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

export interface Rendered {
  text: string;
  problems: TemplateProblem[];
}

/** The variables a template uses, in order of first use. */
export function variablesOf(body: string): string[] {
  const seen: string[] = [];
  for (const m of body.matchAll(variablePattern)) {
    const name = m[1] ?? '';
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/** Problems of the template itself, before any values: unknown variables, creator variables in an invitation. */
export function checkTemplate(kind: TemplateKind, body: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (body.trim() === '') problems.push({ code: 'empty_text' });
  for (const v of variablesOf(body)) {
    if (!known.has(v)) problems.push({ code: 'unknown_variable', variable: v });
    else if (kind === 'invitation' && creatorVariables.includes(v as TemplateVariable))
      problems.push({ code: 'creator_variable_in_invitation', variable: v });
  }
  return problems;
}

/** Fills the variables; every used variable needs a non-blank value, and the result must fit TikTok's limit. */
export function render(kind: TemplateKind, body: string, values: TemplateValues): Rendered {
  const problems = checkTemplate(kind, body);
  const empty = new Set<string>();
  const text = body.replace(variablePattern, (whole, raw: string) => {
    const name = raw.trim();
    if (!known.has(name)) return whole;
    const value = values[name as TemplateVariable];
    if (value === undefined || value === null || value.trim() === '') {
      empty.add(name);
      return whole;
    }
    return value.trim();
  });
  for (const v of empty) problems.push({ code: 'empty_value', variable: v });
  // Characters as the user counts them (code points), not UTF-16 units.
  const length = [...text].length;
  if (length > textLimits[kind]) problems.push({ code: 'too_long', limit: textLimits[kind], length });
  return { text, problems };
}

/** The list's words found in a text, case-insensitively. */
export function sensitiveWordsIn(text: string, words: readonly string[] = defaultSensitiveWords): string[] {
  const t = text.toLowerCase();
  return words.filter((w) => t.includes(w.toLowerCase()));
}

/** A commission in hundredths of a percent as people write it: 1250 → "12.5%". */
export function commissionText(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** Problems as one line for an error text ("unknown_variable: nickname, empty_value: creator_name"). */
export function describeProblems(problems: readonly TemplateProblem[]): string {
  return problems.map((p) => (p.variable ? `${p.code}: ${p.variable}` : p.code)).join(', ');
}
