import { ApiError } from '../../errors';
import type { FaultDecision } from '../../faults';
import { renderError } from '../envelope';
import { DROP, type Exchange, type ForeignAnswer, type Front, type Verdict } from '../exchange';

/** What a hotel-style captive portal serves for every request until someone logs in. */
const CAPTIVE_PORTAL_PAGE =
  '<!doctype html><html><head><title>Wi-Fi login</title></head><body><h1>Welcome</h1>' +
  '<form method="post" action="/login"><input name="room"><button>Connect</button></form></body></html>';

export const captivePortalPage = (): ForeignAnswer => {
  const page = Buffer.from(CAPTIVE_PORTAL_PAGE, 'utf8');
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(page.length),
      'cache-control': 'no-store',
    },
    body: page,
  };
};

/** The refusal eHealth's gateway sends for an injected error. */
export function injectedError(e: NonNullable<FaultDecision['error']>): ApiError {
  const headers = e.status === 500 ? undefined : { 'retry-after': String(e.retryAfterSeconds) };
  if (e.status === 429)
    return new ApiError(429, 'too_many_requests', 'Rate limit exceeded', undefined, headers);
  if (e.status === 503)
    return new ApiError(503, 'service_unavailable', 'Service temporarily unavailable', undefined, headers);
  return new ApiError(500, 'internal_error', 'Internal error', undefined, headers);
}

/**
 * The link is down before anything is read: eHealth's outage (the dice for this request are rolled
 * first, whatever happens next), or the OCSP responder's. The connection dies unanswered.
 */
export function linkFaults(x: Exchange, { state }: Front): Verdict {
  const behindLink = x.kind === 'ehealth' || x.kind === 'storage';
  if (behindLink) x.faults = state.faults.decide();
  const config = state.faults.config;
  if (behindLink && config.outage) return DROP;
  if (x.url.pathname === '/ocsp' && config.ocspOutage) return DROP;
  return undefined;
}

/**
 * Once the request arrived, something answers in eHealth's place: a captive portal's login page
 * (nothing reaches eHealth), or eHealth's gateway with an injected 429/503 (with Retry-After) or 500.
 */
export function answeredFaults(x: Exchange, { state }: Front): Verdict {
  if (x.kind !== 'ehealth' && x.kind !== 'storage') return undefined;
  if (state.faults.config.captivePortal) return { foreign: captivePortalPage() };
  if (x.faults.error) return { reply: renderError(injectedError(x.faults.error), x.meta) };
  return undefined;
}
