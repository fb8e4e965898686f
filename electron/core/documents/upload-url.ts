/**
 * Where a patient's document may go. eHealth answers a request for documents with pre-signed upload
 * URLs; main uploads only to a URL eHealth returned, and only when that URL belongs to eHealth: the
 * origin of the environment's eHealth host itself (the sandbox serves its uploads there), or — over
 * https only — a host in eHealth's own domain (its document storage beside the API host, as
 * `storage.<domain>` in the API's examples). Anything else, a URL with credentials in it or another
 * scheme, is refused before a byte leaves the kiosk.
 */

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

const isIpAddress = (host: string) => /^[0-9.]+$/.test(host) || host.includes(':') || host.startsWith('[');

/** The domain eHealth's API host belongs to (`api.ehealth.gov.ua` → `ehealth.gov.ua`), or null. */
export function ehealthDomain(host: string): string | null {
  if (isIpAddress(host)) return null;
  const labels = host.toLowerCase().split('.');
  if (labels.length < 3) return null;
  const domain = labels.slice(1).join('.');
  // what is left must be a name under a suffix, never a suffix itself (gov.ua, com.ua, co.uk)
  return /^[a-z]{2,4}\.[a-z]{2}$/.test(domain) ? null : domain;
}

/** Whether main may PUT a document to `url`, given the environment's eHealth base URL. */
export function uploadUrlAllowed(url: string, ehealthBaseUrl: string): boolean {
  const target = parse(url);
  const base = parse(ehealthBaseUrl);
  if (!target || !base) return false;
  if (target.username || target.password || target.hash) return false;
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (target.origin === base.origin) return true;
  if (target.protocol !== 'https:') return false;
  const domain = ehealthDomain(base.hostname);
  if (!domain) return false;
  const host = target.hostname;
  return host === domain || host.endsWith(`.${domain}`);
}
