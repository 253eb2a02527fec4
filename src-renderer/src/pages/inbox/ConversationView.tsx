import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxMessage } from '@shared/inbox';
import { useChannelMutation, useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDateTime } from '../../format/time';
import { creatorName, messageText } from './messageText';
import { QuickReply } from './QuickReply';

const replyTone: Record<NonNullable<InboxMessage['replyState']>, string> = {
  sending: 'accent',
  maybe_sent: 'warning',
  sent: 'success',
  not_sent: 'danger',
  failed: 'danger',
};

/**
 * One conversation: its messages oldest first (the newest in view), read at TikTok when opened, and the
 * quick-reply box. Updates when ShopMesh or a sync changes it.
 */
export function ConversationView(props: {
  conversationId: string;
  shopName: (shopId: string) => string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [limit, setLimit] = useState(100);
  const view = useChannelQuery(
    'inbox:messages',
    { conversationId: props.conversationId, limit },
    { invalidateOn: ['inbox:changed', 'sync:statusChanged'] },
  );
  const markRead = useChannelMutation('inbox:markRead', { invalidates: ['inbox:list', 'inbox:counts'] });
  const autoRead = useChannelMutation('inbox:markRead', {
    invalidates: ['inbox:list', 'inbox:counts'],
    silent: true,
  });
  const conversation = view.data?.conversation;
  const unread = conversation?.unreadCount ?? 0;
  // Opening a conversation reads it, at TikTok too; once per opening, and quietly (a button remains).
  const askedRead = useRef(false);
  useEffect(() => {
    if (unread > 0 && !askedRead.current) {
      askedRead.current = true;
      autoRead.mutate({ conversationIds: [props.conversationId] });
    }
  }, [unread, props.conversationId, autoRead]);
  const bottom = useRef<HTMLDivElement>(null);
  const count = view.data?.items.length ?? 0;
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  if (view.error)
    return (
      <LoadFailed
        title={t('inbox.conversationFailed')}
        error={view.error}
        onRetry={() => void view.refetch()}
      />
    );
  if (!view.data || !conversation)
    return <p className="muted inbox-note">{t('inbox.loadingConversation')}</p>;
  const name = creatorName(t, conversation);
  return (
    <div className="inbox-view">
      <header className="inbox-view-head">
        <div>
          <h2 className="inbox-view-name">{name}</h2>
          <p className="muted inbox-view-meta">
            {conversation.handle && conversation.nickname ? `@${conversation.handle} · ` : ''}
            {props.shopName(conversation.shopId)}
          </p>
        </div>
        {unread > 0 && (
          <button
            type="button"
            className="button button-small"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate({ conversationIds: [props.conversationId] })}
          >
            {t('inbox.markRead')}
          </button>
        )}
      </header>
      <div className="inbox-messages" role="log" aria-label={t('inbox.messagesOf', { name })}>
        {view.data.nextCursor !== null && limit < 200 && (
          <button
            type="button"
            className="button button-quiet button-small inbox-earlier"
            onClick={() => setLimit(200)}
          >
            {t('inbox.earlier')}
          </button>
        )}
        {view.data.items.length === 0 && <p className="muted inbox-note">{t('inbox.noMessages')}</p>}
        {view.data.items.map((m) => (
          <div key={m.id} className={`inbox-message ${m.fromCreator ? 'from-creator' : 'from-seller'}`}>
            <p className={`inbox-bubble${m.kind === 'TEXT' ? '' : ' is-kind'}`}>
              {messageText(t, m.kind, m.text)}
            </p>
            <p className="inbox-message-meta muted">
              {m.fromCreator ? name : t('inbox.you')}
              {m.createdAt !== null && ` · ${formatDateTime(m.createdAt, i18n.language)}`}
              {m.replyState && m.replyState !== 'sent' && (
                <span
                  className={`badge badge-tone-${replyTone[m.replyState]} inbox-reply-state`}
                  title={m.reasonDetail ?? undefined}
                >
                  {t(`inbox.replyState.${m.replyState}`)}
                </span>
              )}
            </p>
          </div>
        ))}
        <div ref={bottom} />
      </div>
      <QuickReply conversation={conversation} />
    </div>
  );
}
