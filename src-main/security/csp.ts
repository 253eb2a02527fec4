/**
 * The app's Content-Security-Policy, sent as a header by both the web bridge and the Electron `app://`
 * handler, and mirrored by the meta tag in src-renderer/index.html (a test keeps the two equal).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
