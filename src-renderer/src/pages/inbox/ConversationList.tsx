import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation } from '@shared/inbox';
import { cursorPaging, useChannelList } from '../../api';
import { InfiniteScroll } from '../../components/InfiniteScroll';
import { InitialsAvatar } from '../../components/InitialsAvatar';
import { LoadFailed } from '../../components/LoadFailed';
import { EmptyState } from '../../components/EmptyState';
import { formatRelative } from '../../format/time';
import { useNow } from '../../hooks/useNow';
import { creatorName, messagePreview } from './messageText';

const conversationId = (c: InboxConversation) => c.conversationId;

/** Conversations, newest activity first, loaded as the list is scrolled; unread ones stand out. */
export function ConversationList(props: {
  filter: { shopId?: string; unread: boolean; search?: string };
  filtered: boolean;
  selected: string | null;
  onSelect: (conversationId: string) => void;
  shopName: (shopId: string) => string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const list = useChannelList(
    'inbox:list',
    { ...props.filter, limit: 50 },
    {
      ...cursorPaging,
      items: (page) => page.items,
      getId: conversationId,
      invalidateOn: ['inbox:changed', 'sync:statusChanged'],
    },
  );
  if (list.error)
    return <LoadFailed title={t('inbox.listFailed')} error={list.error} onRetry={() => list.reload()} />;
  if (list.loading) return <p className="muted inbox-note">{t('inbox.loading')}</p>;
  if (list.items.length === 0)
    return props.filtered ? (
      <p className="muted inbox-note">{t('inbox.noMatch')}</p>
    ) : (
      <EmptyState icon="inbox" title={t('inbox.empty.title')} body={t('inbox.empty.body')} />
    );
  return (
    <div className="inbox-conversations">
      <ul className="inbox-conversation-list">
        {list.items.map((c) => {
          const name = creatorName(t, c);
          const preview = messagePreview(t, c.lastMessage);
          return (
            <li key={c.conversationId}>
              <button
                type="button"
                className={`inbox-conversation${c.unreadCount > 0 ? ' is-unread' : ''}`}
                aria-current={c.conversationId === props.selected ? 'true' : undefined}
                aria-label={c.unreadCount > 0 ? t('inbox.itemUnread', { name, count: c.unreadCount }) : name}
                onClick={() => props.onSelect(c.conversationId)}
              >
                <InitialsAvatar name={name} />
                <span className="inbox-conversation-main">
                  <span className="inbox-conversation-top">
                    <span className="inbox-conversation-name">{name}</span>
                    {c.lastMessageAt !== null && (
                      <span className="inbox-conversation-time muted">
                        {formatRelative(c.lastMessageAt, now, i18n.language)}
                      </span>
                    )}
                  </span>
                  <span className="inbox-conversation-shop muted">{props.shopName(c.shopId)}</span>
                  <span className="inbox-conversation-bottom">
                    <span className="inbox-conversation-preview" title={preview}>
                      {preview}
                    </span>
                    {c.unreadCount > 0 && (
                      <span className="inbox-unread" aria-hidden="true">
                        {c.unreadCount}
                      </span>
                    )}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <InfiniteScroll
        hasMore={list.hasMore}
        busy={list.busy}
        onMore={list.loadMore}
        loadingText={t('inbox.loadingMore')}
      />
    </div>
  );
}
