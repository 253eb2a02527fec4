import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change, ReviewChangeInput, ReviewChangeResult } from '@shared/catalogue';
import type { AppError } from '@shared/errors';
import { errorText, useChannelMutation, useChannelQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { reasonText, stateTone, valueText } from './changeText';

/** One reviewed request: what the merchant asked for, and main's old → new per SKU. */
export interface ReviewedBatch {
  input: ReviewChangeInput;
  review: ReviewChangeResult;
}

interface Row {
  key: string;
  shopId: string | null;
  title: string;
  sku: string;
  old: string;
  next: string;
  result: ReactElement | null;
}

/**
 * The review dialog: old → new per SKU and shop before anything is sent, and what would be refused. On
 * confirm the change is sent through main's write queue and each SKU's result replaces its review line as
 * TikTok answers (it follows `products:changeUpdated`). Also shows an undo's progress (`changeIds` only).
 */
export function ChangeDialog(props: {
  batches: readonly ReviewedBatch[];
  /** How the merchant described the change ("+5%"), kept with it. */
  label?: string;
  /** Changes already sent (an undo): shown without a review step. */
  sent?: readonly Change[];
  shopName: (shopId: string) => string;
  onClose: () => void;
  onSent?: () => void;
}): ReactElement {
  const { batches, shopName, onClose } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [changes, setChanges] = useState<readonly Change[]>(props.sent ?? []);
  const [error, setError] = useState<AppError | null>(null);
  const prices = useChannelMutation('products:updatePrices', { silent: true });
  const stock = useChannelMutation('products:updateInventory', { silent: true });
  const sending = prices.isPending || stock.isPending;
  const sendable = batches.reduce((n, b) => n + b.review.sendable, 0);

  const send = async () => {
    setError(null);
    const sent: Change[] = [];
    try {
      for (const batch of batches) {
        if (batch.review.sendable === 0) continue;
        const label = props.label ? { label: props.label } : {};
        sent.push(
          batch.input.kind === 'price'
            ? await prices.mutateAsync({ items: batch.input.items, ...label })
            : await stock.mutateAsync({ items: batch.input.items, ...label }),
        );
      }
      setChanges(sent);
      props.onSent?.();
    } catch (err) {
      setChanges(sent);
      setError(err as AppError);
    }
  };

  const reviewRows: Row[] = batches.flatMap((b) =>
    b.review.items.map((item) => ({
      key: `${b.review.kind}:${item.skuId}`,
      shopId: item.shopId,
      title: item.productTitle ?? '—',
      sku: item.sellerSku ?? item.skuId,
      old: valueText(item.old, language),
      next: valueText(item.new, language),
      result: item.refusal ? (
        <span className="badge badge-tone-danger">{reasonText(t, item.refusal)}</span>
      ) : (
        <span className="muted">{t('products.change.willSend')}</span>
      ),
    })),
  );

  return (
    <Dialog
      title={changes.length ? t('products.change.sentTitle') : t('products.change.reviewTitle')}
      onClose={onClose}
      busy={sending}
      className="detail-dialog change-dialog"
    >
      {changes.length === 0 ? (
        <>
          <p className="muted">{t('products.change.reviewIntro', { count: sendable })}</p>
          <ChangeTable rows={reviewRows} shopName={shopName} />
        </>
      ) : (
        changes.map((change) => <SentChange key={change.id} initial={change} shopName={shopName} />)
      )}
      {error && (
        <p className="field-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="dialog-actions">
        {changes.length === 0 ? (
          <>
            <button type="button" className="button" onClick={onClose} disabled={sending}>
              {t('products.change.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void send()}
              disabled={sending || sendable === 0}
            >
              {sending ? t('products.change.sending') : t('products.change.confirm', { count: sendable })}
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('products.change.done')}
          </button>
        )}
      </div>
    </Dialog>
  );
}

/** A sent change, refetched whenever main says it moved on. */
function SentChange(props: { initial: Change; shopName: (shopId: string) => string }): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = useChannelQuery(
    'products:change',
    { changeId: props.initial.id },
    {
      // Each step of the queue arrives as the whole change: shown as it comes, without a fetch.
      updateOn: {
        'products:changeUpdated': (payload, current) => (payload.id === props.initial.id ? payload : current),
      },
    },
  );
  const change = query.data ?? props.initial;
  const rows: Row[] = change.items.map((item) => ({
    key: item.skuId,
    shopId: item.shopId,
    title: item.productTitle ?? '—',
    sku: item.sellerSku ?? item.skuId,
    old: valueText(item.old, language),
    next: valueText(item.new, language),
    result: (
      <span className="change-result">
        <span className={`badge badge-tone-${stateTone(item.state)}`}>
          {t(`products.change.state.${item.state}`)}
        </span>
        {item.outcome && <span className="muted">{reasonText(t, item.outcome)}</span>}
        {item.remote && (
          <span className="muted">
            {t('products.change.remote', { value: valueText(item.remote, language) })}
          </span>
        )}
      </span>
    ),
  }));
  return (
    <section aria-label={t(`products.change.kind.${change.kind}`)}>
      <p className="muted" role="status">
        {change.finishedAt === null
          ? t('products.change.inProgress')
          : t('products.change.finished', { done: change.counts.done ?? 0, total: change.items.length })}
      </p>
      <ChangeTable rows={rows} shopName={props.shopName} />
    </section>
  );
}

function ChangeTable(props: { rows: readonly Row[]; shopName: (shopId: string) => string }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="table-scroll detail-table-scroll">
      <table className="table change-table">
        <thead>
          <tr>
            <th scope="col">{t('products.columns.shop')}</th>
            <th scope="col">{t('products.columns.title')}</th>
            <th scope="col">{t('products.change.sku')}</th>
            <th scope="col">{t('products.change.old')}</th>
            <th scope="col">{t('products.change.new')}</th>
            <th scope="col">{t('products.change.result')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <td>{row.shopId ? props.shopName(row.shopId) : '—'}</td>
              <td className="cell-text">{row.title}</td>
              <td className="mono">{row.sku}</td>
              <td className="col-num">{row.old}</td>
              <td className="col-num">{row.next}</td>
              <td>{row.result}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
