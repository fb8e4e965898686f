/**
 * The Content-Security-Policy every kiosk page is served with (Electron's app:// and the browser
 * host's http://127.0.0.1). Pure: no `electron` import. The renderer has no network of its own, so
 * `connect-src` is 'none' in Electron; the browser host allows exactly its own WebSocket.
 */
export interface CspOptions {
  /** Extra connect-src sources; empty means `connect-src 'none'`. */
  connectSrc?: readonly string[];
}

export function contentSecurityPolicy(opts: CspOptions = {}): string {
  const connect = opts.connectSrc?.length ? opts.connectSrc.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React and the on-screen keyboard set inline style attributes; scripts stay strictly 'self'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

/** Headers sent with every static response, besides Content-Type/Length. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    // the camera for the kiosk's own page only (the document camera; main's permission rule opens it
    // on the capture screen alone); nothing for frames or other origins, no microphone ever
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-store',
  };
}
