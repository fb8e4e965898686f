/**
 * The kiosk's e-signature service (main side): lists key files under opaque ids, opens the chosen
 * one in a fresh signer process with the wrong-password lockout, signs operations' JSON there, and
 * ends the signer when the patient session ends or the key's medium is removed (then asks the
 * host to end the session). Hosts inject the launcher (utilityProcess in Electron, child_process
 * in the browser host) and the time-stamp choice (the sandbox's /tsa in training mode).
 */
import { err, ok, type Result } from '#shared/result';
import { KeyDiscovery, KeyMediumWatcher, type KeyCandidate } from './discovery/discovery';
import type { KeyInfo } from './key';
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
  /** The key's medium (or file) disappeared: the host ends the patient session ('key-removed'). */
  onKeyRemoved: () => void;
  /** The signer ended without being asked (a crash, a request that hung): the key must be opened again. */
  onSignerEnded?: (reason: SignerEndReason) => void;
  watchIntervalMs?: number;
}

export class EsignService {
  private session: SignerSession | null = null;
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
    if (!this.session) return err('NO_SESSION', 'open a key first');
    return this.session.sign(json, { tsa: this.opts.tsa(), expectedDrfo });
  }

  /** Ends the spare signer too (the kiosk shuts down). */
  async close(): Promise<void> {
    this.launcher.dispose();
    await this.endSession('session-end');
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
