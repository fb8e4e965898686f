/**
 * The soak's side of the kiosk's life: the one kiosk process at a time (started again on the same
 * data directory whenever it dies), the true time eHealth's clock follows, the faults eHealth
 * shows at that time, the kill points planted in it, the events it reports (a session it ended by
 * itself, every change of an outbox operation), and samples of its memory and database size.
 * Every death is accounted for: one the soak caused (a SIGKILL, a trap, a migration kill) is
 * counted, any other is a crash and a problem.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { SandboxHandle } from '../../electron/sandbox';
import { alive, dbSizes } from './checks';
import { isDied, KioskProcess, type Died, type KioskProcessHooks } from './kiosk-process';
import type { SessionWatch } from './patient';
import { HOUR } from './plan';
import type { KioskConfig, TrapKind } from './protocol';
import { iso, type Recorder } from './record';
import { sandboxFaultsAt, skewAt, type Timeline } from './timeline';

export interface DriverOptions {
  sb: SandboxHandle;
  /** True time as far as eHealth has seen it (the sandbox's `now` reads it). */
  clock: { t: number };
  dirs: { kiosk: string; tmp: string; run: string };
  timeline: Timeline;
  seed: number;
  log: KioskConfig['log'];
  rec: Recorder;
  watch: SessionWatch;
  verbose: (line: string) => void;
}

const SAMPLE_EVERY = 6 * HOUR;
const OPS_CHILD = fileURLToPath(new URL('./ops-child.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class KioskDriver {
  private kiosk: KioskProcess | null = null;
  private generation = 0;
  private nextSample: number;
  private readonly signerPids = new Map<number, number>();
  /** Processes whose death has been counted. */
  private readonly accounted = new WeakSet<KioskProcess>();
  /** Why the soak expects the kiosk to die now (a kill it is making). */
  expectDeath: string | null = null;
  armedTrap: TrapKind | null = null;
  /** Operation id → its states as the kiosk reported them, with the true time. */
  readonly history = new Map<string, { state: string; at: number }[]>();
  rssMax = 0;
  dbMax = 0;
  walMax = 0;

  constructor(private readonly o: DriverOptions) {
    this.nextSample = o.clock.t + SAMPLE_EVERY;
  }

  private get t(): number {
    return this.o.clock.t;
  }

  private set t(v: number) {
    this.o.clock.t = v;
  }

  now(): number {
    return Math.max(this.t, this.kiosk?.now ?? this.t);
  }

  private readonly hooks: KioskProcessHooks = {
    onClock: (t) => {
      if (t > this.t) this.t = t;
      this.o.sb.faults.set(sandboxFaultsAt(this.o.timeline, this.t));
    },
    onEvent: (name, payload, at) => {
      const { watch } = this.o;
      if (name === 'sessionEnded' && watch.signedIn && !watch.ending)
        watch.endedByKiosk ??= `the kiosk ended the session (${(payload as { reason: string }).reason})`;
      if (name === 'outboxChanged') {
        const v = payload as { id: string; state: string };
        const h = this.history.get(v.id) ?? [];
        if (h.at(-1)?.state !== v.state) h.push({ state: v.state, at });
        this.history.set(v.id, h);
      }
    },
    onSigner: (pid) => this.signerPids.set(pid, this.generation),
  };

  onDeath(d: Died, where: string): void {
    const { rec } = this.o;
    if (this.kiosk) this.accounted.add(this.kiosk);
    const signal = d.signal ?? `exit ${d.code}`;
    if (this.expectDeath) rec.count(`kills.${this.expectDeath}`);
    else if (this.armedTrap && d.signal === 'SIGKILL') rec.count(`kills.trap.${this.armedTrap}`);
    else
      rec.problem(
        'kioskCrash',
        this.now(),
        null,
        `${where}: the kiosk process ended (${signal}): ${(d.stderr ?? this.kiosk?.stderr() ?? '').slice(-1500)}`,
      );
    const why = this.expectDeath ?? (this.armedTrap ? `trap ${this.armedTrap}` : signal);
    rec.notes.push(`${iso(this.now())} kiosk process ended (${why}) during ${where}`);
    this.o.verbose(`  ${rec.notes.at(-1)}`);
    this.armedTrap = null;
    this.o.watch.signedIn = false;
  }

  /** Starts a kiosk process (optionally one that dies inside a migration). */
  async start(migrationTrap: number | null): Promise<Died | null> {
    const { sb, dirs, rec } = this.o;
    this.generation++;
    const config: KioskConfig = {
      dataDir: dirs.kiosk,
      tmpDir: dirs.tmp,
      personas: sb.personas.map((p) => ({ id: p.id, keyFile: p.keyFile })),
      ehealth: {
        baseUrl: sb.baseUrl,
        apiKey: sb.apiKey,
        clientId: sb.clientId,
        clientSecret: sb.clientSecret,
        scope: sb.scope,
        requestTermHours: sb.requestTermHours,
      },
      tsaUrl: sb.tsaUrl,
      trustList: Buffer.from(sb.trustList).toString('base64'),
      start: this.now(),
      timeline: this.o.timeline,
      seed: this.o.seed * 1000 + this.generation,
      migrationTrap,
      log: this.o.log,
      version: 'soak',
    };
    const realStart = performance.now();
    const k = await KioskProcess.start(config, this.hooks, { configDir: dirs.run });
    rec.count('kiosk.start-ms', Math.round(performance.now() - realStart));
    if (isDied(k)) return k;
    this.kiosk = k;
    rec.count('kiosk.starts');
    return null;
  }

  /** The running kiosk process, started again if it died. */
  async ensure(): Promise<KioskProcess> {
    // a death between two commands (the directory sync's worker thread runs in real time) is
    // accounted for like any other
    const last = this.kiosk;
    if (last && !last.alive && !this.accounted.has(last)) this.onDeath(await last.exited, 'a quiet moment');
    for (let tries = 0; tries < 3; tries++) {
      if (this.kiosk?.alive) return this.kiosk;
      const died = await this.start(null);
      if (died) this.onDeath(died, 'start-up');
    }
    throw new Error(
      `the kiosk process does not start: ${this.o.rec.problemsOf('kioskCrash').at(-1)?.detail ?? ''}`,
    );
  }

  get alive(): boolean {
    return this.kiosk?.alive ?? false;
  }

  setTrap(trap: TrapKind | null): void {
    this.armedTrap = trap;
    this.kiosk?.setTrap(trap);
  }

  /** The faults changed (the soak added a window): the kiosk applies its side at once. */
  timelineChanged(): void {
    this.kiosk?.setTimeline(this.o.timeline);
  }

  /** A contract call; `died` when the kiosk died during it (counted, or a crash). */
  async call(channel: string, payload: unknown, where: string): Promise<unknown> {
    const k = await this.ensure();
    const r = await k.call(channel, payload);
    if (isDied(r)) this.onDeath(r, `${where} ${channel}`);
    else this.t = Math.max(this.t, k.now);
    return r;
  }

  /** Virtual time passes in one piece (a patient's pause); false when the kiosk died meanwhile. */
  async pass(ms: number, where: string): Promise<boolean> {
    const k = await this.ensure();
    const died = await k.advance(this.now() + ms);
    if (died) {
      this.onDeath(died, where);
      return false;
    }
    this.t = Math.max(this.t, k.now);
    return true;
  }

  /** Runs time to `target`, starting the kiosk again whenever it dies; samples every six hours. */
  async advanceTo(target: number): Promise<void> {
    while (this.now() < target) {
      const k = await this.ensure();
      const step = Math.min(target, Math.max(this.nextSample, this.now() + 1));
      const died = await k.advance(step);
      if (died) {
        this.onDeath(died, 'a quiet moment');
        continue;
      }
      this.t = Math.max(this.t, k.now);
      if (this.now() >= this.nextSample) {
        this.nextSample += SAMPLE_EVERY;
        await this.sample();
      }
    }
  }

  /** Runs time to `target` and kills the kiosk after `delayMs` of real time on the way. */
  async killOnTheWay(target: number, delayMs: number): Promise<void> {
    const k = await this.ensure();
    const advancing = k.advance(target);
    const timer = setTimeout(() => {
      this.expectDeath = 'random';
      void k.kill();
    }, delayMs);
    let died = await advancing;
    clearTimeout(timer);
    if (!died) {
      this.expectDeath = 'random';
      died = await k.kill();
    }
    this.onDeath(died, 'the night');
    this.expectDeath = null;
  }

  async sample(): Promise<void> {
    const { rec } = this.o;
    const k = await this.ensure();
    const stats = await k.stats();
    const sizes = dbSizes(this.o.dirs.kiosk);
    this.dbMax = Math.max(this.dbMax, sizes.dbBytes);
    this.walMax = Math.max(this.walMax, sizes.walBytes);
    if (!stats) return;
    this.rssMax = Math.max(this.rssMax, stats.rssBytes);
    rec.samples.push({
      at: this.now(),
      pid: k.pid,
      rssBytes: stats.rssBytes,
      heapUsedBytes: stats.heapUsedBytes,
      ...sizes,
    });
    for (const [key, n] of Object.entries(stats.requests)) rec.counters.set(`requests.${key}.${k.pid}`, n);
    rec.counters.set(`stuck.${k.pid}`, stats.stuckWaits);
  }

  /** Signer processes that outlived their kiosk process are a problem (and are ended here). */
  async checkOrphans(): Promise<void> {
    await new Promise((r) => setTimeout(r, 300));
    for (const [pid, gen] of this.signerPids) {
      if (gen === this.generation && this.alive) continue;
      if (alive(pid)) {
        this.o.rec.problem('orphanSigner', this.now(), null, `signer ${pid} outlived its kiosk process`);
        process.kill(pid, 'SIGKILL');
      }
      this.signerPids.delete(pid);
    }
  }

  /** What the kiosk machine's clock reads now (the true time and its skew). */
  wallNow(): number {
    return this.now() + skewAt(this.o.timeline, this.now());
  }

  /** Runs the ops CLI on the kiosk machine (on its clock, against its data directory). */
  ops(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', OPS_CHILD, String(this.wallNow()), ...args, '--data-dir', this.o.dirs.kiosk],
        {
          cwd: PROJECT_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, TMPDIR: this.o.dirs.tmp },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** Closes the services as the host does at exit. */
  async stop(): Promise<void> {
    const k = await this.ensure();
    await k.stop();
    const sizes = dbSizes(this.o.dirs.kiosk);
    this.dbMax = Math.max(this.dbMax, sizes.dbBytes);
    this.walMax = Math.max(this.walMax, sizes.walBytes);
  }

  async kill(): Promise<void> {
    if (this.kiosk?.alive) await this.kiosk.kill();
  }
}
