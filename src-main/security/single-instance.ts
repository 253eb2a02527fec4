export interface WindowVisibility {
  exists: boolean;
  minimized: boolean;
  visible: boolean;
}

export type RevealStep = 'create' | 'restore' | 'show' | 'focus';

/**
 * What a second launch (or the tray's Open) does to the existing window: bring it back from wherever it
 * is (minimised, hidden in the tray, gone) and focus it. The second process itself just exits.
 */
export function revealSteps(window: WindowVisibility): RevealStep[] {
  if (!window.exists) return ['create', 'focus'];
  const steps: RevealStep[] = [];
  if (window.minimized) steps.push('restore');
  if (!window.visible) steps.push('show');
  steps.push('focus');
  return steps;
}
