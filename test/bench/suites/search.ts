/**
 * 1. Directory search: the kiosk's search (in-memory word-prefix index, precomputed clinic order) over a
 * fixed set of varied queries, at national scale and at ten times that, against a plain LIKE scan
 * of the same table with the same filters, count, order and page (like-search.ts). Both run on the
 * same database, query by query, alternating which goes first; their answers are compared.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../electron/core/db/database';
import { openKioskDatabase } from '../../../electron/core/db/kiosk-db';
import { readClinic, type ClinicLocation } from '../../../electron/core/directory/clinic';
import { DirectoryService } from '../../../electron/core/directory/directory-service';
import { directoryFolder, generations } from '../../../electron/core/directory/generation';
import { DirectoryStore } from '../../../electron/core/directory/store';
import { GROUPS, type BenchContext } from '../lib/context';
import { Prng } from '../lib/prng';
import { formatNumber, type BenchResult } from '../lib/results';
import { summarize, type Summary } from '../lib/stats';
import { likeSearch, prepareLikeBaseline } from './like-search';
import { buildQueries, type BenchQuery, type DoctorSample } from './search-queries';
import { growDirectory } from './synthesize';

const WARM_UP = 30;

/** A kiosk knows its clinic: its doctors first, then by distance (here: a clinic in Kyiv). */
function kyivClinic(gen: Db, seed: number): ClinicLocation {
  const rnd = new Prng(seed);
  const entities = gen
    .prepare("SELECT DISTINCT legal_entity_id FROM dir_doctors WHERE settlement_norm = 'київ'")
    .pluck()
    .all() as string[];
  return {
    latitude: 50.4501,
    longitude: 30.5234,
    ...(entities.length ? { legalEntityId: rnd.pick(entities.sort()) } : {}),
  };
}

/** The environment of the bench's kiosks (the settings' default): the synced directory is its. */
const ENVIRONMENT = 'training';

/** A search tier: a data directory with one directory generation (writable here) and the clinic set. */
interface Tier {
  gen: Db;
  service: DirectoryService;
  close(): void;
}

function openTier(dir: string, gen: Db, clinic: ClinicLocation): Tier {
  prepareLikeBaseline(gen, clinic);
  const db = openKioskDatabase(dir);
  const store = new DirectoryStore({ dataDir: dir, environment: ENVIRONMENT, clinic: () => readClinic(db) });
  const service = new DirectoryService({ db, store, api: null });
  const r = service.setClinic(clinic);
  if (!r.ok) throw new Error(`clinic: ${r.error.message}`);
  return {
    gen,
    service,
    close() {
      service.close();
      store.close();
      db.close();
      gen.close();
    },
  };
}

function copyGeneration(from: string, toDir: string): Db {
  mkdirSync(directoryFolder(toDir, ENVIRONMENT), { recursive: true });
  const file = join(directoryFolder(toDir, ENVIRONMENT), 'gen-1.db');
  copyFileSync(from, file);
  return new Database(file);
}

interface TierRun {
  doctors: number;
  /** ours over every query */
  all: Summary;
  /** ours and the LIKE scan over the compared queries (all of them, or every k-th at the larger tier) */
  ours: Summary;
  like: Summary;
  compared: number;
  agree: number;
  hits: number;
}

/**
 * Runs every query through the kiosk's search; every `likeEvery`-th one also through the LIKE
 * scan (a full scan per query is too slow to repeat 500 times at ten times national scale).
 */
function runTier(tier: Tier, queries: readonly BenchQuery[], likeEvery: number): TierRun {
  const { service, gen: db } = tier;
  const all: number[] = [];
  const ours: number[] = [];
  const like: number[] = [];
  let agree = 0;
  let hits = 0;
  const once = (q: BenchQuery, timed: boolean, i: number) => {
    const compare = i % likeEvery === 0;
    const timeIt = <T>(fn: () => T): [T, number] => {
      const t = performance.now();
      const v = fn();
      return [v, performance.now() - t];
    };
    const runOurs = () => timeIt(() => service.search(q.query));
    const runLike = () => timeIt(() => likeSearch(db, q.query));
    // alternate which goes first, so that neither always meets the other's warm cache
    let a: ReturnType<typeof runOurs>;
    let b: ReturnType<typeof runLike> | null = null;
    if (!compare) a = runOurs();
    else if (i % 2 === 0) {
      a = runOurs();
      b = runLike();
    } else {
      b = runLike();
      a = runOurs();
    }
    const [answer, oursMs] = a;
    if (!answer.ok) throw new Error(`search failed for ${JSON.stringify(q.query)}: ${answer.error.code}`);
    if (!timed) return;
    all.push(oursMs);
    hits += answer.value.total;
    if (!b) return;
    const [baseline, likeMs] = b;
    ours.push(oursMs);
    like.push(likeMs);
    const page = answer.value.items.map((d) => d.employeeId).join();
    if (baseline && baseline.total === answer.value.total && baseline.page.join() === page) agree++;
  };
  queries.slice(0, WARM_UP).forEach((q, i) => once(q, false, i));
  queries.forEach((q, i) => once(q, true, i));
  const doctors = (db.prepare('SELECT count(*) AS n FROM dir_doctors').get() as { n: number }).n;
  return {
    doctors,
    all: summarize(all),
    ours: summarize(ours),
    like: summarize(like),
    compared: like.length,
    agree,
    hits,
  };
}

const ms = (v: number) => `${formatNumber(v)} ms`;

const TARGETS: Record<string, Partial<Record<'p50' | 'p95' | 'p99', BenchResult['target']>>> = {
  national: { p95: { text: '≤ 2 ms', max: 2 }, p99: { text: '≤ 5 ms', max: 5 } },
  '×10': { p95: { text: '≤ 20 ms', max: 20 } },
};

function report(ctx: BenchContext, tier: string, run: TierRun): void {
  const subset = run.compared < run.all.n;
  for (const p of ['p50', 'p95', 'p99'] as const) {
    ctx.add({
      group: GROUPS.search,
      name: `${tier} (${formatNumber(run.doctors)} doctors): ${p}`,
      value: run.ours[p],
      unit: 'ms',
      detail: subset
        ? `${run.compared} compared queries (1 in ${Math.round(run.all.n / run.compared)}); ours over all ${run.all.n}: ${ms(run.all[p])}`
        : `${run.all.n} queries${p === 'p50' ? `, mean ${formatNumber(run.hits / run.all.n)} hits` : ''}`,
      baseline: { name: 'plain LIKE scan, same filters/order/page', value: run.like[p] },
      better: 'lower',
      ...(TARGETS[tier]?.[p] ? { target: TARGETS[tier][p] } : {}),
    });
  }
  ctx.note(
    GROUPS.search,
    `${tier}: the kiosk's search and the LIKE scan returned the same total and the same page for ${run.agree} of ${run.compared} compared queries; slowest query ${ms(run.all.max)} (LIKE ${ms(run.like.max)}); kiosk search over all ${run.all.n} queries: p50 ${ms(run.all.p50)}, p95 ${ms(run.all.p95)}, p99 ${ms(run.all.p99)}.`,
  );
}

export async function benchSearch(ctx: BenchContext): Promise<void> {
  if (!ctx.syncedDir)
    throw new Error('the search benchmark needs a synced directory (run the sync benchmark first)');
  const { searchDoctors, searchFactor, queries: count } = ctx.sizes;
  const synced = generations(directoryFolder(ctx.syncedDir, ENVIRONMENT))[0];
  if (!synced) throw new Error('the synced data directory holds no directory generation');

  const dirA = join(ctx.tmp, 'search-national');
  const dirB = join(ctx.tmp, `search-x${searchFactor}`);
  const genA = copyGeneration(synced.file, dirA);
  const syncedDoctors = (genA.prepare('SELECT count(*) AS n FROM dir_doctors').get() as { n: number }).n;
  ctx.progress(`search: first tier from ${formatNumber(syncedDoctors)} synced doctors`);
  const toppedUp = growDirectory(genA, searchDoctors, ctx.seed);
  const clinic = kyivClinic(genA, ctx.seed);
  const a = openTier(dirA, genA, clinic);
  const doctors = genA
    .prepare('SELECT full_name, settlement, area FROM dir_doctors ORDER BY employee_id')
    .all() as DoctorSample[];
  const queries = buildQueries(doctors, count, ctx.seed);
  ctx.progress(`search: ${queries.length} queries over ${formatNumber(doctors.length)} doctors`);
  const runA = runTier(a, queries, 1);
  a.close();

  ctx.progress(`search: building the ×${searchFactor} tier`);
  const genB = copyGeneration(join(directoryFolder(dirA, ENVIRONMENT), 'gen-1.db'), dirB);
  // copies keep their doctor's division, place and limits
  growDirectory(genB, runA.doctors * searchFactor, ctx.seed + 1);
  const b = openTier(dirB, genB, clinic);
  ctx.progress(`search: ${queries.length} queries over ${formatNumber(runA.doctors * searchFactor)} doctors`);
  const runB = runTier(b, queries, Math.max(1, Math.ceil(queries.length / ctx.sizes.likeQueriesAtScale)));
  b.close();

  const tierName = ctx.sizes.seed === 'national' ? 'national' : 'small seed, grown';
  report(ctx, tierName, runA);
  report(ctx, `×${searchFactor}`, runB);
  const kinds = new Map<string, number>();
  for (const q of queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  ctx.note(
    GROUPS.search,
    `First tier: ${formatNumber(syncedDoctors)} doctors synced from the sandbox${toppedUp ? ` + ${formatNumber(toppedUp)} synthesised` : ''}; the ×${searchFactor} tier adds copies of those rows under varied names (seeded, deterministic). Clinic set (Kyiv) so results come in clinic/distance order, as at a kiosk. ${WARM_UP} warm-up queries first. Query mix: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}.`,
  );
}
