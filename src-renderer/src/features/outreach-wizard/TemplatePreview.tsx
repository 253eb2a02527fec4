import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateKind } from '@shared/outreach';
import { useChannelQuery } from '../../api';

export interface PreviewValues {
  shopName?: string;
  productNames?: string;
  commission?: string;
  sampleOffer?: string;
  promotionLink?: string;
}

/**
 * A template's text rendered by main for one creator, with its problems (unknown variable, empty value, too
 * long: errors) and the sensitive words of the merchant's list it contains (a warning). Asked again a quarter
 * second after the text stops changing. `onChecked` hears whether the text as it stands is free of problems
 * (true while its preview is on its way: a verdict holds only for the text it was made for).
 */
export function TemplatePreview(props: {
  kind: TemplateKind;
  body: string;
  creatorId: number | null;
  values: PreviewValues;
  label: string;
  onChecked?: (ok: boolean) => void;
}): ReactElement | null {
  const { kind, body, creatorId, values, onChecked } = props;
  const { t } = useTranslation();
  const [debounced, setDebounced] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body), 250);
    return () => clearTimeout(timer);
  }, [body]);
  const preview = useChannelQuery(
    'templates:preview',
    { kind, body: debounced, ...(creatorId !== null ? { creatorId } : {}), values },
    // The sensitive-word list lives in settings: a word added or removed changes the preview.
    { enabled: debounced.trim() !== '', invalidateOn: ['settings:changed'] },
  );
  const settled = debounced === body && preview.data !== undefined && !preview.isFetching;
  const problems = (preview.data?.problems.length ?? 0) > 0;
  useEffect(() => {
    onChecked?.(settled ? !problems : true);
  }, [settled, problems, onChecked]);
  if (body.trim() === '' || !preview.data) return null;
  return (
    <div className="wizard-preview" aria-label={props.label} role="region">
      <p className="field-label">{t('outreach.wizard.previewTitle')}</p>
      <p className="wizard-preview-text">{preview.data.text}</p>
      {preview.data.problems.length > 0 && (
        <ul className="wizard-problems" role="alert">
          {preview.data.problems.map((p, i) => (
            <li key={i}>
              {t(`outreach.wizard.problem.${p.code}`, {
                variable: p.variable ? `{{${p.variable}}}` : '',
                limit: p.limit,
                length: p.length,
              })}
            </li>
          ))}
        </ul>
      )}
      {preview.data.sensitiveWords.length > 0 && (
        <p className="wizard-warning" role="status">
          {t('outreach.wizard.sensitive', { words: preview.data.sensitiveWords.join(', ') })}
        </p>
      )}
    </div>
  );
}
