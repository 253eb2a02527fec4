/**
 * Shop Open API error codes and the HTTP status each comes back with (docs/tiktok-api/shop-conventions.md). Gateway errors
 * use non-200 statuses; business errors come back with HTTP 200 and a non-zero code.
 */
export const shopCodes = {
  ok: 0,
  rateLimited: 36009002, // HTTP 429
  internal: 36009003, // HTTP 500
  invalidCommon: 36009004, // HTTP 400 [U for anything but a bad app_key]
  unknownPath: 36009009, // HTTP 404 [U]
  methodNotAllowed: 36009010, // HTTP 405 [U]
  badVersion: 36009014,
  bodyNotJson: 36009022,
  badSign: 106001, // HTTP 401
  tokenExpired: 105002,
  missingScope: 105005,
  tokenMismatch: 101000,
  cipherMissing: 106013,
  productSearchTooDeep: 12052180,
  dailyQuota: 45101004,
  creatorPrivacy: 45101021,
  shopImQuota: 16030002,
  invitationQuota: 16024019,
  productNotYours: 16024008,
  alreadyInvited: 16024022,
  notYourCollaboration: 50001700,
  // Create Target Collaboration 202508 lists 50001703 for sensitive words (50001702 is an unavailable creator or product).
  unavailableCreatorOrProduct: 50001702,
  sensitiveWords: 50001703,
  // Auth host (token get/refresh); third-party observations [U].
  authRtExpired: 36004001,
  authInvalid: 36004004,
  authNoRecord: 36004005,
} as const;

const statusOf: Partial<Record<number, number>> = {
  [shopCodes.rateLimited]: 429,
  [shopCodes.internal]: 500,
  [shopCodes.invalidCommon]: 400,
  [shopCodes.unknownPath]: 404,
  [shopCodes.methodNotAllowed]: 405,
  [shopCodes.badVersion]: 404,
  [shopCodes.bodyNotJson]: 400,
  [shopCodes.badSign]: 401,
};

export function httpStatusFor(code: number): number {
  return statusOf[code] ?? 200;
}

export class ShopApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown = null,
  ) {
    super(message);
  }
}

/** Parameter problems share the gateway's catch-all code; the message names the parameter. */
export function invalidParam(message: string): ShopApiError {
  return new ShopApiError(shopCodes.invalidCommon, `Invalid request parameter: ${message}`);
}
