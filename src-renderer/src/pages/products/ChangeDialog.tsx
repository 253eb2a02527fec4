import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change, ChangeItem, ReviewChangeInput, ReviewChangeResult } from '@shared/catalogue';
import type { AppError } from '@shared/errors';
import { errorText, useChannelMutation, useChannelQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { fractionDigits, minorToDecimal } from '../../format/money';
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
        changes.map((change) => (
          <SentChange
            key={change.id}
            initial={change}
            shopName={shopName}
            onOverwrite={(next) => setChanges((current) => [...current, next])}
          />
        ))
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

const decimal = (value: ChangeItem['remote']): string =>
  value?.kind === 'price'
    ? minorToDecimal(value.price.amountMinor, fractionDigits(value.price.currency))
    : '';

/**
 * The SKUs of a change that TikTok had changed since the sync, sent again with the merchant's values over
 * TikTok's (each edit names the value TikTok has as `expected`, so main sends it knowingly; docs/catalogue.md).
 */
export function overwriteInput(change: Change): ReviewChangeInput | null {
  const conflicts = change.items.filter((i) => i.state === 'conflict' && i.remote && i.new);
  if (conflicts.length === 0) return null;
  if (change.kind === 'price')
    return {
      kind: 'price',
      items: conflicts.map((i) => ({ skuId: i.skuId, price: decimal(i.new), expected: decimal(i.remote) })),
    };
  return {
    kind: 'inventory',
    items: conflicts.flatMap((i) =>
      i.new?.kind === 'inventory'
        ? i.new.warehouses.map((w) => {
            const remote = i.remote?.kind === 'inventory' ? i.remote.warehouses : [];
            const now = remote.find((r) => r.warehouseId === w.warehouseId)?.quantity;
            return {
              skuId: i.skuId,
              warehouseId: w.warehouseId,
              quantity: w.quantity,
              ...(now === undefined ? {} : { expected: now }),
            };
          })
        : [],
    ),
  };
}

/** A sent change, refetched whenever main says it moved on. */
function SentChange(props: {
  initial: Change;
  shopName: (shopId: string) => string;
  /** The merchant chose to send their values over TikTok's: the new change. */
  onOverwrite: (change: Change) => void;
}): ReactElement {
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
  const prices = useChannelMutation('products:updatePrices', { silent: true, onSuccess: props.onOverwrite });
  const stock = useChannelMutation('products:updateInventory', {
    silent: true,
    onSuccess: props.onOverwrite,
  });
  const overwrite = change.finishedAt === null ? null : overwriteInput(change);
  const conflicts = change.items.filter((i) => i.state === 'conflict' && i.remote && i.new).length;
  const [sentOver, setSentOver] = useState(false);
  const overwriteError = prices.error ?? stock.error;
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
      {overwrite && !sentOver && (
        <div className="change-conflicts">
          <p className="muted">{t('products.change.conflictHint', { count: conflicts })}</p>
          <button
            type="button"
            className="button"
            disabled={prices.isPending || stock.isPending}
            onClick={() => {
              const sent = () => setSentOver(true);
              if (overwrite.kind === 'price') prices.mutate({ items: overwrite.items }, { onSuccess: sent });
              else stock.mutate({ items: overwrite.items }, { onSuccess: sent });
            }}
          >
            {t('products.change.overwrite', { count: conflicts })}
          </button>
          {overwriteError && (
            <p className="field-error" role="alert">
              {errorText(overwriteError)}
            </p>
          )}
        </div>
      )}
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
