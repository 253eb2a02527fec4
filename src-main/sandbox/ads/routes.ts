import { json, type Reply, type SandboxRequest } from '../http';
import type { Logger } from '../../log/logger';
import type { SandboxState } from '../state';
import {
  adsAccessToken,
  adsAdvertiserGet,
  adsAuthorizeDecision,
  adsAuthorizePage,
  adsRevokeToken,
} from './auth';
import { AdsError, adsCodes, adsEnvelope } from './common';
import { adGet, adgroupGet, advertiserInfo, campaignGet } from './entities';
import { integratedReport } from './report';

type AdsHandler = (state: SandboxState, req: SandboxRequest) => unknown;

const api: Record<string, { method: string; handler: AdsHandler }> = {
  '/open_api/v1.3/oauth2/access_token/': { method: 'POST', handler: adsAccessToken },
  '/open_api/v1.3/oauth2/revoke_token/': { method: 'POST', handler: adsRevokeToken },
  '/open_api/v1.3/oauth2/advertiser/get/': { method: 'GET', handler: adsAdvertiserGet },
  '/open_api/v1.3/advertiser/info/': { method: 'GET', handler: advertiserInfo },
  '/open_api/v1.3/campaign/get/': { method: 'GET', handler: campaignGet },
  '/open_api/v1.3/adgroup/get/': { method: 'GET', handler: adgroupGet },
  '/open_api/v1.3/ad/get/': { method: 'GET', handler: adGet },
  '/open_api/v1.3/report/integrated/get/': { method: 'GET', handler: integratedReport },
};

/** API for Business: every path ends in `/` (a missing slash is a 404, E1); errors are HTTP 200 envelopes. */
export async function handleAds(
  state: SandboxState,
  req: SandboxRequest,
  prefix: string,
  logger: Logger,
): Promise<Reply> {
  if (req.path === '/portal/auth' || req.path === '/portal/auth/') {
    if (req.method === 'GET') return adsAuthorizePage(state, req, prefix);
  }
  if (req.path === '/portal/auth/decision' && req.method === 'POST') return adsAuthorizeDecision(state, req);
  const route = api[req.path];
  if (!route)
    return json(
      404,
      { code: 40000, message: `Not found: ${req.path} (paths end with '/')`, request_id: '', data: {} },
      404,
    );
  if (route.method !== req.method)
    return json(405, { code: 40000, message: `Use ${route.method}`, request_id: '', data: {} }, 405);
  try {
    return adsEnvelope(state, 0, 'OK', await route.handler(state, req));
  } catch (err) {
    if (err instanceof AdsError) return adsEnvelope(state, err.code, err.message, {});
    logger.error({ err, path: req.path }, 'sandbox ads handler failed');
    return adsEnvelope(state, adsCodes.system, 'System error, please retry later.', {});
  }
}
