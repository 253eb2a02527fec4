import { defineTexts } from '@shared/texts';

/**
 * What a call to TikTok can end with; translated in `locales/<language>/tiktok.json`. `service` is a product
 * name ("TikTok Shop"), `message` is TikTok's own text, passed through as TikTok wrote it.
 */
export const tiktokTexts = defineTexts('tiktok.errors', {
  refused: '{{service}}: {{message}} (code {{code}})',
  timeout: '{{service}} did not answer within {{seconds}} s',
  unreachable: '{{service}} cannot be reached ({{reason}}). Check the network connection.',
  connectionClosed: '{{service}} closed the connection ({{reason}})',
  cancelled: '{{service}} call cancelled',
  failed: '{{service}} call failed',
  rateLimited: '{{service}} rate limit',
  unsupported: '{{service}} does not support this request (HTTP 501)',
  httpStatus: '{{service}} answered HTTP {{status}}',
  notJson: '{{service}} returned a response that is not JSON',
  unexpectedResponse: '{{service}} returned an unexpected response ({{where}})',
  revokeRefused: '{{service}}: revoke refused ({{reason}})',
  imageSourceRefused: "The picture is at {{host}}, which is not one of TikTok's image hosts",
  imageRedirectRefused: "The picture's host sent it on to {{host}}, which is not one of TikTok's image hosts",
  imageTooManyRedirects: "The picture's host sent it on too many times",
  imageAddressRefused: "The picture's host is refused: {{reason}}, not a public address",
  imageTooLarge: 'The picture is larger than {{megabytes}} MB',
  imageNotPicture: 'The answer is not a JPEG, PNG, GIF or WebP picture (it says {{type}})',
});
