import { defineTexts } from '@shared/texts';

/** Ways a browser sign-in can end badly; translated in `locales/<language>/oauth.json`. */
export const oauthTexts = defineTexts('oauth.errors', {
  portInUse:
    "Port {{port}} on 127.0.0.1 is already in use, so ShopMesh cannot receive the sign-in redirect. Close the program using port {{port}}, or change the redirect port in the Profile and in the app's settings at TikTok.",
  cannotListen: 'Could not listen on 127.0.0.1:{{port}} for the sign-in redirect ({{reason}}).',
  timeout: 'No answer came back from the browser in time. Start the connection again.',
  cancelled: 'The connection was cancelled.',
  stateMismatch:
    'The browser returned a sign-in answer that does not belong to this attempt. Start the connection again.',
  denied: 'Access was not granted at the provider’s consent page.',
});
