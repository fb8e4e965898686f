/**
 * 2. Directory sync from the sandbox: full replications into empty kiosk databases and
 * incremental ones (`depth` = days since the last sync), in a kiosk process of their own, each
 * against the raw download of the same bulk endpoints (HTTP GET on a fresh connection + JSON.parse, nothing
 * validated or written) made right after it by the same process.
 */
import { bundledWorkerEnv } from '../lib/bundles';
import { runJsonChild } from '../lib/child';
import { GROUPS, type BenchContext } from '../lib/context';
import { formatNumber } from '../lib/results';
import { median } from '../lib/stats';

interface Timed {
  ms: number;
  rows: number;
}
interface SyncTimed extends Timed {
  depth: number | null;
  doctors: number;
  /** Longest stall of the main thread during the sync, and over as long idle right after (watched syncs). */
  stallMs: number | null;
  idleStallMs: number | null;
  searched: { n: number; worstMs: number } | null;
}
interface SyncsAnswer {
  full: SyncTimed[];
  rawFull: (Timed & { bytes: number })[];
  incremental: SyncTimed[];
  rawIncremental: Timed[];
  peakRssAfterFirstSyncKiB: number;
  lastDataDir: string;
  retries: string[];
}

export async function benchSync(ctx: BenchContext): Promise<void> {
  const sb = ctx.sandbox;
  if (!sb) throw new Error('the sync benchmark needs the sandbox');
  const { fullSyncs, incrementalSyncs } = ctx.sizes;
  ctx.progress(
    `sync: ${fullSyncs} full and ${incrementalSyncs} incremental syncs, each with its raw download`,
  );
  const a = await runJsonChild<SyncsAnswer>(
    'test/bench/children/directory.ts',
    [
      'syncs',
      '--root',
      ctx.tmp,
      '--full',
      String(fullSyncs),
      '--incremental',
      String(incrementalSyncs),
      '--base-url',
      sb.baseUrl,
      '--api-key',
      sb.apiKey,
      '--client-id',
      sb.clientId,
      '--client-secret',
      sb.clientSecret,
    ],
    { env: bundledWorkerEnv() },
  );
  ctx.syncedDir = a.lastDataDir;
  ctx.syncPeakRssKiB = a.peakRssAfterFirstSyncKiB;

  const seconds = (xs: Timed[]) => median(xs.map((x) => x.ms / 1000));
  const rate = (xs: Timed[]) => median(xs.map((x) => x.rows / (x.ms / 1000)));
  const rawName = 'raw download of the same endpoints (HTTP GET + JSON.parse, nothing written)';
  const last = a.full.at(-1) as SyncTimed;
  const mib = formatNumber(median(a.rawFull.map((r) => r.bytes)) / 2 ** 20);
  ctx.add({
    group: GROUPS.sync,
    name: `full sync (${ctx.sizes.seed}: ${formatNumber(last.rows)} rows → ${formatNumber(last.doctors)} searchable doctors)`,
    value: seconds(a.full),
    unit: 's',
    detail: `median of ${a.full.length}, each into an empty kiosk database`,
    baseline: { name: rawName, value: seconds(a.rawFull), detail: `${mib} MiB of JSON` },
    better: 'lower',
  });
  ctx.add({
    group: GROUPS.sync,
    name: 'full sync throughput',
    value: rate(a.full),
    unit: 'rows/s',
    detail: `median of ${a.full.length}`,
    baseline: { name: rawName, value: rate(a.rawFull) },
    better: 'higher',
  });
  const inc = a.incremental.at(-1) as SyncTimed;
  ctx.add({
    group: GROUPS.sync,
    name: `incremental sync (depth=${inc.depth}: ${formatNumber(inc.rows)} rows, limits always whole)`,
    value: seconds(a.incremental),
    unit: 's',
    detail: `median of ${a.incremental.length}`,
    baseline: { name: `${rawName}, same depth`, value: seconds(a.rawIncremental) },
    better: 'lower',
  });
  ctx.add({
    group: GROUPS.sync,
    name: 'incremental sync throughput',
    value: rate(a.incremental),
    unit: 'rows/s',
    detail: `median of ${a.incremental.length}`,
    baseline: { name: `${rawName}, same depth`, value: rate(a.rawIncremental) },
    better: 'higher',
  });
  const watchedFull = a.full.filter((x) => x.stallMs !== null);
  const watchedInc = a.incremental.filter((x) => x.stallMs !== null);
  const stallRow = (kind: string, xs: SyncTimed[]) => {
    if (!xs.length) return;
    const worst = Math.max(...xs.map((x) => x.stallMs as number));
    const idle = Math.max(...xs.map((x) => x.idleStallMs as number));
    const searched = xs.map((x) => x.searched).filter((x): x is { n: number; worstMs: number } => x !== null);
    ctx.add({
      group: GROUPS.sync,
      name: `longest main-thread stall during a ${kind} sync`,
      value: worst,
      unit: 'ms',
      detail: `worst of ${xs.length}; a 1 ms timer on the kiosk's main thread while the sync ran in its worker, a search every 50 ms (${searched.reduce((n, x) => n + x.n, 0)} answered, slowest ${formatNumber(Math.max(...searched.map((x) => x.worstMs)))} ms)`,
      baseline: { name: 'the same services idle for as long, watched the same way', value: idle },
      better: 'lower',
      target: { text: '≤ 50 ms', max: 50 },
    });
  };
  stallRow(`full ${ctx.sizes.seed}`, watchedFull);
  stallRow('incremental', watchedInc);
  if (a.retries.length)
    ctx.note(
      GROUPS.sync,
      `Run again after a dropped keep-alive connection (counted, only the successful run is timed): ${a.retries.join('; ')}.`,
    );
  ctx.note(
    GROUPS.sync,
    'The syncs run through the kiosk services in one kiosk process, against the sandbox in its own process: a worker thread (its bundle, as shipped) downloads each entity as a stream, validates and writes it into a new directory generation beside the one in use, rebuilds the doctors and their search index and publishes the file; the main thread then switches to it. Process start is not timed; the first full sync goes into an empty kiosk, the next ones replace a loaded directory.',
  );
}
