import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockedCreator } from '@shared/creator-lists';
import { useChannelList, useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDate } from '../../format/time';
import { creatorReads } from './creatorReads';

const listInput = { limit: 100 };
const blockedId = (b: BlockedCreator): string => String(b.creatorId);
const nameOf = (b: BlockedCreator): string => (b.handle ? `@${b.handle}` : (b.nickname ?? `#${b.creatorId}`));

/** "Blocklist" beside the table: every blocked creator of every shop, with reason and date. */
export function BlocklistButton(): ReactElement {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('creators.blocklist.open')}
      </button>
      {open && <BlocklistDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function BlocklistDialog({ onClose }: { onClose: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const list = useChannelList('blocklist:list', listInput, {
    cursorParam: 'cursor',
    items: (page) => page.items,
    total: (page) => page.total,
    next: (page) => page.nextCursor,
    getId: blockedId,
    invalidateOn: ['creators:changed'],
  });
  // The one row asking "unblock?", if any.
  const [confirming, setConfirming] = useState<number | null>(null);
  const unblock = useChannelMutation('blocklist:remove', {
    invalidates: [...creatorReads, 'blocklist:list'],
    onSuccess: () => setConfirming(null),
  });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Dialog
      title={t('creators.blocklist.title')}
      onClose={onClose}
      busy={unblock.isPending}
      className="blocklist-dialog"
    >
      <p className="muted">{t('creators.blocklist.intro')}</p>
      {list.error ? (
        <LoadFailed compact title={t('creators.blocklist.failed')} error={list.error} onRetry={list.reload} />
      ) : list.loading ? (
        <p className="muted">{t('creators.detail.loading')}</p>
      ) : list.items.length === 0 ? (
        <p className="muted">{t('creators.blocklist.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('creators.blocklist.count', {
              count: list.total ?? list.items.length,
              formatted: number.format(list.total ?? list.items.length),
            })}
          </p>
          <div className="blocklist-scroll">
            <table className="table blocklist-table" aria-label={t('creators.blocklist.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('creators.blocklist.creator')}</th>
                  <th scope="col">{t('creators.blocklist.reason')}</th>
                  <th scope="col">{t('creators.blocklist.since')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('creators.blocklist.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((b) => (
                  <tr key={b.creatorId}>
                    <td>
                      <span className="cell-text">{nameOf(b)}</span>
                      {b.handle && b.nickname && <span className="muted cell-sub">{b.nickname}</span>}
                    </td>
                    <td className="blocklist-reason">{b.reason}</td>
                    <td className="nowrap">
                      <time dateTime={new Date(b.blockedAt).toISOString()}>
                        {formatDate(b.blockedAt, i18n.language)}
                      </time>
                    </td>
                    <td className="blocklist-actions">
                      {confirming === b.creatorId ? (
                        <span role="group" aria-label={t('creators.blocklist.confirm', { name: nameOf(b) })}>
                          <span className="blocklist-confirm">
                            {t('creators.blocklist.confirm', { name: nameOf(b) })}
                          </span>{' '}
                          <button
                            type="button"
                            className="button button-small button-danger"
                            disabled={unblock.isPending}
                            onClick={() => unblock.mutate({ creatorIds: [b.creatorId] })}
                          >
                            {t('creators.blocklist.unblockConfirm')}
                          </button>{' '}
                          <button
                            type="button"
                            className="button button-small button-quiet"
                            disabled={unblock.isPending}
                            onClick={() => setConfirming(null)}
                          >
                            {t('creators.blocklist.keep')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('creators.blocklist.unblockNamed', { name: nameOf(b) })}
                          disabled={unblock.isPending}
                          onClick={() => setConfirming(b.creatorId)}
                        >
                          {t('creators.blocklist.unblock')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.hasMore && (
            <button
              type="button"
              className="button button-small"
              disabled={list.busy}
              onClick={list.loadMore}
            >
              {t('creators.blocklist.more')}
            </button>
          )}
        </>
      )}
    </Dialog>
  );
}
