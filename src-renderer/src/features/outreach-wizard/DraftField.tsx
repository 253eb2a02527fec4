import { useId, type InputHTMLAttributes, type ReactElement } from 'react';
import type { Draft } from './draft';

/** The draft's fields the merchant types as text (numbers and times too, as typed). */
export type DraftTextField = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft];

/**
 * One typed field of the wizard bound to its draft value: a visible label above the input, or (`inline`,
 * for an input that sits in a sentence of other controls) the label as the input's accessible name only.
 */
export function DraftField(
  props: {
    draft: Draft;
    update: (patch: Partial<Draft>) => void;
    field: DraftTextField;
    label: string;
    inline?: boolean;
  } & Pick<
    InputHTMLAttributes<HTMLInputElement>,
    'type' | 'className' | 'maxLength' | 'min' | 'max' | 'placeholder' | 'required' | 'autoFocus'
  >,
): ReactElement {
  const { draft, update, field, label, inline, className = 'input', ...attributes } = props;
  const id = useId();
  const input = (
    <input
      {...attributes}
      id={id}
      className={className}
      aria-label={inline ? label : undefined}
      value={draft[field]}
      onChange={(e) => update({ [field]: e.target.value })}
    />
  );
  if (inline) return input;
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {input}
    </>
  );
}
