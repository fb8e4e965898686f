/**
 * Messages between the host (kiosk main / browser host / CLI) and the signer process. Keys are
 * opened and used only inside the signer; what comes back is public certificate data and the
 * signed content — never key bytes, passwords or digests. Binary fields are Uint8Array (both
 * `child_process.fork` with advanced serialization and Electron's utilityProcess clone them).
 */
import type { KioskError } from '#shared/result';
import type { KeyInfo } from '../key';
import type { SignerInfo } from '../types';

export type KeySource =
  /** A key file; .cer/.crt files in the same folder are read as its certificates. */
  | { kind: 'file'; path: string }
  /** Container bytes already read by the host (the CLI, tests). */
  | { kind: 'bytes'; file: Uint8Array; certificates?: Uint8Array[] }
  /** A hardware token through its vendor PKCS#11 module. */
  | { kind: 'pkcs11'; module: string; slot: number; keyLabel?: string };

export type TsaChoice = { kind: 'url'; url: string } | { kind: 'certificate' } | { kind: 'none' };

export type SignerRequest =
  | {
      id: number;
      type: 'open';
      source: KeySource;
      /** Wiped by the signer after use. */
      password: Uint8Array;
      expectedDrfo?: string;
      role?: 'personal' | 'stamp';
    }
  | { id: number; type: 'sign'; json: string; expectedDrfo?: string; tsa: TsaChoice; tsaTimeoutMs?: number }
  | { id: number; type: 'close' };

export type SignerValue =
  /** `certificate`: the DER of the key's certificate (public), copied into its own buffer. */
  | { type: 'open'; key: KeyInfo; certificate?: Uint8Array }
  | { type: 'sign'; signedContent: string; signer: SignerInfo }
  | { type: 'close' };

export type SignerResponse =
  { id: number; ok: true; value: SignerValue } | { id: number; ok: false; error: KioskError };

/** Sent once by the signer when it is ready to take requests. */
export const SIGNER_READY = { type: 'ready' } as const;

export function isSignerResponse(m: unknown): m is SignerResponse {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as { id?: unknown }).id === 'number' &&
    typeof (m as { ok?: unknown }).ok === 'boolean'
  );
}
