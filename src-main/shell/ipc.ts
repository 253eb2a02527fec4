import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { z } from 'zod';
import type { ResultEnvelope } from '@shared/contract';
import { eventChannel, invokeChannel } from '@shared/ipc-channels';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import { originOf } from '../security/app-origin';
import { isTrustedSender, type SenderFrame } from '../security/ipc-sender';

const channelArgSchema = z.string().min(1).max(200);

export interface InvokeDeps {
  router: { invoke(channel: string, rawInput: unknown): Promise<ResultEnvelope> };
  devServerUrl?: string;
  logger: Logger;
}

/** A WebFrameMain reduced to what the sender check needs; reading a destroyed frame throws. */
export function describeFrame(frame: WebFrameMain | null | undefined): SenderFrame | null {
  if (!frame) return null;
  try {
    return { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}

/** The one `ipcMain.handle`: every contract channel arrives here and goes to the router. */
export function registerInvokeHandler(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  deps: InvokeDeps,
): () => void {
  ipcMain.handle(invokeChannel, async (event, channel: unknown, input: unknown): Promise<ResultEnvelope> => {
    const frame = describeFrame(event.senderFrame);
    if (!isTrustedSender(frame, deps.devServerUrl)) {
      deps.logger.warn(
        { origin: frame ? originOf(frame.url) : null, isMainFrame: frame?.isMainFrame },
        'IPC from an untrusted frame refused',
      );
      // A rejection, not an envelope: an untrusted frame gets no contract-shaped answer to probe with.
      throw new Error('Refused');
    }
    const parsed = channelArgSchema.safeParse(channel);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'The channel name must be a non-empty string' },
      };
    }
    return deps.router.invoke(parsed.data, input);
  });
  return () => ipcMain.removeHandler(invokeChannel);
}

/** Pushes every app event to the app windows; a page that is somehow not the app receives nothing. */
export function forwardEvents(
  events: Pick<EventBus, 'subscribe'>,
  targets: () => readonly WebContents[],
  devServerUrl?: string,
): () => void {
  return events.subscribe((name, payload) => {
    for (const contents of targets()) {
      if (contents.isDestroyed()) continue;
      if (!isTrustedSender({ url: contents.getURL(), isMainFrame: true }, devServerUrl)) continue;
      contents.send(eventChannel, name, payload);
    }
  });
}
