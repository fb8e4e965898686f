/**
 * The soak: a month (or N days) in a clinic on virtual time. The real eHealth sandbox runs here,
 * on the soak's clock; the real kiosk services run in a child process (kiosk-child.ts) on the same
 * clock, on a data directory that outlives every SIGKILL (kiosk-driver.ts). Patients come and go
 * (patient.ts), the plan's faults hit (plan.ts, timeline.ts), the registrar looks at the kiosk every
 * evening (registrar-round.ts), and after every visit and every day the invariants are checked;
 * the acts are reckoned at the end (ledger.ts) and the verdict written (report.ts). See
 * docs/reliability.md for a month of it.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db';
import { kioskMigrations } from '../../electron/core/db/migrations';
import { startSandbox, SANDBOX_DB_FILE, type SandboxHandle } from '../../electron/sandbox';
import { Prng } from '../bench/lib/prng';
import { checkLogs, dbSizes } from './checks';
import { KioskDriver } from './kiosk-driver';
import { reckon, SIGNED_KINDS, UNSIGNED_ACT_KINDS, type LedgerReport } from './ledger';
import { Visit, type SessionWatch, type VisitOutcome } from './patient';
import { filesIn, PiiScanner } from './pii';
import {
  DAY,
  HOUR,
  MINUTE,
  makePlan,
  type DayPlan,
  type DropFault,
  type SessionPlan,
  type SoakPlan,
} from './plan';
import { iso, Recorder } from './record';
import { registrarRound, type RegistrarState } from './registrar-round';
import {
  faultMix,
  figuresOf,
  fmtDuration,
  summaryLines,
  violationsOf,
  type RunFacts,
  type SoakFigures,
} from './report';
import { diskFullAt, linkAt, sandboxFaultsAt, type Timeline } from './timeline';

export type { SoakFigures } from './report';

export interface SoakOptions {
  days: number;
  seed: number;
  /** Human-readable progress lines. */
  out: (line: string) => void;
  /** Where the run's folders go (default: /dev/shm when there is one, else the system temp folder). */
  baseDir?: string;
  /** Keep the run's folders afterwards (for a post-mortem). */
  keep?: boolean;
  /** Also print every visit, every kill and every problem as it happens. */
  verbose?: boolean;
}

export interface SoakResult {
  figures: SoakFigures;
  violations: string[];
  wallMs: number;
  ledger: LedgerReport;
  faultMix: string[];
}

/** Small on purpose: the logs of a few days rotate several times. */
const LOG = { maxBytes: 4096, maxFiles: 3 };
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function defaultBase(): string {
  try {
    if (existsSync('/dev/shm')) {
      rmSync(mkdtempSync('/dev/shm/kiosk-soak-probe-'), { recursive: true, force: true });
      return '/dev/shm';
    }
  } catch {
    // not writable: the system temp folder
  }
  return tmpdir();
}

interface Dirs {
  root: string;
  sandbox: string;
  kiosk: string;
  tmp: string;
  run: string;
}

function makeDirs(base: string): Dirs {
  const root = mkdtempSync(join(base, 'kiosk-soak-'));
  const dirs = {
    root,
    sandbox: join(root, 'sandbox'),
    kiosk: join(root, 'kiosk'),
    tmp: join(root, 'tmp'),
    run: join(root, 'run'),
  };
  for (const d of [dirs.sandbox, dirs.kiosk, dirs.tmp, dirs.run, join(root, 'media')])
    mkdirSync(d, { recursive: true, mode: 0o700 });
  // the TypeScript loader keeps its compile cache in the temporary folder: share the usual one
  // (the kiosk's own temporary folder is scanned for personal data; symbolic links are not followed)
  const tsxCache = `tsx-${process.getuid?.() ?? 0}`;
  mkdirSync(join(tmpdir(), tsxCache), { recursive: true, mode: 0o700 });
  symlinkSync(join(tmpdir(), tsxCache), join(dirs.tmp, tsxCache));
  return dirs;
}

class Soak {
  private readonly rng: Prng;
  private readonly pii: PiiScanner;
  private readonly piiFound = new Set<string>();
  private readonly registrar: RegistrarState = { signedUp: false, auditOk: true };
  private readonly timeline: Timeline;
  private sessions = 0;
  private problemsReported = 0;
  private lostSeen = 0;
  private duplicatedSeen = 0;

  constructor(
    private readonly o: SoakOptions,
    private readonly plan: SoakPlan,
    private readonly dirs: Dirs,
    private readonly sb: SandboxHandle,
    private readonly kiosk: KioskDriver,
    private readonly rec: Recorder,
    private readonly watch: SessionWatch,
    private readonly wallStart: number,
  ) {
    this.rng = new Prng(o.seed ^ 0x5eed);
    this.pii = new PiiScanner(new Prng(o.seed ^ 0x9111));
    this.pii.certificateValidTo = plan.certificate.validTo;
    this.timeline = plan.timeline;
    for (const p of sb.personas) {
      this.pii.add('name', p.fullName, p.id);
      this.pii.add('tax id', p.taxId, p.id);
      this.pii.add('birth date', p.birthDate, p.id);
    }
  }

  get recorder(): Recorder {
    return this.rec;
  }

  /** The whole run; returns the final reckoning of acts. */
  async run(): Promise<LedgerReport> {
    await this.update();
    await this.kiosk.ensure();
    await this.kiosk.advanceTo(this.plan.start + 6 * HOUR);
    const excluded = this.pii.baseline([this.dirs.kiosk, this.dirs.tmp]);
    if (excluded.length)
      this.o.out(
        `personal-data check: ${excluded.length} value(s) left out, found before any visit (${[...new Set(excluded)].join(', ')})`,
      );
    for (const d of this.plan.dayPlans) await this.day(d);
    return this.end();
  }

  /** An update: the kiosk finds its database at an older schema and dies inside the migrations. */
  private async update(): Promise<void> {
    const file = join(this.dirs.kiosk, 'kiosk.db');
    openDatabase(file, kioskMigrations.slice(0, this.plan.oldSchemaVersion)).close();
    for (const version of this.plan.migrationTraps) {
      this.kiosk.expectDeath = `migration ${version}`;
      const died = await this.kiosk.start(version);
      if (died) this.kiosk.onDeath(died, `migration to version ${version}`);
      else
        this.rec.problem(
          'migration',
          this.kiosk.now(),
          null,
          `the kiosk did not die inside migration ${version}`,
        );
      this.kiosk.expectDeath = null;
      const db = new Database(file, { readonly: true });
      const at = db.pragma('user_version', { simple: true }) as number;
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      db.close();
      if (at !== version - 1 || integrity !== 'ok')
        this.rec.problem(
          'migration',
          this.kiosk.now(),
          null,
          `after a kill inside migration ${version}: schema ${at}, integrity ${integrity}`,
        );
    }
  }

  private async day(d: DayPlan): Promise<void> {
    for (const sp of d.sessions) {
      await this.kiosk.advanceTo(Math.max(sp.at, this.kiosk.now()));
      const outcome = await this.visit(sp);
      if (outcome === 'crashed') {
        // the kiosk came back; the patient signs in again to see where things stand
        await this.visit({
          ...sp,
          id: `${sp.id}-again`,
          intents: [],
          trap: null,
          dropBeforeSign: null,
          wrongPasswords: 0,
          end: 'finish',
        });
      }
    }
    await this.kiosk.advanceTo(Math.max(d.registrarAt, this.kiosk.now()));
    await registrarRound(this.kiosk, this.rec, this.registrar, d.syncTrap);
    const nightEnd = d.start + DAY;
    for (const delay of d.nightKills) {
      const halfway = this.kiosk.now() + Math.floor((nightEnd - this.kiosk.now()) / 2);
      await this.kiosk.killOnTheWay(Math.min(nightEnd, halfway), delay);
    }
    await this.kiosk.advanceTo(nightEnd);
    await this.kiosk.checkOrphans();
    this.scanPii();
    const logs = checkLogs(this.dirs.kiosk, LOG.maxBytes, LOG.maxFiles);
    if (logs.problem) this.rec.problem('logs', this.kiosk.now(), null, logs.problem);
    if (logs.rotated) this.rec.count('logs.rotated-days');
    this.dayLine(d, this.reckoning(null, false));
  }

  /** The network comes back for good, the kiosk delivers what waits, the registrar looks, it closes. */
  private async end(): Promise<LedgerReport> {
    const endAt = this.kiosk.now();
    for (const list of Object.values(this.timeline) as { from: number; to: number }[][])
      for (const w of list) w.to = Math.min(w.to, endAt);
    this.kiosk.timelineChanged();
    let drainHours = 0;
    while (this.pendingActs() > 0 && drainHours < 72) {
      await this.kiosk.advanceTo(this.kiosk.now() + HOUR);
      drainHours++;
    }
    this.o.out(`final drain: ${drainHours} h with the network back`);
    const panel = await registrarRound(this.kiosk, this.rec, this.registrar);
    await this.kiosk.stop();
    await this.kiosk.checkOrphans();
    this.scanPii();
    return this.reckoning(await this.shownToRegistrar(panel), true);
  }

  /**
   * Operation id → the reason the registrar sees for an ended operation: in the panel's outbox
   * list and in `kiosk outbox list` alike (null when either shows none).
   */
  private async shownToRegistrar(
    panel: Map<string, string | null> | null,
  ): Promise<Map<string, string | null> | null> {
    if (!panel) return null;
    const shown = new Map<string, string | null>();
    for (const state of ['rejected', 'needs-patient', 'expired']) {
      const r = await this.kiosk.ops(['outbox', 'list', '--state', state, '--limit', '1000', '--json']);
      if (r.code !== 0) {
        this.rec.problem(
          'registrar',
          this.kiosk.now(),
          null,
          `kiosk outbox list: exit ${r.code}: ${r.stderr.slice(-300)}`,
        );
        return null;
      }
      const list = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as {
        operations: { id: string; error: { code: string } | null }[];
      };
      for (const op of list.operations) {
        const inPanel = panel.get(op.id) ?? null;
        shown.set(op.id, inPanel !== null && op.error?.code ? inPanel : null);
      }
    }
    return shown;
  }

  private troubleNow(): string | null {
    const now = this.kiosk.now();
    for (const t of [now, now - 2 * MINUTE]) {
      const link = linkAt(this.timeline, t);
      if (link) return link.fault;
      if (diskFullAt(this.timeline, t)) return 'disk full';
      const f = sandboxFaultsAt(this.timeline, t);
      if ((f.errorRate ?? 0) > 0) return `eHealth ${f.errorStatus} storm`;
      if (f.drop && f.drop !== 'none') return `dropped connections (${f.drop})`;
    }
    return null;
  }

  private async smsCodes(phone: string): Promise<string[]> {
    const r = await fetch(`${this.sb.baseUrl}/sandbox/sms?phone=${encodeURIComponent(phone)}`);
    const body = (await r.json()) as { data: { code: string }[] };
    return body.data.map((m) => m.code);
  }

  /** Receipts left over, and the known personal data (of one visitor, or everyone's), in the kiosk's files. */
  private scanPii(owner?: string): void {
    for (const f of filesIn(join(this.dirs.kiosk, 'receipts'))) this.piiFound.add(`${f}|receipt file`);
    for (const hit of this.pii.scan([this.dirs.kiosk, this.dirs.tmp], this.dirs.root, false, owner))
      this.piiFound.add(`${hit.file}|${hit.label}`);
  }

  private dropLink(fault: DropFault, ms: number, note: string): void {
    const from = this.kiosk.now();
    if (fault === 'drop-after-commit' || fault === 'drop-before-commit')
      this.timeline.drops.push({
        from,
        to: from + ms,
        drop: fault === 'drop-after-commit' ? 'after-commit' : 'before-commit',
        rate: 0.6,
      });
    else this.timeline.link.push({ from, to: from + ms, fault, note });
    this.kiosk.timelineChanged();
    this.rec.notes.push(`${iso(from)} ${fault} for ${fmtDuration(ms)}: ${note}`);
  }

  private async visit(sp: SessionPlan): Promise<VisitOutcome> {
    await this.kiosk.ensure();
    this.pii.owner = sp.persona;
    const v = new Visit(
      {
        call: (channel, payload) => this.kiosk.call(channel, payload, sp.id),
        pause: (ms) => this.kiosk.pass(ms, `${sp.id} pause`),
        now: () => this.kiosk.now(),
        dropLink: (fault, ms, note) => this.dropLink(fault, ms, note),
        setTrap: (trap) => this.kiosk.setTrap(trap),
        smsCodes: (phone) => this.smsCodes(phone),
        password: (persona) => this.sb.personas.find((p) => p.id === persona)?.password ?? '',
        troubleNow: () => this.troubleNow(),
        rec: this.rec,
        pii: this.pii,
        watch: this.watch,
        rng: this.rng,
      },
      sp,
    );
    const problemsBefore = this.rec.problems.length;
    const notesBefore = this.rec.notes.length;
    const realStart = performance.now();
    const outcome = await v.run();
    this.sessions++;
    if (this.o.verbose) {
      const what = `${sp.id} ${sp.persona} [${sp.intents.join(',')}]${sp.trap ? ` trap ${sp.trap}` : ''}`;
      this.o.out(
        `  ${iso(sp.at)} ${what} → ${outcome} at ${iso(this.kiosk.now())} (${Math.round(performance.now() - realStart)} ms)`,
      );
      for (const p of this.rec.problems.slice(problemsBefore)) this.o.out(`    ${p.kind}: ${p.detail}`);
      for (const n of this.rec.notes.slice(notesBefore)) this.o.out(`    - ${n}`);
    }
    this.rec.count(`visits.${outcome}`);
    this.scanPii(sp.persona);
    return outcome;
  }

  private pendingActs(): number {
    const db = new Database(join(this.dirs.kiosk, 'kiosk.db'), { readonly: true, fileMustExist: true });
    try {
      const kinds = [...SIGNED_KINDS, ...UNSIGNED_ACT_KINDS];
      return (
        db
          .prepare(
            `SELECT count(*) AS n FROM outbox_operations WHERE kind IN (${kinds.map(() => '?').join(',')})
             AND ((state = 'captured' AND held = 0) OR state IN ('waiting-network', 'sending'))`,
          )
          .get(...kinds) as { n: number }
      ).n;
    } finally {
      db.close();
    }
  }

  private reckoning(registrarView: Map<string, string | null> | null, final: boolean): LedgerReport {
    return reckon({
      kioskDb: join(this.dirs.kiosk, 'kiosk.db'),
      sandboxDb: join(this.dirs.sandbox, SANDBOX_DB_FILE),
      receipts: this.rec.acts,
      registrarView,
      requestTermMs: this.sb.requestTermHours * HOUR,
      history: this.kiosk.history,
      final,
    });
  }

  private dayLine(d: DayPlan, ledger: LedgerReport): void {
    const s = ledger.signed;
    const fresh = new Map<string, number>();
    for (const p of this.rec.problems.slice(this.problemsReported))
      if (p.kind !== 'unexpectedError') fresh.set(p.kind, (fresh.get(p.kind) ?? 0) + 1);
    this.problemsReported = this.rec.problems.length;
    if (s.lost > this.lostSeen) fresh.set('lost', s.lost - this.lostSeen);
    if (s.duplicated > this.duplicatedSeen) fresh.set('duplicated', s.duplicated - this.duplicatedSeen);
    this.lostSeen = s.lost;
    this.duplicatedSeen = s.duplicated;
    const sizes = dbSizes(this.dirs.kiosk);
    const last = this.rec.samples.at(-1);
    const terminal = Object.values(s.terminal).reduce((a, b) => a + b, 0);
    this.o.out(
      `day ${d.day} (${WEEKDAYS[d.weekday]} ${iso(d.start + 2 * HOUR).slice(0, 10)}): ${d.sessions.length} planned visits, ` +
        `signed acts so far ${s.acts} (delivered ${s.delivered}, terminal ${terminal}, pending ${s.pending}, ` +
        `lost ${s.lost}, duplicated ${s.duplicated}); db ${(sizes.dbBytes / 1048576).toFixed(1)} MiB, ` +
        `rss ${last ? (last.rssBytes / 1048576).toFixed(0) : '?'} MiB, kiosk starts ${this.rec.get('kiosk.starts')}, ` +
        `wall ${((performance.now() - this.wallStart) / 1000).toFixed(0)} s` +
        (fresh.size
          ? ` — BROKEN today: ${[...fresh].map(([k, n]) => `${k} ×${n}`).join(', ')}`
          : ' — invariants hold'),
    );
  }

  facts(ledger: LedgerReport): RunFacts {
    return {
      days: this.o.days,
      sessions: this.sessions,
      ledger,
      rec: this.rec,
      piiFound: this.piiFound,
      auditOk: this.registrar.auditOk,
      dbMax: this.kiosk.dbMax,
      walMax: this.kiosk.walMax,
      rssMax: this.kiosk.rssMax,
    };
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const wallStart = performance.now();
  const plan = makePlan({ seed: o.seed, days: o.days, schemaVersions: kioskMigrations.length });
  const dirs = makeDirs(o.baseDir ?? defaultBase());
  o.out(
    `soak: ${o.days} day(s) from ${iso(plan.start)}, seed ${o.seed} (repeat: npm run soak -- --days ${o.days} --seed ${o.seed})`,
  );
  const clock = { t: plan.start };
  const sb = await startSandbox({
    seed: 'small',
    dataDir: dirs.sandbox,
    keysCacheDir: join(tmpdir(), 'kiosk-soak-keys'),
    now: () => new Date(clock.t),
    certificateValidTo: { [plan.certificate.persona]: new Date(plan.certificate.validTo) },
  });
  const rec = new Recorder();
  const watch: SessionWatch = { signedIn: false, ending: false, endedByKiosk: null };
  const kiosk = new KioskDriver({
    sb,
    clock,
    dirs,
    timeline: plan.timeline,
    seed: o.seed,
    log: LOG,
    rec,
    watch,
    verbose: (line) => (o.verbose ? o.out(line) : undefined),
  });
  const soak = new Soak(o, plan, dirs, sb, kiosk, rec, watch, wallStart);
  let ledger: LedgerReport;
  try {
    ledger = await soak.run();
  } finally {
    await kiosk.kill();
    await sb.close();
    if (!o.keep) rmSync(dirs.root, { recursive: true, force: true });
    else o.out(`kept: ${dirs.root}`);
  }
  const facts = soak.facts(ledger);
  const mix = faultMix(plan, soak.recorder, plan.timeline);
  const violations = violationsOf(facts);
  const wallMs = performance.now() - wallStart;
  for (const line of summaryLines(facts, mix, wallMs)) o.out(line);
  for (const v of violations) o.out(`VIOLATED ${v}`);
  return { figures: figuresOf(facts), violations, wallMs, ledger, faultMix: mix };
}
