import { describe, expect, it, vi } from 'vitest';
import { hardenSession } from '../../../src-main/shell/session-guard';

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session as never);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'app://shopmesh/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    expect(check({}, 'media', 'app://shopmesh')).toBe(false);
  });
});
