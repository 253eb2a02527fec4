import { useId, type ReactElement, type ReactNode } from 'react';

/** What a field's control needs to be tied to its label, hint and error line. */
export interface FieldControl {
  id: string;
  /** The ids of the hint and error lines, for `aria-describedby`. */
  describedBy: string | undefined;
  invalid: boolean;
}

/**
 * A labelled form field: the label above the control, an optional hint and, for a field that can be wrong,
 * an error line that is there before any error (empty while all is well) so that a screen reader announces
 * an error the moment it appears. `error`: null or '' when the value is fine; left out when it cannot be wrong.
 */
export function Field(props: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Sits beside the control (a Replace button, a unit). */
  children: (control: FieldControl) => ReactNode;
}): ReactElement {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const canErr = props.error !== undefined;
  const error = props.error ?? '';
  const hasHint = props.hint !== undefined && props.hint !== null && props.hint !== '';
  const describedBy = [hasHint && hintId, canErr && errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.children({
        id,
        describedBy: describedBy || undefined,
        invalid: error !== '',
      })}
      {hasHint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {canErr && (
        <p id={errorId} className="field-error" aria-live="polite">
          {error}
        </p>
      )}
    </div>
  );
}
