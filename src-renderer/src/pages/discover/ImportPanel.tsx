import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_CHUNK_BYTES, importEncodings, type ImportReport } from '@shared/creator-import';
import type { AppError } from '@shared/errors';
import { errorText, toAppError, useChannelMutation } from '../../api';
import { Notice } from '../../components/Notice';
import { ImportReportView } from './ImportReportView';

type Encoding = (typeof importEncodings)[number];

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A CSV import in the three steps main offers: upload the file in chunks, check it (a report of every bad
 * row, nothing written), then import or cancel.
 */
export function ImportPanel(): ReactElement {
  const { t } = useTranslation();
  const fileId = useId();
  const encodingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<AppError | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useChannelMutation('creators:importUpload', { silent: true });
  const step = useChannelMutation('creators:import', {
    silent: true,
    invalidates: ['creators:search', 'creators:count'],
  });

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setChecking(true);
    setCheckError(null);
    setReport(null);
    step.reset();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let uploadId: string | undefined;
      for (let offset = 0; offset < bytes.length || offset === 0; offset += IMPORT_CHUNK_BYTES) {
        const chunk = bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES);
        const r = await upload.mutateAsync({ uploadId, offset, data: base64(chunk) });
        uploadId = r.uploadId;
        if (bytes.length === 0) break;
      }
      const dry = await step.mutateAsync({
        step: 'dryRun',
        uploadId: uploadId!,
        fileName: file.name,
        encoding,
      });
      if (dry.step === 'dryRun') setReport(dry.report);
    } catch (err) {
      setCheckError(toAppError(err));
    } finally {
      setChecking(false);
    }
  };

  const reset = () => {
    if (report && step.data?.step !== 'confirm') step.mutate({ step: 'discard', importId: report.importId });
    setReport(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const done = step.data?.step === 'confirm' ? step.data : null;
  return (
    <div className="discover-import">
      <form className="card discover-form" onSubmit={check} aria-label={t('discover.import.label')}>
        <p className="muted">{t('discover.import.intro')}</p>
        <div className="discover-row">
          <div className="field">
            <label className="field-label" htmlFor={fileId}>
              {t('discover.import.file')}
            </label>
            <input
              ref={fileInput}
              id={fileId}
              className="input"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setCheckError(null);
                step.reset();
              }}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={encodingId}>
              {t('discover.import.encoding')}
            </label>
            <select
              id={encodingId}
              className="input select"
              value={encoding}
              onChange={(e) => setEncoding(e.target.value as Encoding)}
            >
              {importEncodings.map((e) => (
                <option key={e} value={e}>
                  {t(`discover.import.encodings.${e}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={!file || checking}>
            {checking ? t('discover.import.checking') : t('discover.import.check')}
          </button>
        </div>
        <p className="field-hint">{t('discover.import.columnsHint')}</p>
      </form>
      {checkError && (
        <Notice tone="danger" title={t('discover.import.refused')}>
          <p>{errorText(checkError)}</p>
        </Notice>
      )}
      {done && (
        <Notice
          tone="success"
          title={t('discover.import.done', { created: done.created, merged: done.merged })}
        >
          {done.skippedBadRows > 0 && <p>{t('discover.import.skipped', { count: done.skippedBadRows })}</p>}
        </Notice>
      )}
      {step.error && !checking && (
        <Notice tone="danger" title={t('discover.import.failed')}>
          <p>{errorText(step.error)}</p>
        </Notice>
      )}
      {report && !done && (
        <ImportReportView
          report={report}
          busy={step.isPending}
          onConfirm={() => step.mutate({ step: 'confirm', importId: report.importId })}
          onCancel={reset}
        />
      )}
    </div>
  );
}
