import type { TFunction } from 'i18next';
import type { InboxConversation, InboxMessageKind } from '@shared/inbox';

/** The creator as the merchant knows them: their name, else their handle, else "a creator". */
export function creatorName(t: TFunction, c: Pick<InboxConversation, 'nickname' | 'handle'>): string {
  return c.nickname?.trim() || (c.handle ? `@${c.handle}` : t('inbox.unknownCreator'));
}

/** A message's words, or what it is when it has none (an image, a product card…). */
export function messageText(t: TFunction, kind: InboxMessageKind, text: string | null): string {
  return kind === 'TEXT' && text !== null ? text : t(`inbox.kind.${kind}`);
}

export function messagePreview(t: TFunction, last: InboxConversation['lastMessage']): string {
  if (!last) return t('inbox.noMessages');
  const body = messageText(t, last.kind, last.text);
  return last.fromCreator ? body : t('inbox.youWrote', { text: body });
}
