import { Notification } from 'electron';
import type { OutreachAlert } from '@shared/outreach';
import type { Language } from '@shared/settings';
import type { SyncNotification } from '../sync/tray-status';
import { labelsFor, outreachAlertText } from './tray-labels';

/** A desktop notification for a sync health change; clicking it brings the window forward. */
export function showSyncNotification(language: Language, kind: SyncNotification, reveal: () => void): void {
  if (!Notification.isSupported()) return;
  const { title, body } = labelsFor(language).notifications[kind];
  const n = new Notification({ title, body });
  n.on('click', reveal);
  n.show();
}

/** A desktop notification for an Outreach alert (finished, quota pause and reset, repeated failures). */
export function showOutreachNotification(language: Language, alert: OutreachAlert, reveal: () => void): void {
  if (!Notification.isSupported()) return;
  const n = new Notification(outreachAlertText(language, alert));
  n.on('click', reveal);
  n.show();
}
