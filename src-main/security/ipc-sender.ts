import { isTrustedOrigin } from './app-origin';

export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/**
 * Whether an IPC message may reach the router: only the top frame of an app page. An iframe, a frame that
 * was navigated away, or a frame already gone (`senderFrame` is null after navigation) is refused, the way
 * VS Code's validatedIpcMain does it.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, devServerUrl?: string): boolean {
  if (!frame || typeof frame.url !== 'string' || frame.isMainFrame !== true) return false;
  return isTrustedOrigin(frame.url, devServerUrl);
}
