import { verifySignedContent, type TrustList } from '../../core/esign/index';
import type { SignatureVerifier, VerifyOutcome } from '../signature';

/**
 * eHealth's digital-signature checks on top of the e-signature module: exactly one personal
 * signature (no stamp), integrity, a content time-stamp, a certificate valid at signing time and
 * now, chained to the sandbox's test CA and not revoked (eHealth's DS service asks OCSP too).
 */
export function esignVerifier(
  trust: TrustList,
  isRevoked: (serialHex: string) => boolean = () => false,
): SignatureVerifier {
  return {
    async verify(envelope: Uint8Array, now: Date): Promise<VerifyOutcome> {
      const report = await verifySignedContent(envelope, {
        at: 'now',
        trust,
        requireTimestamp: true,
        allowMultipleSigners: false,
        now: () => now,
      });
      if (report.error) return { ok: false, message: `Invalid signature: ${report.error.message}` };
      if (!report.integrity) return { ok: false, message: 'Invalid signature' };
      if (report.chain !== 'trusted')
        return { ok: false, message: 'Invalid signature: the certificate is not issued by a trusted CA' };
      const signatures = report.signers.filter((s) => !s.isStamp).length;
      const stamps = report.signers.length - signatures;
      if (signatures !== 1 || stamps !== 0) {
        return {
          ok: false,
          message: `document must contain 1 signature and 0 stamps but contains ${signatures} signatures and ${stamps} stamps`,
        };
      }
      const signer = report.signers[0];
      if (!signer || report.content === null) return { ok: false, message: 'Invalid signed content' };
      if (isRevoked(signer.certificate.serial))
        return { ok: false, message: 'Invalid signature: the signer certificate is revoked' };
      return {
        ok: true,
        content: report.content,
        signer: {
          drfo: signer.drfo,
          edrpou: signer.edrpou,
          commonName: signer.commonName,
          surname: signer.surname,
          givenName: signer.givenName,
          isStamp: signer.isStamp,
          signedAt: signer.contentTimestamp ?? signer.signingTime,
        },
      };
    },
  };
}
