import type { ReactElement, ReactNode } from 'react';
import { useWritesBlocked } from '../api';

/**
 * Disables every form control inside (buttons, fields, selects) while ShopMesh cannot be reached, so no
 * write is offered that could only fail; what is on screen stays readable. One gate around the page and one
 * inside each dialog (dialogs sit outside the page so their close button keeps working) cover every control,
 * present and future, without each one asking.
 */
export function WriteGate({ children }: { children: ReactNode }): ReactElement {
  const blocked = useWritesBlocked();
  return (
    <fieldset className="write-gate" disabled={blocked} aria-disabled={blocked || undefined}>
      {children}
    </fieldset>
  );
}
