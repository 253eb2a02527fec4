import { api, useMainEvent } from '../api';
import { isWebUrl, openInNewTab } from '../api/openExternal';
import { useToasts } from '../components/Toasts';

/**
 * Over the web bridge main cannot open a browser itself, so it sends `app:openExternal` and the page opens
 * the tab. A tab opened without a click may be blocked: then a toast offers the link to click instead.
 * In Electron main opens the system browser and never sends this event.
 */
export function useOpenExternalEvents(): void {
  const { showToast } = useToasts();
  useMainEvent(
    'app:openExternal',
    ({ url }) => {
      if (!isWebUrl(url) || openInNewTab(url)) return;
      showToast({
        tone: 'info',
        message: { key: 'openExternal.blocked' },
        link: { href: url, label: { key: 'openExternal.open', params: { host: new URL(url).host } } },
      });
    },
    api.transport === 'web',
  );
}
