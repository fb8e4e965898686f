/**
 * Host side of the signer: one SignerSession per patient session. Starts the signer process on
 * the first `open`, applies the wrong-password lockout, forwards `sign`, and ends the process on
 * session end or key-medium removal (the host asks), a request timeout or a crash. It has no idle
 * timer: the patient session (core/session/session-manager.ts) decides how long the signer lives.
 * `end()` resolves only once the process has really exited.
 */
import { err, ok, type Result } from '#shared/result';
import { readFileBounded, TooLargeError } from '../../io';
import { MAX_CONTAINER_BYTES } from '../containers/open';
import type { KeyInfo } from '../key';
import { withLockout, type KeyLockout } from '../lockout';
import type { SignerInfo } from '../types';
import type { SignerChannel, SignerLauncher } from './launcher';
import {
  isSignerResponse,
  type KeySource,
  type SignerRequest,
  type SignerResponse,
  type SignerValue,
  type TsaChoice,
} from './protocol';

export type SignerEndReason = 'session-end' | 'medium-removed' | 'timeout' | 'crashed';

export interface SignerSessionOptions {
  /** A request (open, sign) that takes longer kills the signer (default 60 s). */
  requestTimeoutMs?: number;
  lockout?: KeyLockout;
  /** Called once when the signer ends for any reason other than `end()` by the host. */
  onEnd?: (reason: SignerEndReason) => void;
}

type Request = SignerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class SignerSession {
  private channel: SignerChannel | null = null;
  private ready: Promise<void> | null = null;
  private exitPromise: Promise<void> | null = null;
  private readonly pending = new Map<number, (r: SignerResponse) => void>();
  private nextId = 1;
  private ending: SignerEndReason | null = null;
  private openKey: KeyInfo | null = null;
  private openCertificate: Uint8Array | null = null;

  constructor(
    private readonly launcher: SignerLauncher,
    private readonly opts: SignerSessionOptions = {},
  ) {}

  /** pid of the running signer (for diagnostics and the exit test), or undefined. */
  get pid(): number | undefined {
    return this.channel?.pid;
  }

  get key(): KeyInfo | null {
    return this.openKey;
  }

  /** The DER of the open key's certificate (public), or null. */
  get certificate(): Uint8Array | null {
    return this.openCertificate;
  }

  private start(): void {
    if (this.channel) return;
    const channel = this.launcher.launch();
    this.channel = channel;
    this.ending = null;
    let markReady: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => (markReady = resolve));
    this.exitPromise = new Promise<void>((resolve) => {
      channel.onExit(() => {
        const wasEnding = this.ending;
        this.channel = null;
        this.openKey = null;
        this.openCertificate = null;
        for (const [id, settle] of this.pending)
          settle({ id, ok: false, error: { code: 'SIGNER_FAILED', message: 'the signer process ended' } });
        this.pending.clear();
        markReady();
        resolve();
        if (wasEnding === null) this.opts.onEnd?.('crashed');
      });
    });
    channel.onMessage((m) => {
      if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready') markReady();
      else if (isSignerResponse(m)) {
        const settle = this.pending.get(m.id);
        this.pending.delete(m.id);
        settle?.(m);
      }
    });
  }

  private async request(body: Request): Promise<SignerResponse> {
    this.start();
    await this.ready;
    const channel = this.channel;
    if (!channel)
      return {
        id: 0,
        ok: false,
        error: { code: 'SIGNER_FAILED', message: 'the signer process is not running' },
      };
    const id = this.nextId++;
    const timeoutMs = this.opts.requestTimeoutMs ?? 60_000;
    const response = await new Promise<SignerResponse>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({
          id,
          ok: false,
          error: { code: 'SIGNER_FAILED', message: 'the signer did not answer in time' },
        });
        void this.terminate('timeout');
      }, timeoutMs);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      channel.send({ ...body, id } as SignerRequest);
    });
    return response;
  }

  /**
   * Opens a key in the signer. `password` is sent once and wiped here. With a lockout, the key
   * file's fingerprint is checked before and counted after (5 wrong → 15 min).
   */
  async open(
    source: KeySource,
    password: Uint8Array,
    o: { expectedDrfo?: string; role?: 'personal' | 'stamp' } = {},
  ): Promise<Result<KeyInfo>> {
    const attempt = async (): Promise<Result<KeyInfo>> => {
      const r = await this.request({
        type: 'open',
        source,
        password,
        expectedDrfo: o.expectedDrfo,
        role: o.role,
      });
      password.fill(0);
      const v = unwrap(r, 'open');
      if (v.ok) {
        this.openKey = v.value.key;
        this.openCertificate = v.value.certificate ?? null;
      }
      return v.ok ? ok(v.value.key) : v;
    };
    try {
      const lockout = this.opts.lockout;
      if (!lockout) return await attempt();
      const fpBytes = await fingerprintBytes(source);
      if (!fpBytes.ok) return fpBytes;
      return await withLockout(lockout, lockout.fingerprint(fpBytes.value), attempt);
    } finally {
      password.fill(0);
    }
  }

  async sign(
    json: string,
    o: { tsa: TsaChoice; expectedDrfo?: string; tsaTimeoutMs?: number },
  ): Promise<Result<{ signedContent: string; signer: SignerInfo }>> {
    if (!this.channel || !this.openKey) return err('NO_SESSION', 'open a key first');
    const v = unwrap(
      await this.request({
        type: 'sign',
        json,
        tsa: o.tsa,
        expectedDrfo: o.expectedDrfo,
        tsaTimeoutMs: o.tsaTimeoutMs,
      }),
      'sign',
    );
    return v.ok ? ok({ signedContent: v.value.signedContent, signer: v.value.signer }) : v;
  }

  /** Ends the signer (asks it to wipe and exit; kills it after a grace period). Idempotent. */
  async end(reason: SignerEndReason = 'session-end'): Promise<void> {
    await this.terminate(reason, false);
  }

  private async terminate(reason: SignerEndReason, notify = true): Promise<void> {
    const channel = this.channel;
    const exited = this.exitPromise;
    if (!channel || !exited) return;
    if (this.ending === null) this.ending = reason;
    channel.send({ id: this.nextId++, type: 'close' });
    const killer = setTimeout(() => channel.kill(), 2000);
    await exited;
    clearTimeout(killer);
    if (notify) this.opts.onEnd?.(reason);
  }
}

function unwrap<T extends SignerValue['type']>(
  r: SignerResponse,
  type: T,
): Result<Extract<SignerValue, { type: T }>> {
  if (!r.ok) return { ok: false, error: r.error };
  if (r.value.type !== type) return err('SIGNER_FAILED', 'unexpected answer from the signer');
  return ok(r.value as Extract<SignerValue, { type: T }>);
}

async function fingerprintBytes(source: KeySource): Promise<Result<Uint8Array>> {
  if (source.kind === 'bytes') return ok(source.file);
  if (source.kind === 'pkcs11')
    return ok(new Uint8Array(Buffer.from(`${source.module}\0${source.slot}\0${source.keyLabel ?? ''}`)));
  try {
    return ok(await readFileBounded(source.path, MAX_CONTAINER_BYTES));
  } catch (e) {
    if (e instanceof TooLargeError)
      return err('KEY_UNREADABLE', 'the file is too large to be a key container');
    return err('KEY_NOT_FOUND', 'the key file is no longer there');
  }
}
