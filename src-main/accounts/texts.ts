import { defineTexts } from '@shared/texts';

/** Why an Account is not active; stored (key + params) in `accounts.status_reason`. */
export const accountStatusTexts = defineTexts('accounts.statusReason', {
  expired:
    'TikTok no longer accepts this sign-in (it expired or was ended). Reconnect to keep this account working.',
  revoked: 'TikTok reports that access for ShopMesh was removed. Reconnect to keep this account working.',
  missingTokens: 'The saved sign-in for this account is gone (the vault was reset). Reconnect it.',
  disconnected: 'Disconnected in ShopMesh.',
});

/** Errors of the accounts domain and of connecting. */
export const accountTexts = defineTexts('accounts.errors', {
  notFound: 'That account does not exist (it may have been removed).',
  otherProvider: 'That account belongs to another kind of connection.',
  providerNotSetUp: '{{provider}} is not set up in the {{profile}} profile (missing: {{missing}}).',
  noAdvertiser: 'TikTok Ads granted access, but to no ad account. Select at least one.',
  noShop: 'TikTok Shop granted access, but to no shop. Authorize at least one shop.',
  redirectMissing: 'The {{provider}} redirect URL in the Profile is missing or not a URL.',
  redirectNotLoopback:
    'The {{provider}} redirect URL in the Profile must look like http://127.0.0.1:<port>/callback/… (got {{url}}).',
  noAuthorizationCode: '{{provider}} redirected back without an authorization code.',
  connectFailed: 'The connection could not be completed. Please try again.',
});
