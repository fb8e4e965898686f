/**
 * What the kiosk does with a signer's certificate status (OCSP) while the patient is at the screen:
 * a revoked certificate, one its provider does not know, or one outside the trust list is refused
 * with a code the renderer explains; a status that cannot be learnt now does not stop the patient —
 * at sign-in eHealth checks the certificate itself, and a signed act is queued and asked about again
 * before it is delivered.
 */
import type { KioskError } from '#shared/result';
import type { RevocationStatus } from '../esign';

export function revocationRefusal(s: RevocationStatus): KioskError | null {
  switch (s.status) {
    case 'revoked':
      return {
        code: 'CERT_REVOKED',
        message: `the key certificate was revoked by its provider${s.reason ? ` (${s.reason})` : ''}`,
        details: { reason: 'revoked' },
      };
    case 'unknown':
      return { code: 'CERT_STATUS_UNKNOWN', message: 'the key certificate’s provider does not know it' };
    case 'untrusted':
      return { code: 'CERT_UNTRUSTED', message: `the key certificate is not trusted here: ${s.reason}` };
    default:
      return null;
  }
}
