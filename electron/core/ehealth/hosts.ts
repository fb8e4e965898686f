/**
 * Where the kiosk may talk to eHealth as a PIS. The base URL of each real environment is eHealth's
 * own API host from the list below (eHealth's published table of environments); any other host — a
 * clinic's proxy, a host eHealth adds later — only when an operator sets it on the machine itself
 * through the ops CLI (`kiosk ehealth set-host`), which is audited. Nothing on the touch screen can
 * point the kiosk elsewhere, and the environment's credentials (client secret, api-key) and the
 * patients' signed sign-in nonces are only ever sent to that environment's listed host.
 */
import { z } from 'zod';
import type { Environment } from '#shared/contract/app';
import type { HttpTransport } from './transport';

export type RealEnvironment = Exclude<Environment, 'training'>;

/** eHealth's API hosts (DEMO, PREPROD, PROD), as published with the PIS and trusted-PIS APIs. */
export const OFFICIAL_EHEALTH_HOSTS: Readonly<Record<RealEnvironment, string>> = Object.freeze({
  demo: 'https://api-demo.ehealth.gov.ua',
  preprod: 'https://api-preprod.ehealth.gov.ua',
  prod: 'https://api.ehealth.gov.ua',
});

/** A base URL an operator may set: https, no credentials, query or fragment; at most a path prefix. */
export const OperatorHostUrl = z
  .string()
  .max(200)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (
        url.protocol === 'https:' &&
        !url.username &&
        !url.password &&
        !url.search &&
        !url.hash &&
        url.hostname.length > 0
      );
    } catch {
      return false;
    }
  }, 'an https:// URL without credentials, query or fragment')
  .transform((u) => u.replace(/\/+$/, ''));

/** Hosts set by an operator on the machine, per real environment (absent: eHealth's own). */
export const OperatorHosts = z
  .object({
    demo: OperatorHostUrl.optional(),
    preprod: OperatorHostUrl.optional(),
    prod: OperatorHostUrl.optional(),
  })
  .strict();
export type OperatorHosts = z.infer<typeof OperatorHosts>;

/** The base URL of a real environment: the operator's host if one is set, else eHealth's own. */
export const baseUrlFor = (environment: RealEnvironment, operatorHosts: OperatorHosts): string =>
  operatorHosts[environment] ?? OFFICIAL_EHEALTH_HOSTS[environment];

/** Whether the environment uses eHealth's own host (false: an operator set another on the machine). */
export const isOfficialHost = (environment: RealEnvironment, operatorHosts: OperatorHosts): boolean =>
  operatorHosts[environment] === undefined;

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The transport of a real environment's client: it sends only to the origin of `baseUrl`, which must
 * be that environment's listed host. A request anywhere else (a bug, a URL taken from a response)
 * fails before a byte — or a credential header — leaves the kiosk.
 */
export function pinnedTransport(baseUrl: string, transport: HttpTransport): HttpTransport {
  const allowed = originOf(baseUrl);
  if (!allowed || !allowed.startsWith('https://'))
    throw new Error('an eHealth client needs an https base URL from the list of eHealth hosts');
  return (url, init) => {
    if (originOf(url) !== allowed)
      return Promise.reject(new Error('refused: the request is not for the environment’s eHealth host'));
    return transport(url, init);
  };
}
