/**
 * The soak: a month (or N days) in a clinic on virtual time. The real eHealth sandbox runs here,
 * on the soak's clock; the real kiosk services run in a child process (kiosk-child.ts) on the same
 * clock, on a data directory that outlives every SIGKILL. Patients come and go (patient.ts), the
 * plan's faults hit (plan.ts, timeline.ts), the registrar looks at the kiosk every evening, and
 * after every visit and every day the invariants are checked; the acts are reckoned at the end
 * (ledger.ts). See docs/reliability.md for what it found.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/database';
import { kioskMigrations } from '../../electron/core/db/migrations';
import { startSandbox, SANDBOX_DB_FILE, type SandboxHandle } from '../../electron/sandbox';
import { Prng } from '../bench/lib/prng';
import { alive, checkLogs, dbSizes, DB_BYTES_LIMIT, memoryTrend, WAL_BYTES_LIMIT } from './checks';
import { isDied, KioskProcess, type Died, type KioskProcessHooks } from './kiosk-process';
import { reckon, SIGNED_KINDS, UNSIGNED_ACT_KINDS, type LedgerReport } from './ledger';
import { Visit, type Reply, type SessionWatch } from './patient';
import { PiiScanner, filesIn } from './pii';
import { DAY, HOUR, MINUTE, makePlan, type DayPlan, type SessionPlan, type SoakPlan } from './plan';
import type { KioskConfig, TrapKind } from './protocol';
import { iso, Recorder } from './record';
import { diskFullAt, linkAt, sandboxFaultsAt, type Timeline } from './timeline';

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

/** The figures of the issue's contract, in its order. */
export interface SoakFigures {
  days: number;
  sessions: number;
  signedActs: number;
  delivered: number;
  terminal: Record<string, number>;
  lost: number;
  duplicated: number;
  cutOff: number;
  piiLeft: number;
  dbBytesMax: number;
  rssMiBMax: number;
  auditOk: boolean;
}

export interface SoakResult {
  figures: SoakFigures;
  violations: string[];
  wallMs: number;
  ledger: LedgerReport | null;
  faultMix: string[];
}

const REGISTRAR = { registrarId: 'reg-soak', pin: '48291375' };
/** Small on purpose: the logs of a few days rotate several times. */
const LOG = { maxBytes: 4096, maxFiles: 3 };
const SAMPLE_EVERY = 6 * HOUR;

function defaultBase(): string {
  try {
    if (existsSync('/dev/shm')) {
      const probe = mkdtempSync('/dev/shm/kiosk-soak-probe-');
      rmSync(probe, { recursive: true, force: true });
      return '/dev/shm';
    }
  } catch {
    // not writable: the system temp folder
  }
  return tmpdir();
}

const fmtDuration = (ms: number) =>
  ms >= DAY
    ? `${(ms / DAY).toFixed(1)} d`
    : ms >= HOUR
      ? `${(ms / HOUR).toFixed(1)} h`
      : `${Math.round(ms / MINUTE)} min`;

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const wallStart = performance.now();
  const plan = makePlan({ seed: o.seed, days: o.days, schemaVersions: kioskMigrations.length });
  const root = mkdtempSync(join(o.baseDir ?? defaultBase(), 'kiosk-soak-'));
  const dirs = {
    sandbox: join(root, 'sandbox'),
    kiosk: join(root, 'kiosk'),
    tmp: join(root, 'tmp'),
    media: join(root, 'media'),
    run: join(root, 'run'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true, mode: 0o700 });
  // the TypeScript loader keeps its compile cache in the temporary folder: share the usual one
  // (the kiosk's own temporary folder is scanned for personal data; symbolic links are not followed)
  const tsxCache = `tsx-${process.getuid?.() ?? 0}`;
  mkdirSync(join(tmpdir(), tsxCache), { recursive: true, mode: 0o700 });
  symlinkSync(join(tmpdir(), tsxCache), join(dirs.tmp, tsxCache));
  const rec = new Recorder();
  const rng = new Prng(o.seed ^ 0x5eed);
  const pii = new PiiScanner(new Prng(o.seed ^ 0x9111));
  pii.certificateValidTo = plan.certificate.validTo;
  const timeline: Timeline = plan.timeline;
  const watch: SessionWatch = { signedIn: false, ending: false, endedByKiosk: null };
  const history = new Map<string, { state: string; at: number }[]>();
  const signerPids = new Map<number, number>();
  const piiFound = new Set<string>();
  let T = plan.start;
  let kiosk: KioskProcess | null = null;
  // (read through a function: TypeScript cannot see the closures that set it)
  const current = (): KioskProcess | null => kiosk;
  let generation = 0;
  let expectDeath: string | null = null;
  let armedTrap: TrapKind | null = null;
  let auditOk = true;
  let registrarSignedUp = false;
  let rssMax = 0;
  let dbMax = 0;
  let walMax = 0;
  let sessions = 0;
  let nextSample = plan.start + SAMPLE_EVERY;

  o.out(
    `soak: ${o.days} day(s) from ${iso(plan.start)}, seed ${o.seed} (repeat: npm run soak -- --days ${o.days} --seed ${o.seed})`,
  );
  const sb: SandboxHandle = await startSandbox({
    seed: 'small',
    dataDir: dirs.sandbox,
    keysCacheDir: join(tmpdir(), 'kiosk-soak-keys'),
    now: () => new Date(T),
    certificateValidTo: { [plan.certificate.persona]: new Date(plan.certificate.validTo) },
  });
  const requestTermMs = sb.requestTermHours * HOUR;
  const keyFolder = dirname(dirname(sb.personas[0]?.keyFile ?? ''));
  for (const p of sb.personas) {
    pii.add('name', p.fullName, p.id);
    pii.add('tax id', p.taxId, p.id);
    pii.add('birth date', p.birthDate, p.id);
  }

  const applyEhealthFaults = () => sb.faults.set(sandboxFaultsAt(timeline, T));
  const hooks: KioskProcessHooks = {
    onClock: (t) => {
      if (t > T) T = t;
      applyEhealthFaults();
    },
    onEvent: (name, payload, at) => {
      if (name === 'sessionEnded' && watch.signedIn && !watch.ending)
        watch.endedByKiosk ??= `the kiosk ended the session (${(payload as { reason: string }).reason})`;
      if (name === 'outboxChanged') {
        const v = payload as { id: string; state: string };
        const h = history.get(v.id) ?? [];
        if (h.at(-1)?.state !== v.state) h.push({ state: v.state, at });
        history.set(v.id, h);
      }
    },
    onSigner: (pid) => signerPids.set(pid, generation),
  };

  const kioskNow = () => Math.max(T, kiosk?.now ?? T);

  const onDeath = (d: Died, where: string) => {
    const signal = d.signal ?? `exit ${d.code}`;
    if (expectDeath) rec.count(`kills.${expectDeath}`);
    else if (armedTrap && d.signal === 'SIGKILL') rec.count(`kills.trap.${armedTrap}`);
    else {
      rec.problem(
        'kioskCrash',
        kioskNow(),
        null,
        `${where}: the kiosk process ended (${signal}): ${(d.stderr ?? kiosk?.stderr() ?? '').slice(-1500)}`,
      );
    }
    rec.notes.push(
      `${iso(kioskNow())} kiosk process ended (${expectDeath ?? (armedTrap ? `trap ${armedTrap}` : signal)}) during ${where}`,
    );
    if (o.verbose) o.out(`  ${rec.notes.at(-1)}`);
    armedTrap = null;
    watch.signedIn = false;
  };

  const startKiosk = async (migrationTrap: number | null): Promise<Died | null> => {
    generation++;
    const config: KioskConfig = {
      dataDir: dirs.kiosk,
      tmpDir: dirs.tmp,
      keyFolder,
      ehealth: {
        baseUrl: sb.baseUrl,
        apiKey: sb.apiKey,
        clientId: sb.clientId,
        clientSecret: sb.clientSecret,
        scope: sb.scope,
        requestTermHours: sb.requestTermHours,
      },
      tsaUrl: sb.tsaUrl,
      start: kioskNow(),
      timeline,
      seed: o.seed * 1000 + generation,
      migrationTrap,
      log: LOG,
      version: 'soak',
    };
    const realStart = performance.now();
    const k = await KioskProcess.start(config, hooks, { configDir: dirs.run });
    rec.count('kiosk.start-ms', Math.round(performance.now() - realStart));
    if (isDied(k)) return k;
    kiosk = k;
    rec.count('kiosk.starts');
    return null;
  };

  const ensureKiosk = async (): Promise<KioskProcess> => {
    for (let tries = 0; tries < 3; tries++) {
      if (kiosk?.alive) return kiosk;
      const died = await startKiosk(null);
      if (died) onDeath(died, 'start-up');
    }
    throw new Error(`the kiosk process does not start: ${rec.problemsOf('kioskCrash').at(-1)?.detail ?? ''}`);
  };

  const setTrap = (trap: TrapKind | null) => {
    armedTrap = trap;
    kiosk?.setTrap(trap);
  };

  const sample = async () => {
    const k = await ensureKiosk();
    const stats = await k.stats();
    const sizes = dbSizes(dirs.kiosk);
    dbMax = Math.max(dbMax, sizes.dbBytes);
    walMax = Math.max(walMax, sizes.walBytes);
    if (stats) {
      rssMax = Math.max(rssMax, stats.rssBytes);
      rec.samples.push({
        at: kioskNow(),
        pid: k.pid,
        rssBytes: stats.rssBytes,
        heapUsedBytes: stats.heapUsedBytes,
        ...sizes,
      });
      for (const [key, n] of Object.entries(stats.requests)) rec.counters.set(`requests.${key}.${k.pid}`, n);
      rec.counters.set(`stuck.${k.pid}`, stats.stuckWaits);
    }
  };

  /** Runs time to `target`, restarting the kiosk whenever it dies; samples every six hours. */
  const advanceTo = async (target: number) => {
    while (kioskNow() < target) {
      const k = await ensureKiosk();
      const step = Math.min(target, Math.max(nextSample, kioskNow() + 1));
      const died = await k.advance(step);
      if (died) {
        onDeath(died, 'a quiet moment');
        continue;
      }
      T = Math.max(T, k.now);
      if (kioskNow() >= nextSample) {
        nextSample += SAMPLE_EVERY;
        await sample();
      }
    }
  };

  const troubleNow = (): string | null => {
    const now = kioskNow();
    for (const t of [now, now - 2 * MINUTE]) {
      const link = linkAt(timeline, t);
      if (link) return link.fault;
      if (diskFullAt(timeline, t)) return 'disk full';
      const f = sandboxFaultsAt(timeline, t);
      if ((f.errorRate ?? 0) > 0) return `eHealth ${f.errorStatus} storm`;
      if (f.drop && f.drop !== 'none') return `dropped connections (${f.drop})`;
    }
    return null;
  };

  const smsCodes = async (phone: string): Promise<string[]> => {
    const r = await fetch(`${sb.baseUrl}/sandbox/sms?phone=${encodeURIComponent(phone)}`);
    const body = (await r.json()) as { data: { code: string }[] };
    return body.data.map((m) => m.code);
  };

  const scanPii = (owner?: string) => {
    const receipts = filesIn(join(dirs.kiosk, 'receipts'));
    for (const f of receipts) piiFound.add(`${f}|receipt file`);
    for (const hit of pii.scan([dirs.kiosk, dirs.tmp], root, false, owner))
      piiFound.add(`${hit.file}|${hit.label}`);
  };

  const visit = async (sp: SessionPlan): Promise<string> => {
    await ensureKiosk();
    pii.owner = sp.persona;
    const v = new Visit(
      {
        call: async (channel, payload) => {
          const k = await ensureKiosk();
          const r = await k.call(channel, payload);
          if (isDied(r)) onDeath(r, `${sp.id} ${channel}`);
          else T = Math.max(T, k.now);
          return r;
        },
        pause: async (ms) => {
          const k = await ensureKiosk();
          const died = await k.advance(kioskNow() + ms);
          if (died) {
            onDeath(died, `${sp.id} pause`);
            return false;
          }
          T = Math.max(T, k.now);
          return true;
        },
        now: kioskNow,
        dropLink: (fault, ms, note) => {
          const from = kioskNow();
          if (fault === 'drop-after-commit' || fault === 'drop-before-commit')
            timeline.drops.push({
              from,
              to: from + ms,
              drop: fault === 'drop-after-commit' ? 'after-commit' : 'before-commit',
              rate: 0.6,
            });
          else timeline.link.push({ from, to: from + ms, fault, note });
          kiosk?.setTimeline(timeline);
          rec.notes.push(`${iso(from)} ${fault} for ${fmtDuration(ms)}: ${note}`);
        },
        setTrap,
        smsCodes,
        password: (persona) => sb.personas.find((p) => p.id === persona)?.password ?? '',
        troubleNow,
        rec,
        pii,
        watch,
        rng,
      },
      sp,
    );
    const problemsBefore = rec.problems.length;
    const notesBefore = rec.notes.length;
    const realStart = performance.now();
    const outcome = await v.run();
    sessions++;
    if (o.verbose) {
      o.out(
        `  ${iso(sp.at)} ${sp.id} ${sp.persona} [${sp.intents.join(',')}]${sp.trap ? ` trap ${sp.trap}` : ''} → ${outcome} at ${iso(kioskNow())} (${Math.round(performance.now() - realStart)} ms)`,
      );
      for (const p of rec.problems.slice(problemsBefore)) o.out(`    ${p.kind}: ${p.detail}`);
      for (const n of rec.notes.slice(notesBefore)) o.out(`    - ${n}`);
    }
    rec.count(`visits.${outcome}`);
    scanPii(sp.persona);
    return outcome;
  };

  /**
   * The registrar's evening look: sign in, the outbox's ended operations (what the panel shows),
   * the audit chain check; with `syncTrap`, a directory sync the kiosk dies in the middle of.
   */
  const registrarRound = async (syncTrap = false): Promise<Map<string, string | null> | null> => {
    const call = async (channel: string, payload: unknown): Promise<Reply | null> => {
      const k = await ensureKiosk();
      const r = await k.call(channel, payload);
      if (isDied(r)) {
        onDeath(r, `registrar ${channel}`);
        return null;
      }
      return r as Reply;
    };
    const signIn = await call(registrarSignedUp ? 'registrarSignIn' : 'registrarSetFirstPin', REGISTRAR);
    if (!signIn?.ok) {
      rec.problem(
        'registrar',
        kioskNow(),
        null,
        `registrar sign-in: ${signIn ? signIn.error.code : 'kiosk died'}`,
      );
      return null;
    }
    registrarSignedUp = true;
    const view = new Map<string, string | null>();
    const list = await call('registrarOutboxList', {
      states: ['rejected', 'needs-patient', 'expired'],
      limit: 200,
    });
    if (list?.ok)
      for (const op of list.value.operations as { id: string; errorCode: string | null }[])
        view.set(op.id, op.errorCode);
    const verify = await call('registrarAuditVerify', {});
    if (verify?.ok && !verify.value.ok) {
      auditOk = false;
      rec.problem(
        'audit',
        kioskNow(),
        null,
        `audit chain broken at entry ${verify.value.brokenAt} of ${verify.value.entries}`,
      );
    } else if (!verify?.ok)
      rec.problem('registrar', kioskNow(), null, `audit check: ${verify ? verify.error.code : 'kiosk died'}`);
    if (syncTrap) {
      setTrap('sync');
      const started = await call('registrarDirectorySync', {});
      // the sync runs on: the kiosk dies at its first progress
      if (started) await advanceTo(kioskNow() + 10 * MINUTE);
      if (armedTrap === 'sync') {
        setTrap(null);
        rec.count('trap.not-reached');
      } else return view;
    }
    await call('registrarSignOut', {});
    return view;
  };

  const pendingActs = (): number => {
    const db = new Database(join(dirs.kiosk, 'kiosk.db'), { readonly: true, fileMustExist: true });
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
  };

  const checkOrphans = async () => {
    await new Promise((r) => setTimeout(r, 300));
    for (const [pid, gen] of signerPids) {
      if (gen === generation && kiosk?.alive) continue;
      if (alive(pid)) {
        rec.problem('orphanSigner', kioskNow(), null, `signer ${pid} outlived its kiosk process`);
        process.kill(pid, 'SIGKILL');
      }
      signerPids.delete(pid);
    }
  };

  const reckoning = (registrarView: Map<string, string | null> | null, final: boolean): LedgerReport =>
    reckon({
      kioskDb: join(dirs.kiosk, 'kiosk.db'),
      sandboxDb: join(dirs.sandbox, SANDBOX_DB_FILE),
      receipts: rec.acts,
      registrarView,
      requestTermMs,
      history,
      final,
    });

  let problemsReported = 0;
  let lostSeen = 0;
  let duplicatedSeen = 0;
  const dayLine = (d: DayPlan, ledger: LedgerReport) => {
    const s = ledger.signed;
    const fresh = new Map<string, number>();
    for (const p of rec.problems.slice(problemsReported))
      if (p.kind !== 'unexpectedError') fresh.set(p.kind, (fresh.get(p.kind) ?? 0) + 1);
    problemsReported = rec.problems.length;
    if (s.lost > lostSeen) fresh.set('lost', s.lost - lostSeen);
    if (s.duplicated > duplicatedSeen) fresh.set('duplicated', s.duplicated - duplicatedSeen);
    lostSeen = s.lost;
    duplicatedSeen = s.duplicated;
    const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const sizes = dbSizes(dirs.kiosk);
    const last = rec.samples.at(-1);
    o.out(
      `day ${d.day} (${names[d.weekday]} ${iso(d.start + 2 * HOUR).slice(0, 10)}): ${d.sessions.length} planned visits, ` +
        `signed acts so far ${s.acts} (delivered ${s.delivered}, terminal ${Object.values(s.terminal).reduce((a, b) => a + b, 0)}, ` +
        `pending ${s.pending}, lost ${s.lost}, duplicated ${s.duplicated}); db ${(sizes.dbBytes / 1048576).toFixed(1)} MiB, ` +
        `rss ${last ? (last.rssBytes / 1048576).toFixed(0) : '?'} MiB, kiosk starts ${rec.get('kiosk.starts')}, ` +
        `wall ${((performance.now() - wallStart) / 1000).toFixed(0)} s` +
        (fresh.size
          ? ` — BROKEN today: ${[...fresh].map(([k, n]) => `${k} ×${n}`).join(', ')}`
          : ' — invariants hold'),
    );
  };

  let ledger: LedgerReport | null = null;
  const violations: string[] = [];
  try {
    // an update: the kiosk finds its database at an older schema and dies inside the migrations
    const old = openDatabase(join(dirs.kiosk, 'kiosk.db'), kioskMigrations.slice(0, plan.oldSchemaVersion));
    old.close();
    for (const version of plan.migrationTraps) {
      expectDeath = `migration ${version}`;
      const died = await startKiosk(version);
      if (died) onDeath(died, `migration to version ${version}`);
      else rec.problem('migration', T, null, `the kiosk did not die inside migration ${version}`);
      expectDeath = null;
      const db = new Database(join(dirs.kiosk, 'kiosk.db'), { readonly: true });
      const version_ = db.pragma('user_version', { simple: true }) as number;
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      db.close();
      if (version_ !== version - 1 || integrity !== 'ok')
        rec.problem(
          'migration',
          T,
          null,
          `after a kill inside migration ${version}: schema ${version_}, integrity ${integrity}`,
        );
    }
    await ensureKiosk();
    await advanceTo(plan.start + 6 * HOUR);
    const excluded = pii.baseline([dirs.kiosk, dirs.tmp]);
    if (excluded.length)
      o.out(
        `personal-data check: ${excluded.length} value(s) left out, found before any visit (${[...new Set(excluded)].join(', ')})`,
      );

    for (const d of plan.dayPlans) {
      for (const sp of d.sessions) {
        await advanceTo(Math.max(sp.at, kioskNow()));
        const outcome = await visit(sp);
        if (outcome === 'crashed') {
          // the kiosk came back; the patient signs in again to see where things stand
          await visit({
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
      await advanceTo(Math.max(d.registrarAt, kioskNow()));
      await registrarRound(d.syncTrap);
      const nightEnd = d.start + DAY;
      for (const delay of d.nightKills) {
        const k = await ensureKiosk();
        const target = Math.min(nightEnd, kioskNow() + Math.floor((nightEnd - kioskNow()) / 2));
        const advancing = k.advance(target);
        const timer = setTimeout(() => {
          expectDeath = 'random';
          void k.kill();
        }, delay);
        let died = await advancing;
        clearTimeout(timer);
        if (!died) {
          expectDeath = 'random';
          died = await k.kill();
        }
        onDeath(died, 'the night');
        expectDeath = null;
      }
      await advanceTo(nightEnd);
      await checkOrphans();
      scanPii();
      const logs = checkLogs(dirs.kiosk, LOG.maxBytes, LOG.maxFiles);
      if (logs.problem) rec.problem('logs', kioskNow(), null, logs.problem);
      if (logs.rotated) rec.count('logs.rotated-days');
      ledger = reckoning(null, false);
      dayLine(d, ledger);
    }

    // the end: the network comes back for good and the kiosk delivers what waits
    const endAt = kioskNow();
    for (const list of Object.values(timeline) as { from: number; to: number }[][])
      for (const w of list) w.to = Math.min(w.to, endAt);
    current()?.setTimeline(timeline);
    let drainHours = 0;
    while (pendingActs() > 0 && drainHours < 72) {
      await advanceTo(kioskNow() + HOUR);
      drainHours++;
    }
    o.out(`final drain: ${drainHours} h with the network back`);
    const view = await registrarRound();
    const k = await ensureKiosk();
    await k.stop();
    await checkOrphans();
    scanPii();
    const sizes = dbSizes(dirs.kiosk);
    dbMax = Math.max(dbMax, sizes.dbBytes);
    walMax = Math.max(walMax, sizes.walBytes);
    ledger = reckoning(view, true);
  } finally {
    const last = current();
    if (last?.alive) await last.kill();
    await sb.close();
    if (!o.keep) rmSync(root, { recursive: true, force: true });
    else o.out(`kept: ${root}`);
  }

  // --- verdicts
  const signed = ledger.signed;
  const unsigned = ledger.unsigned;
  const cutOff = rec.problemsOf('cutOff').length;
  const figures: SoakFigures = {
    days: o.days,
    sessions,
    signedActs: signed.acts,
    delivered: signed.delivered,
    terminal: { rejected: 0, 'needs-patient': 0, expired: 0, ...signed.terminal },
    lost: signed.lost,
    duplicated: signed.duplicated,
    cutOff,
    piiLeft: piiFound.size,
    dbBytesMax: dbMax,
    rssMiBMax: Math.round(rssMax / 1048576),
    auditOk,
  };
  const mem = memoryTrend(rec.samples);
  const describe = (verdict: string) =>
    ledger?.details
      .filter((a) => a.verdict === verdict)
      .slice(0, 10)
      .map((a) => `${a.kind} ${a.id.slice(0, 8)}: ${a.reason}`)
      .join('; ');
  if (signed.lost) violations.push(`lost: ${signed.lost} signed act(s) — ${describe('lost')}`);
  if (signed.duplicated)
    violations.push(`duplicated: ${signed.duplicated} signed act(s) — ${describe('duplicated')}`);
  if (signed.misreported + unsigned.misreported)
    violations.push(
      `misreported: ${signed.misreported + unsigned.misreported} act(s) — ${describe('misreported')}`,
    );
  if (unsigned.lost || unsigned.duplicated)
    violations.push(`terminations/revocations: ${unsigned.lost} lost, ${unsigned.duplicated} duplicated`);
  if (ledger.vanished.length) violations.push(`receipts without an operation: ${ledger.vanished.length}`);
  if (cutOff)
    violations.push(
      `cutOff: ${cutOff} active patient(s) cut off — ${rec
        .problemsOf('cutOff')
        .slice(0, 5)
        .map((p) => `${p.session} at ${iso(p.at)}: ${p.detail}`)
        .join('; ')}`,
    );
  if (piiFound.size)
    violations.push(
      `piiLeft: ${[...piiFound]
        .slice(0, 10)
        .map((h) => h.replace('|', ': '))
        .join('; ')}`,
    );
  if (!auditOk)
    violations.push(
      `auditOk: ${rec
        .problemsOf('audit')
        .map((p) => p.detail)
        .join('; ')}`,
    );
  if (dbMax > DB_BYTES_LIMIT) violations.push(`database ${dbMax} bytes (bound ${DB_BYTES_LIMIT})`);
  if (walMax > WAL_BYTES_LIMIT) violations.push(`WAL ${walMax} bytes (bound ${WAL_BYTES_LIMIT})`);
  if (mem.problem) violations.push(`memory: ${mem.problem}`);
  for (const kind of [
    'stuckSession',
    'signInRefused',
    'internalError',
    'kioskCrash',
    'kioskStuck',
    'orphanSigner',
    'migration',
    'logs',
    'registrar',
  ]) {
    const list = rec.problemsOf(kind);
    if (list.length)
      violations.push(
        `${kind}: ${list.length} — ${list
          .slice(0, 5)
          .map((p) => `${p.session ?? ''} ${iso(p.at)} ${p.detail}`.trim())
          .join('; ')}`,
      );
  }

  const faultMix = describeMix(plan, rec, timeline);
  o.out(`fault mix: ${faultMix.join('; ')}`);
  o.out(
    `acts: ${signed.acts} signed (${signed.delivered} delivered, terminal ${JSON.stringify(signed.terminalReasons)}), ` +
      `${unsigned.acts} terminations/revocations (${unsigned.delivered} delivered, terminal ${JSON.stringify(unsigned.terminalReasons)})`,
  );
  o.out(
    `visits: ${sessions} (${['done', 'refused', 'unavailable', 'crashed', 'cut-off', 'stuck'].map((k) => `${k} ${rec.get(`visits.${k}`)}`).join(', ')})`,
  );
  o.out(
    `memory: ${mem.note}; database max ${(dbMax / 1048576).toFixed(1)} MiB (WAL max ${(walMax / 1048576).toFixed(1)} MiB); logs rotated on ${rec.get('logs.rotated-days')} day(s)`,
  );
  const notable = rec.problems.filter((p) => p.kind === 'unexpectedError');
  if (notable.length)
    o.out(
      `noted (not invariants): ${notable.length} — ${notable
        .slice(0, 8)
        .map((p) => `${p.session ?? ''} ${p.detail}`)
        .join('; ')}`,
    );
  const stuck = [...rec.counters].filter(([k]) => k.startsWith('stuck.')).reduce((a, [, n]) => a + n, 0);
  if (stuck)
    o.out(
      `note: ${stuck} time(s) real I/O took over a minute and virtual time moved on (a very busy machine)`,
    );
  const wallMs = performance.now() - wallStart;
  o.out(`wall time ${(wallMs / 1000).toFixed(0)} s`);
  for (const v of violations) o.out(`VIOLATED ${v}`);
  return { figures, violations, wallMs, ledger, faultMix };
}

function describeMix(plan: SoakPlan, rec: Recorder, tl: Timeline): string[] {
  const byFault = new Map<string, { n: number; ms: number; longest: number }>();
  const add = (k: string, ms: number) => {
    const e = byFault.get(k) ?? { n: 0, ms: 0, longest: 0 };
    e.n++;
    e.ms += ms;
    e.longest = Math.max(e.longest, ms);
    byFault.set(k, e);
  };
  for (const w of tl.link)
    add(
      w.fault === 'slow'
        ? `slow link`
        : w.fault === 'ehealth-down'
          ? 'eHealth down'
          : w.fault === 'down'
            ? 'link down'
            : w.fault,
      w.to - w.from,
    );
  for (const w of tl.storms) add(`${w.status} storm`, w.to - w.from);
  for (const w of tl.drops) add(`dropped connections ${w.drop}`, w.to - w.from);
  for (const w of tl.diskFull) add('disk full', w.to - w.from);
  for (const w of tl.clockSteps) add(`clock ${w.offsetMs > 0 ? '+' : '−'}1 h`, w.to - w.from);
  for (const w of tl.drift) add('clock drift', w.to - w.from);
  const mix = [...byFault].map(
    ([k, e]) => `${k} ×${e.n} (${fmtDuration(e.ms)} in all, longest ${fmtDuration(e.longest)})`,
  );
  const kills = [...rec.counters].filter(([k]) => k.startsWith('kills.'));
  mix.push(`SIGKILL ${kills.map(([k, n]) => `${k.slice(6)} ×${n}`).join(', ')}`);
  mix.push(`certificate of ${plan.certificate.persona} ends ${iso(plan.certificate.validTo)}`);
  return mix;
}
