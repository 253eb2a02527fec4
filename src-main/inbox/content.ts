import type { InboxMessageKind } from '@shared/inbox';
import { inboxMessageKinds } from '@shared/inbox';

/**
 * What the merchant reads of a message: TikTok's `content` is a JSON document serialised into a string,
 * shaped by the type (docs/tiktok-api/affiliate.md); a TEXT message's words are its `content` field. A
 * creator's text is shown as text, never as markup.
 */
export function readableContent(
  type: string,
  content: string,
): { kind: InboxMessageKind; text: string | null } {
  const kind = (inboxMessageKinds as readonly string[]).includes(type) ? (type as InboxMessageKind) : 'OTHER';
  if (kind !== 'TEXT') return { kind, text: null };
  try {
    const parsed = JSON.parse(content) as unknown;
    const text =
      parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).content : null;
    return { kind, text: typeof text === 'string' ? text : null };
  } catch {
    return { kind, text: null };
  }
}
