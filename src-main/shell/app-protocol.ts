import { protocol } from 'electron';
import { appProtocolResponse } from '../security/app-protocol';
import { appScheme, appSchemePrivileges } from '../security/app-origin';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { ...appSchemePrivileges } }]);
}

/** Serves `app://shopmesh/…` from the built renderer (default session). */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const response = await appProtocolResponse({ method: request.method, url: request.url }, rendererRoot);
    return new Response(typeof response.body === 'string' ? response.body : new Uint8Array(response.body), {
      status: response.status,
      headers: response.headers,
    });
  });
}
