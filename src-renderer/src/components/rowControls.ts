/**
 * The controls inside a table row (a tick box, an expander, a link). A row is the table's one Tab stop,
 * so these stay out of the Tab order and are reached from their row with the arrow keys instead.
 */
const controls = ['a[href]', 'button', 'input', 'select', 'textarea', '[tabindex]'];
const controlSelector = controls.join(', ');
const inRowSelector = controls.map((control) => `tr ${control}`).join(', ');

export function rowControls(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(controlSelector)].filter(
    (control) => !('disabled' in control && control.disabled === true),
  );
}

/** Takes every control inside the rows of `body` out of the Tab order (rows come and go as they scroll). */
export function keepRowControlsUntabbable(body: HTMLElement): void {
  for (const control of body.querySelectorAll<HTMLElement>(inRowSelector))
    if (control.tabIndex !== -1) control.tabIndex = -1;
}

/** Keys that a text field or a list box needs for itself: on those, the row does not take the arrows. */
export function editsWithArrows(control: HTMLElement): boolean {
  if (control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) return true;
  if (!(control instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'color', 'file'].includes(control.type);
}
