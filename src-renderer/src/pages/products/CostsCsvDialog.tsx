import { useId, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostImportIssue, ImportCostsResult } from '@shared/catalogue';
import { useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';
import { StaticTable, staticColumns } from '../../components/StaticTable';
import { useToasts } from '../../components/Toasts';
import { formatMoney } from '../../format/money';
import { downloadCsv } from '../../features/lists/downloadCsv';

type CostChange = ImportCostsResult['changes'][number];
const helper = staticColumns<CostChange>();

/**
 * Costs from a spreadsheet: download every SKU with its costs, fill them in, choose the file; the preview
 * lists old → new per SKU and every refused line (with its line and column), and nothing is written until
 * the merchant applies a file with no refused line.
 */
export function CostsCsvDialog(props: { shopId?: string; onClose: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { showToast } = useToasts();
  const fileId = useId();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportCostsResult | null>(null);
  const exporter = useChannelMutation('products:exportCosts', {
    onSuccess: (result) => downloadCsv(result.fileName, result.csv),
  });
  const importer = useChannelMutation('products:importCosts', {
    invalidates: ['products:list', 'products:detail'],
    onSuccess: (result) => {
      if (result.mode === 'preview') return setPreview(result);
      showToast({
        tone: 'success',
        message: { key: 'products.costsCsv.applied', params: { count: result.changes.length } },
      });
      props.onClose();
    },
  });
  const columns = useMemo(() => {
    const money = (m: CostChange['before']['cost']) => (m ? formatMoney(m, language) : '—');
    return helper.columns([
      helper.accessor((c) => c.sellerSku ?? c.skuId, {
        id: 'sku',
        header: () => t('products.change.sku'),
        cell: (info) => <span className="mono">{info.getValue()}</span>,
      }),
      helper.accessor('productTitle', {
        id: 'title',
        header: () => t('products.columns.title'),
        cell: (info) => <span className="cell-text">{info.getValue()}</span>,
      }),
      helper.display({
        id: 'cost',
        header: () => t('products.costsCsv.cost'),
        cell: ({ row: { original: c } }) => `${money(c.before.cost)} → ${money(c.after.cost)}`,
        meta: { numeric: true },
      }),
      helper.display({
        id: 'shipping',
        header: () => t('products.costsCsv.shipping'),
        cell: ({ row: { original: c } }) =>
          `${money(c.before.shippingCost)} → ${money(c.after.shippingCost)}`,
        meta: { numeric: true },
      }),
    ]);
  }, [t, language]);
  const issueText = (issue: CostImportIssue) =>
    t(`products.costsCsv.reason.${issue.reason}`, { ...issue.params, column: issue.column ?? '' });

  return (
    <Dialog
      title={t('products.costsCsv.title')}
      onClose={props.onClose}
      busy={importer.isPending}
      className="detail-dialog change-dialog"
    >
      <p className="muted">{t('products.costsCsv.intro')}</p>
      <div className="drawer-actions">
        <button
          type="button"
          className="button"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate(props.shopId ? { shopId: props.shopId } : {})}
        >
          {t('products.costsCsv.download')}
        </button>
        <label className="button" htmlFor={fileId}>
          {t('products.costsCsv.choose')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-label={t('products.costsCsv.choose')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            void file.text().then((text) => {
              setCsv(text);
              setPreview(null);
              importer.mutate({ csv: text, mode: 'preview' });
            });
          }}
        />
      </div>
      {preview && (
        <section aria-label={t('products.costsCsv.preview')}>
          <p role="status">
            {t('products.costsCsv.summary', {
              lines: preview.lines,
              changes: preview.changes.length,
              unchanged: preview.unchanged,
              issues: preview.issues.length,
            })}
          </p>
          {preview.issues.length > 0 && (
            <ul className="field-error costs-issues">
              {preview.issues.map((issue, i) => (
                <li key={i}>
                  {issue.line > 0 ? t('products.costsCsv.line', { line: issue.line }) : ''}
                  {issueText(issue)}
                </li>
              ))}
            </ul>
          )}
          {preview.changes.length > 0 && (
            <div className="table-scroll detail-table-scroll">
              <StaticTable
                className="change-table"
                columns={columns}
                data={preview.changes}
                getRowId={(c) => c.skuId}
              />
            </div>
          )}
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t('products.change.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={
            !csv ||
            !preview ||
            preview.issues.length > 0 ||
            preview.changes.length === 0 ||
            importer.isPending
          }
          onClick={() => csv && importer.mutate({ csv, mode: 'apply' })}
        >
          {t('products.costsCsv.apply', { count: preview?.changes.length ?? 0 })}
        </button>
      </div>
    </Dialog>
  );
}
