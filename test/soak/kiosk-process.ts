/**
 * The soak's handle on the kiosk process (kiosk-child.ts): starts it on the data directory,
 * sends commands and waits for their answers, answers its clock requests (eHealth's clock follows
 * the kiosk's true time), and notices when it dies — by our SIGKILL or by a trap it walked into.
 * A command in flight when the process dies resolves as `died`; the soak then starts a new one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, KioskConfig, KioskStats, ParentMessage, TrapKind } from './protocol';
import type { Timeline } from './timeline';

const CHILD = fileURLToPath(new URL('./kiosk-child.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STDERR_KEEP = 16 * 1024;

export interface Died {
  died: true;
  signal: NodeJS.Signals | null;
  code: number | null;
  /** The end of what it wrote to stderr. */
  stderr?: string;
}

export interface KioskProcessHooks {
  /** The kiosk's true time moved (eHealth's clock follows; faults at that moment apply). */
  onClock(now: number): void;
  onEvent(name: string, payload: unknown, now: number): void;
  onSigner(pid: number): void;
}

export class KioskProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (m: ChildMessage | Died) => void>();
  private stderrTail = '';
  private exit: Died | null = null;
  readonly exited: Promise<Died>;
  /** True time the kiosk reached (last answer). */
  now: number;

  private constructor(
    private readonly child: ChildProcess,
    private readonly hooks: KioskProcessHooks,
    start: number,
  ) {
    this.now = start;
    child.stderr?.on('data', (c: Buffer) => {
      this.stderrTail = (this.stderrTail + c.toString('utf8')).slice(-STDERR_KEEP);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { died: true, code, signal };
        for (const w of this.waiting.values()) w(this.exit);
        this.waiting.clear();
        resolve(this.exit);
      });
    });
    child.on('message', (raw) => this.onMessage(raw as ChildMessage));
  }

  /** Starts the kiosk process; resolves when its services are up (or it died on the way). */
  static async start(
    config: KioskConfig,
    hooks: KioskProcessHooks,
    opts: { configDir: string; env?: NodeJS.ProcessEnv },
  ): Promise<KioskProcess | Died> {
    const file = join(opts.configDir, `kiosk-${process.pid}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(config));
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, file], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, ...opts.env, TMPDIR: config.tmpDir },
    });
    const kiosk = new KioskProcess(child, hooks, config.start);
    const ready = await new Promise<ChildMessage | Died>((resolve) => {
      kiosk.waiting.set(0, resolve);
    });
    return 'died' in ready ? { ...ready, stderr: kiosk.stderr() } : kiosk;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  stderr(): string {
    return this.stderrTail;
  }

  private onMessage(m: ChildMessage): void {
    switch (m.type) {
      case 'ready':
        this.now = m.now;
        this.settle(0, m);
        return;
      case 'clock':
        this.now = Math.max(this.now, m.now);
        this.hooks.onClock(m.now);
        this.post({ type: 'clockAck', id: m.id });
        return;
      case 'event':
        this.hooks.onEvent(m.name, m.payload, m.now);
        return;
      case 'signer':
        this.hooks.onSigner(m.pid);
        return;
      case 'result':
      case 'advanced':
        this.now = Math.max(this.now, m.now);
        this.settle(m.id, m);
        return;
      case 'stats':
      case 'stopped':
        this.settle(m.id, m);
        return;
    }
  }

  private settle(id: number, m: ChildMessage): void {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    w?.(m);
  }

  private post(m: ParentMessage): void {
    if (this.exit === null && this.child.connected) this.child.send(m);
  }

  private request(build: (id: number) => ParentMessage): Promise<ChildMessage | Died> {
    if (this.exit) return Promise.resolve(this.exit);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post(build(id));
    });
  }

  /** A contract call as the renderer makes it; the kiosk's Result, or `died`. */
  async call(channel: string, payload: unknown): Promise<unknown> {
    const r = await this.request((id) => ({ type: 'call', id, channel, payload }));
    return 'died' in r ? r : r.type === 'result' ? r.result : null;
  }

  /** Runs the kiosk's virtual time to `to`. */
  async advance(to: number): Promise<Died | null> {
    const r = await this.request((id) => ({ type: 'advance', id, to }));
    return 'died' in r ? r : null;
  }

  async stats(): Promise<KioskStats | null> {
    const r = await this.request((id) => ({ type: 'stats', id }));
    return !('died' in r) && r.type === 'stats' ? r.stats : null;
  }

  setTimeline(timeline: Timeline): void {
    this.post({ type: 'timeline', timeline });
  }

  setTrap(trap: TrapKind | null): void {
    this.post({ type: 'trap', trap });
  }

  /** SIGKILL, as a power cut or the OS's OOM killer would; resolves when it is gone. */
  async kill(): Promise<Died> {
    if (this.exit) return this.exit;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Closes the services as the host does at exit. */
  async stop(): Promise<void> {
    const r = await this.request((id) => ({ type: 'stop', id }));
    if (!('died' in r)) await this.exited;
  }
}

export const isDied = (v: unknown): v is Died =>
  typeof v === 'object' && v !== null && (v as { died?: unknown }).died === true;
