/**
 * The kiosk's e-signature service (main side): lists key files under opaque ids, opens the chosen
 * one in a fresh signer process with the wrong-password lockout, signs operations' JSON there, and
 * ends the signer when the patient session ends or the key's medium is removed (then asks the
 * host to end the session). Hosts inject the launcher (utilityProcess in Electron, child_process
 * in the browser host) and the time-stamp choice (the sandbox's /tsa in training mode).
 *
 * A time-stamp service named in the patient's certificate is used only once main has checked that
 * the certificate chains to an issuer in the kiosk's trust list — never on the certificate's word.
 */
import { err, ok, type Result } from '#shared/result';
import { KeyDiscovery, KeyMediumWatcher, type KeyCandidate } from './discovery/discovery';
import type { KeyInfo } from './key';
import { parseCertificate } from './pki/certificate';
import { buildChain, type TrustList } from './pki/trust';
import type { KeyLockout } from './lockout';
import { warmSignerLauncher, type SignerLauncher, type WarmLauncher } from './signer/launcher';
import type { TsaChoice } from './signer/protocol';
import { SignerSession, type SignerEndReason } from './signer/session';
import type { SignerInfo } from './types';

export interface EsignServiceOptions {
  launcher: SignerLauncher;
  discovery: KeyDiscovery;
  lockout: KeyLockout;
  /** Which time-stamp service to use for the next signature. */
  tsa: () => TsaChoice;
  /** The trust list in use: a certificate's own time-stamp URL counts only if it chains to it. */
  trust?: () => TrustList | null;
  now?: () => Date;
  /** The key's medium (or file) disappeared: the host ends the patient session ('key-removed'). */
  onKeyRemoved: () => void;
  /** The signer ended without being asked (a crash, a request that hung): the key must be opened again. */
  onSignerEnded?: (reason: SignerEndReason) => void;
  watchIntervalMs?: number;
}

export class EsignService {
  private session: SignerSession | null = null;
  /** The time-stamp URL from the open key's certificate, once checked against the trust list. */
  private certificateTsa: { session: SignerSession; choice: Result<TsaChoice> } | null = null;
  private readonly watcher: KeyMediumWatcher;
  private readonly launcher: WarmLauncher;

  constructor(private readonly opts: EsignServiceOptions) {
    this.launcher = warmSignerLauncher(opts.launcher);
    this.watcher = new KeyMediumWatcher(opts.discovery, async () => {
      await this.endSession('medium-removed');
      opts.onKeyRemoved();
    });
  }

  /** The time-stamp service the next signature would use (the sandbox's in training; else the certificate's). */
  timeStamping(): TsaChoice {
    return this.opts.tsa();
  }

  listKeys(): Promise<KeyCandidate[]> {
    return this.opts.discovery.scan();
  }

  /**
   * Starts a signer process ahead of the next `openKey` (when a patient is choosing a key), so
   * that opening the key does not wait for a process start. Nothing happens during a session.
   */
  warmUp(): void {
    if (!this.session) this.launcher.warm();
  }

  /** Opens the key behind `keyId`; takes ownership of `password` (wiped). */
  async openKey(keyId: string, password: Uint8Array, expectedDrfo?: string): Promise<Result<KeyInfo>> {
    const loc = this.opts.discovery.resolve(keyId);
    if (!loc) {
      password.fill(0);
      return err('KEY_NOT_FOUND', 'this key is no longer offered; choose it again');
    }
    await this.endSession('session-end');
    const session = new SignerSession(this.launcher, {
      lockout: this.opts.lockout,
      onEnd: (reason) => {
        if (this.session === session) {
          this.session = null;
          this.watcher.unwatch();
          this.watcher.stop();
        }
        this.opts.onSignerEnded?.(reason);
      },
    });
    this.session = session;
    const r = await session.open({ kind: 'file', path: loc.path }, password, { expectedDrfo });
    if (!r.ok) {
      await this.endSession('session-end');
      return r;
    }
    this.watcher.watch(keyId);
    this.watcher.start(this.opts.watchIntervalMs ?? 1000);
    return ok(r.value);
  }

  async sign(
    json: string,
    expectedDrfo?: string,
  ): Promise<Result<{ signedContent: string; signer: SignerInfo }>> {
    const session = this.session;
    if (!session) return err('NO_SESSION', 'open a key first');
    const tsa = this.tsaFor(session);
    if (!tsa.ok) return tsa;
    return session.sign(json, { tsa: tsa.value, expectedDrfo });
  }

  /** The DER of the open key's certificate (public data), or null when no key is open. */
  certificate(): Uint8Array | null {
    return this.session?.certificate ?? null;
  }

  private tsaFor(session: SignerSession): Result<TsaChoice> {
    const choice = this.opts.tsa();
    if (choice.kind !== 'certificate') return ok(choice);
    if (this.certificateTsa?.session !== session)
      this.certificateTsa = { session, choice: this.trustedCertificateTsa(session.certificate) };
    return this.certificateTsa.choice;
  }

  private trustedCertificateTsa(der: Uint8Array | null): Result<TsaChoice> {
    const trust = this.opts.trust?.() ?? null;
    if (!trust)
      return err(
        'CERT_UNTRUSTED',
        'no trust list is installed: a time-stamp service named in a certificate is not used',
      );
    let cert;
    try {
      if (!der) return err('SIGNER_FAILED', 'the signer did not report the key certificate');
      cert = parseCertificate(der);
    } catch {
      return err('KEY_UNREADABLE', 'the key certificate cannot be read');
    }
    const chain = buildChain(cert, [], trust, [(this.opts.now ?? (() => new Date()))()]);
    if (!chain.trusted) return err('CERT_UNTRUSTED', `the key certificate is not trusted: ${chain.reason}`);
    if (!cert.tspUrl || !/^https?:\/\//i.test(cert.tspUrl))
      return err('TSA_UNAVAILABLE', 'the certificate names no time-stamp service and none is configured');
    return ok({ kind: 'url', url: cert.tspUrl });
  }

  /** Ends the spare signer too (the kiosk shuts down); resolves when both processes have exited. */
  async close(): Promise<void> {
    await Promise.all([this.launcher.dispose(), this.endSession('session-end')]);
  }

  /** Ends the signer process (resolves when it has exited). Idempotent. */
  async endSession(reason: SignerEndReason = 'session-end'): Promise<void> {
    this.watcher.unwatch();
    this.watcher.stop();
    const s = this.session;
    this.session = null;
    if (s) await s.end(reason);
  }

  /** For the exit test and diagnostics. */
  get signerPid(): number | undefined {
    return this.session?.pid;
  }

  /** Drives the medium check without waiting for the timer (tests, host events such as udev). */
  checkMedium(): Promise<boolean> {
    return this.watcher.check();
  }
}
