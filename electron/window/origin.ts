/**
 * Origins of the kiosk UI, compared only after parsing (never by string prefix: `app://kiosk.evil`
 * and `app://kiosk@evil` must not pass). Pure: no `electron` import, so the browser host uses it too.
 */
export const KIOSK_SCHEME = 'app';
export const KIOSK_HOST = 'kiosk';
export const KIOSK_ORIGIN = `${KIOSK_SCHEME}://${KIOSK_HOST}`;
export const KIOSK_ENTRY_URL = `${KIOSK_ORIGIN}/index.html`;

/**
 * The origin of a URL as "scheme://host[:port]", or null for URLs that have no usable origin
 * (file:, data:, about:, credentials in the authority, unparsable input). Node's URL gives "null" as
 * the origin of custom schemes, so app: is derived from its host by hand.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password) return null;
  if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  if (u.protocol === `${KIOSK_SCHEME}:`) return u.host ? `${KIOSK_SCHEME}://${u.host}` : null;
  return null;
}

export const isKioskOrigin = (origin: string): boolean => origin === KIOSK_ORIGIN;

export const isKioskUrl = (url: string): boolean => originOf(url) === KIOSK_ORIGIN;
