import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/**
 * The shell both bulk dialogs share: what the change applies to, one amount field with its hint or error,
 * and Cancel / Review changes (review first: nothing is sent from here).
 */
export function BulkForm(props: {
  title: string;
  scope: string;
  /** Fields before the amount (the stock dialog's set / add choice). */
  before?: ReactNode;
  label: string;
  value: string;
  placeholder: string;
  hint: string;
  error: string | null;
  onChange: (value: string) => void;
  busy: boolean;
  canReview: boolean;
  onReview: () => void;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const { error } = props;
  return (
    <Dialog title={props.title} onClose={props.onClose} busy={props.busy}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onReview();
        }}
      >
        <p className="muted">{props.scope}</p>
        {props.before}
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {props.label}
          </label>
          <input
            id={id}
            className="input input-number"
            value={props.value}
            placeholder={props.placeholder}
            inputMode="decimal"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => props.onChange(event.target.value)}
          />
          <span className="field-hint" id={`${id}-hint`}>
            {props.hint}
          </span>
          {error && (
            <span className="field-error" id={`${id}-error`}>
              {error}
            </span>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('products.change.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!props.canReview || props.busy}>
            {t('products.sku.review')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
