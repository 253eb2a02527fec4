import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@shared/creator-import';
import { Notice } from '../../components/Notice';

/** The dry run's findings: what will be written, and every row that will not, with its line and reasons. */
export function ImportReportView(props: {
  report: ImportReport;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}): ReactElement {
  const { report, busy } = props;
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const figures: [string, number][] = [
    [t('discover.import.report.rows'), report.rows],
    [t('discover.import.report.new'), report.newCreators],
    [t('discover.import.report.merged'), report.mergedIntoExisting],
    [t('discover.import.report.duplicates'), report.duplicatesInFile],
    [t('discover.import.report.withContacts'), report.withContacts],
    [t('discover.import.report.bad'), report.badRows.length],
  ];
  const ignored = report.columns.filter((c) => c.field === null).map((c) => c.header || '—');
  return (
    <section className="card discover-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="section-title">
        {t('discover.import.report.title', { file: report.fileName })}
      </h2>
      <p className="muted">
        {t('discover.import.report.read', {
          encoding: report.encoding.toUpperCase(),
          bom: report.bom ? t('discover.import.report.withBom') : '',
        })}
        {ignored.length > 0 && ` ${t('discover.import.report.ignored', { columns: ignored.join(', ') })}`}
      </p>
      <dl className="discover-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      {report.badRows.length > 0 && (
        <div className="detail-table-scroll discover-bad-rows">
          <table className="table">
            <caption className="visually-hidden">{t('discover.import.report.badCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="col-num">
                  {t('discover.import.report.line')}
                </th>
                <th scope="col">{t('discover.import.report.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {report.badRows.map((row) => (
                <tr key={row.line}>
                  <td className="col-num">{number.format(row.line)}</td>
                  <td>
                    {row.problems
                      .map((p) =>
                        t(`discover.import.reason.${p.code}`, {
                          field: p.field ? t(`discover.add.fields.${p.field}`) : '',
                        }),
                      )
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.needsUnlock && <Notice tone="warning" title={t('discover.import.report.needsUnlock')} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onCancel} disabled={busy}>
          {t('discover.import.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={props.onConfirm}
          disabled={busy || report.valid === 0 || report.needsUnlock}
        >
          {t('discover.import.confirm', { count: report.valid })}
        </button>
      </div>
    </section>
  );
}
