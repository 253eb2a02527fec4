import { type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

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
        <Field label={props.label} hint={props.hint} error={props.error}>
          {(control) => (
            <input
              id={control.id}
              className="input input-number"
              value={props.value}
              placeholder={props.placeholder}
              inputMode="decimal"
              aria-invalid={control.invalid}
              aria-describedby={control.describedBy}
              onChange={(event) => props.onChange(event.target.value)}
            />
          )}
        </Field>
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
