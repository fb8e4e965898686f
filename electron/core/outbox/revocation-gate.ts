/**
 * The delivery worker's gate for signed acts queued while their signer's certificate status was
 * unknown (the OCSP responder could not be reached when the patient signed): OCSP is asked again
 * before the act goes out. Good: it goes. Revoked: it ends rejected with the reason and its payload
 * purged — the registrar sees why. Unknown to the provider, or no longer chaining to the trust
 * list: rejected, kept for the registrar to retry. Still not learnable: it waits as an act waiting
 * for the network does, until its deadline.
 */
import { signerCertificateOf, type RevocationStatus, type ParsedCertificate } from '../esign';
import type { Outbox } from './outbox';
import type { OperationRow } from './rows';

export interface RevocationGatePorts {
  outbox: Outbox;
  /** The worker's state change (a failed write pauses the worker). */
  move: Outbox['transition'];
  revocation: { check(certificate: ParsedCertificate): Promise<RevocationStatus> } | null;
  /** When to look again after `attempt` looks. */
  retryAt: (attempt: number) => Date;
}

const FROM = ['captured', 'waiting-network'] as const;

/** True when the act may be sent now; otherwise it has been moved to where it waits or ends. */
export async function revocationCleared(
  p: RevocationGatePorts,
  row: OperationRow,
  params: Record<string, unknown>,
): Promise<boolean> {
  const signed = typeof params.signedContent === 'string' ? params.signedContent : null;
  const cert = signed ? signerCertificateOf(new Uint8Array(Buffer.from(signed, 'base64'))) : null;
  if (!cert) {
    p.move(
      row.id,
      FROM,
      'rejected',
      {
        purge: true,
        error: { code: 'STORAGE_FAILED', message: 'the stored signature names no signer certificate' },
      },
      'kiosk',
      'outbox.corrupt',
    );
    return false;
  }
  const status: RevocationStatus = p.revocation
    ? await p.revocation.check(cert)
    : { status: 'unavailable', reason: 'no certificate status service is configured' };
  switch (status.status) {
    case 'good':
      return p.outbox.revocationChecked(row.id).ok;
    case 'revoked':
      p.move(
        row.id,
        FROM,
        'rejected',
        {
          purge: true,
          error: {
            code: 'CERT_REVOKED',
            message: `the signer's certificate was revoked on ${status.revokedAt}${status.reason ? ` (${status.reason})` : ''}; the signed act was not delivered`,
          },
        },
        'kiosk',
        'outbox.revoked',
      );
      return false;
    case 'unknown':
    case 'untrusted':
      p.move(
        row.id,
        FROM,
        'rejected',
        {
          error:
            status.status === 'unknown'
              ? {
                  code: 'CERT_STATUS_UNKNOWN',
                  message: "the certificate's provider does not know the signer's certificate",
                }
              : {
                  code: 'CERT_UNTRUSTED',
                  message: `the signer's certificate is not trusted: ${status.reason}`,
                },
        },
        'kiosk',
        'outbox.revocation.refused',
      );
      return false;
    default:
      p.move(
        row.id,
        FROM,
        'waiting-network',
        {
          nextAttemptAt: p.retryAt(row.attempts + 1).toISOString(),
          lastErrorKind: 'network',
          error: {
            code: 'CERT_STATUS_UNKNOWN',
            message: `the signer's certificate status is not known yet: ${status.reason}`,
          },
        },
        'kiosk',
      );
      return false;
  }
}
