import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import { type Delivery, type DeliveryState, deliveryStates, type Outreach } from '@shared/outreach';
import { cursorPaging, useChannelList } from '../../api';
import { FilterSelect } from '../../components/FilterSelect';
import type { PlainTable } from '../../components/tableFeatures';
import { TextCell } from '../../features/lists/cells';
import { ListPage, type ListColumns } from '../../features/lists/ListPage';
import { formatDate, formatDateTime } from '../../format/time';

const helper = createColumnHelper<PlainTable, Delivery>();
const deliveryId = (d: Delivery) => String(d.id);

const stateTone: Record<DeliveryState, string> = {
  queued: 'muted',
  sending: 'accent',
  maybe_sent: 'warning',
  sent: 'success',
  failed: 'danger',
  skipped: 'muted',
  cancelled: 'muted',
};

function useColumns(): ListColumns<Delivery> {
  const { t, i18n } = useTranslation();
  return useMemo(
    () =>
      helper.columns([
        helper.accessor('handle', {
          id: 'creator',
          header: () => t('outreach.columns.creator'),
          cell: (info) => <TextCell text={info.getValue() ? `@${info.getValue()}` : '—'} />,
        }),
        helper.accessor((d) => d, {
          id: 'action',
          header: () => t('outreach.columns.action'),
          cell: (info) => {
            const d = info.getValue();
            return d.step > 0 ? t('outreach.followUp', { step: d.step }) : t(`outreach.action.${d.action}`);
          },
        }),
        helper.accessor('state', {
          id: 'state',
          header: () => t('outreach.columns.state'),
          cell: (info) => {
            const d = info.row.original;
            const state: DeliveryState = info.getValue();
            return (
              <span className="delivery-state">
                <span className={`badge badge-tone-${stateTone[state]}`}>{t(`outreach.state.${state}`)}</span>
                {d.retries > 0 && d.retriedAt !== null && (
                  <span
                    className="muted delivery-retried"
                    title={t('outreach.retriedAt', { at: formatDateTime(d.retriedAt, i18n.language) })}
                  >
                    {t('outreach.retriedCount', { count: d.retries })}
                  </span>
                )}
              </span>
            );
          },
        }),
        helper.accessor((d) => d, {
          id: 'reason',
          header: () => t('outreach.columns.reason'),
          cell: (info) => {
            const d = info.getValue();
            if (!d.reason) return <span className="muted">—</span>;
            const text =
              d.blockedAt !== null
                ? t('outreach.reason.blocklistedSince', { date: formatDate(d.blockedAt, i18n.language) })
                : t(`outreach.reason.${d.reason}`);
            return (
              <span className="cell-text" title={d.reasonDetail ?? undefined}>
                {d.reasonDetail && (d.reason === 'remote' || d.reason === 'sensitive_words')
                  ? `${text}: ${d.reasonDetail}`
                  : text}
              </span>
            );
          },
        }),
        helper.accessor('sentAt', {
          id: 'sentAt',
          header: () => t('outreach.columns.sentAt'),
          cell: (info) => {
            const at = info.getValue();
            return at === null ? <span className="muted">—</span> : formatDateTime(at, i18n.language);
          },
        }),
      ]),
    [t, i18n.language],
  );
}

/** The per-creator table of one Outreach: state and reason of every Delivery, filterable by state. */
export function DeliveriesList({ outreach }: { outreach: Outreach }): ReactElement {
  const { t } = useTranslation();
  const [state, setState] = useState<DeliveryState | undefined>(undefined);
  const list = useChannelList(
    'outreach:deliveries',
    { outreachId: outreach.id, limit: 100, ...(state ? { state } : {}) },
    {
      ...cursorPaging,
      items: (page) => page.items,
      getId: deliveryId,
      invalidateOn: ['outreach:progress'],
    },
  );
  const columns = useColumns();
  return (
    <section className="outreach-deliveries" aria-label={t('outreach.deliveriesOf', { name: outreach.name })}>
      <ListPage
        list={list}
        columns={columns}
        getRowId={deliveryId}
        label={t('outreach.tableLabel', { name: outreach.name })}
        hint={t('outreach.tableHint')}
        toolbar={
          <FilterSelect
            label={t('outreach.filterState')}
            allLabel={t('outreach.allStates')}
            value={state}
            options={deliveryStates.map((s) => ({ value: s, label: t(`outreach.state.${s}`) }))}
            onChange={setState}
          />
        }
        meta={
          <span className="muted">
            {t('outreach.deliveryCount', { count: list.total ?? list.items.length })}
          </span>
        }
        failedTitle={t('outreach.deliveriesFailed')}
        loadingText={t('outreach.loadingDeliveries')}
        empty={<p className="muted">{t('outreach.noDeliveries')}</p>}
        noMatch={<p className="muted">{t('outreach.noMatch')}</p>}
        filtered={state !== undefined}
      />
    </section>
  );
}
