/** Public description of a certificate (for `kiosk esign inspect` and diagnostics). */
import { err, ok, type Result } from '#shared/result';
import { keyInfoOf, type KeyInfo } from '../key';
import { canSign, isTimeStampingCertificate, parseCertificate } from './certificate';

export interface CertificateDescription extends KeyInfo {
  keyUsage: string[] | null;
  canSign: boolean;
  isCa: boolean;
  isTimeStamping: boolean;
}

export function describeCertificate(der: Uint8Array): Result<CertificateDescription> {
  try {
    const c = parseCertificate(der);
    return ok({
      ...keyInfoOf(c),
      keyUsage: c.keyUsage ? [...c.keyUsage] : null,
      canSign: canSign(c),
      isCa: c.isCa === true,
      isTimeStamping: isTimeStampingCertificate(c),
    });
  } catch (e) {
    return err('KEY_UNREADABLE', `not a readable certificate: ${(e as Error).message}`);
  }
}
