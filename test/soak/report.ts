/**
 * The soak's verdict: the figures of the contract (the `--json` line), the invariants that broke
 * (each with the acts, visits or files behind it), and the lines that say what the run went
 * through (the fault mix, the acts, the visits, memory and disk).
 */
import { DB_BYTES_LIMIT, memoryTrend, WAL_BYTES_LIMIT } from './checks';
import type { LedgerReport, Verdict } from './ledger';
import { DAY, HOUR, MINUTE, type SoakPlan } from './plan';
import { iso, type Recorder } from './record';
import type { Timeline } from './timeline';

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

export interface RunFacts {
  days: number;
  sessions: number;
  ledger: LedgerReport;
  rec: Recorder;
  piiFound: ReadonlySet<string>;
  auditOk: boolean;
  dbMax: number;
  walMax: number;
  rssMax: number;
}

/** Problems that break an invariant of their own (beyond lost, duplicated, cut off, personal data). */
const PROBLEM_INVARIANTS = [
  'stuckSession',
  'signInRefused',
  'internalError',
  'kioskCrash',
  'kioskStuck',
  'orphanSigner',
  'migration',
  'logs',
  'registrar',
];

export const fmtDuration = (ms: number): string =>
  ms >= DAY
    ? `${(ms / DAY).toFixed(1)} d`
    : ms >= HOUR
      ? `${(ms / HOUR).toFixed(1)} h`
      : `${Math.round(ms / MINUTE)} min`;

export function figuresOf(f: RunFacts): SoakFigures {
  const signed = f.ledger.signed;
  return {
    days: f.days,
    sessions: f.sessions,
    signedActs: signed.acts,
    delivered: signed.delivered,
    terminal: { rejected: 0, 'needs-patient': 0, expired: 0, ...signed.terminal },
    lost: signed.lost,
    duplicated: signed.duplicated,
    cutOff: f.rec.problemsOf('cutOff').length,
    piiLeft: f.piiFound.size,
    dbBytesMax: f.dbMax,
    rssMiBMax: Math.round(f.rssMax / 1048576),
    auditOk: f.auditOk,
  };
}

/** Every invariant that broke, with what broke it. */
export function violationsOf(f: RunFacts): string[] {
  const { ledger, rec } = f;
  const signed = ledger.signed;
  const unsigned = ledger.unsigned;
  const describe = (verdict: Verdict) =>
    ledger.details
      .filter((a) => a.verdict === verdict)
      .slice(0, 10)
      .map((a) => `${a.kind} ${a.id.slice(0, 8)}: ${a.reason}`)
      .join('; ');
  const examples = (kind: string) =>
    rec
      .problemsOf(kind)
      .slice(0, 5)
      .map((p) => `${p.session ?? ''} ${iso(p.at)} ${p.detail}`.trim())
      .join('; ');
  const v: string[] = [];
  if (signed.lost) v.push(`lost: ${signed.lost} signed act(s) — ${describe('lost')}`);
  if (signed.duplicated) v.push(`duplicated: ${signed.duplicated} signed act(s) — ${describe('duplicated')}`);
  const misreported = signed.misreported + unsigned.misreported;
  if (misreported) v.push(`misreported: ${misreported} act(s) — ${describe('misreported')}`);
  if (unsigned.lost || unsigned.duplicated)
    v.push(`terminations/revocations: ${unsigned.lost} lost, ${unsigned.duplicated} duplicated`);
  if (ledger.vanished.length) v.push(`receipts without an operation: ${ledger.vanished.length}`);
  const cutOff = rec.problemsOf('cutOff').length;
  if (cutOff) v.push(`cutOff: ${cutOff} active patient(s) cut off — ${examples('cutOff')}`);
  if (f.piiFound.size)
    v.push(
      `piiLeft: ${[...f.piiFound]
        .slice(0, 10)
        .map((h) => h.replace('|', ': '))
        .join('; ')}`,
    );
  if (!f.auditOk) v.push(`auditOk: ${examples('audit')}`);
  if (f.dbMax > DB_BYTES_LIMIT) v.push(`database ${f.dbMax} bytes (bound ${DB_BYTES_LIMIT})`);
  if (f.walMax > WAL_BYTES_LIMIT) v.push(`WAL ${f.walMax} bytes (bound ${WAL_BYTES_LIMIT})`);
  const mem = memoryTrend(rec.samples);
  if (mem.problem) v.push(`memory: ${mem.problem}`);
  for (const kind of PROBLEM_INVARIANTS) {
    const n = rec.problemsOf(kind).length;
    if (n) v.push(`${kind}: ${n} — ${examples(kind)}`);
  }
  return v;
}

/** What the run went through: windows of each fault (count, total and longest), kills by kind. */
export function faultMix(plan: SoakPlan, rec: Recorder, tl: Timeline): string[] {
  const byFault = new Map<string, { n: number; ms: number; longest: number }>();
  const add = (k: string, ms: number) => {
    const e = byFault.get(k) ?? { n: 0, ms: 0, longest: 0 };
    e.n++;
    e.ms += ms;
    e.longest = Math.max(e.longest, ms);
    byFault.set(k, e);
  };
  const linkName = { down: 'link down', 'ehealth-down': 'eHealth down', slow: 'slow link' } as Record<
    string,
    string
  >;
  for (const w of tl.link) add(linkName[w.fault] ?? w.fault, w.to - w.from);
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

/** The summary after the run (before the violations and the JSON line). */
export function summaryLines(f: RunFacts, mix: string[], wallMs: number): string[] {
  const { ledger, rec } = f;
  const s = ledger.signed;
  const u = ledger.unsigned;
  const mem = memoryTrend(rec.samples);
  const visits = ['done', 'refused', 'unavailable', 'crashed', 'cut-off', 'stuck']
    .map((k) => `${k} ${rec.get(`visits.${k}`)}`)
    .join(', ');
  const lines = [
    `fault mix: ${mix.join('; ')}`,
    `acts: ${s.acts} signed (${s.delivered} delivered, terminal ${JSON.stringify(s.terminalReasons)}), ` +
      `${u.acts} terminations/revocations (${u.delivered} delivered, terminal ${JSON.stringify(u.terminalReasons)})`,
    `visits: ${f.sessions} (${visits})`,
    `memory: ${mem.note}; database max ${(f.dbMax / 1048576).toFixed(1)} MiB (WAL max ${(f.walMax / 1048576).toFixed(1)} MiB); logs rotated on ${rec.get('logs.rotated-days')} day(s)`,
  ];
  const noted = rec.problems.filter((p) => p.kind === 'unexpectedError');
  if (noted.length)
    lines.push(
      `noted (not invariants): ${noted.length} — ${noted
        .slice(0, 8)
        .map((p) => `${p.session ?? ''} ${p.detail}`)
        .join('; ')}`,
    );
  const stuck = [...rec.counters].filter(([k]) => k.startsWith('stuck.')).reduce((a, [, n]) => a + n, 0);
  if (stuck)
    lines.push(
      `note: ${stuck} time(s) real I/O took over a minute and virtual time moved on (a very busy machine)`,
    );
  lines.push(`wall time ${(wallMs / 1000).toFixed(0)} s`);
  return lines;
}
