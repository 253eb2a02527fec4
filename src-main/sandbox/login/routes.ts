import { json, type Reply, type SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { loginAuthorizeDecision, loginAuthorizePage, loginRevoke, loginToken } from './oauth';
import { userInfo } from './user';

/** Login Kit: www.tiktok.com's authorize page and open.tiktokapis.com's API, under one prefix. */
export function handleLogin(state: SandboxState, req: SandboxRequest, prefix: string): Reply {
  const route = `${req.method} ${req.path}`;
  switch (route) {
    case 'GET /v2/auth/authorize/':
      return loginAuthorizePage(state, req, prefix);
    case 'POST /v2/auth/authorize/decision':
      return loginAuthorizeDecision(state, req);
    case 'POST /v2/oauth/token/':
      return loginToken(state, req);
    case 'POST /v2/oauth/revoke/':
      return loginRevoke(state, req);
    case 'GET /v2/user/info/':
      return userInfo(state, req);
    default:
      return json(
        404,
        {
          data: {},
          error: { code: 'invalid_params', message: `Not found: ${req.method} ${req.path}`, log_id: '' },
        },
        404,
      );
  }
}
