/**
 * Bench child for the directory, one JSON line on stdout when done. Jobs:
 *   syncs  --root DIR --full N --incremental M --base-url U --api-key K --client-id I --client-secret S
 *          N full syncs, each into a new kiosk data directory under DIR, each followed by the raw
 *          download of the same endpoints (HTTP + JSON.parse, nothing kept); then M incremental
 *          syncs of the last directory, each followed by the raw download at the same depth. The
 *          process is as warm as a kiosk's main process. Each sync of the first full one and of
 *          the incremental ones is watched by a 1 ms timer on the main thread (its longest
 *          late tick is the longest stall) while a search runs every 50 ms; the same services then
 *          sit idle for as long, watched the same way (the baseline: the machine's own noise).
 *   search --data-dir D --queries N --seed S
 *          the kiosk's services on a synced directory answering the bench's queries and opening
 *          doctor cards; peak RSS of a kiosk with the directory loaded.
 *   sync-memory --data-dir D --queries N --seed S --base-url U --api-key K
 *          the same as `search`, then a full sync into that data directory: the peak RSS with the
 *          directory loaded and the peak during the sync, in one process.
 */
import { cpSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../../../electron/core/log';
import { createServices } from '../../../electron/core/services';
import { REPLICATED_ENTITIES } from '../../../electron/core/directory/tables';
import { buildQueries, type DoctorSample } from '../suites/search-queries';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    root: { type: 'string' },
    full: { type: 'string' },
    incremental: { type: 'string' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    queries: { type: 'string' },
    seed: { type: 'string' },
  },
});

const need = (name: keyof typeof values): string => {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new Error(`--${name} is required`);
  return v;
};
const peakRssKiB = () => process.resourceUsage().maxRSS;

interface Connection {
  baseUrl: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

class NetworkDropped extends Error {}

/** The longest late tick of a 1 ms timer on this thread while it runs: the longest stall. */
function stallWatch(): { stop(): number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last - 1);
    last = t;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(worst, performance.now() - last - 1);
    },
  };
}

/** A search every 50 ms (a patient at the kiosk); returns the slowest and how many answered. */
function searching(services: ReturnType<typeof createServices>): { stop(): { n: number; worstMs: number } } {
  let n = 0;
  let worst = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    const r = services.directory.search({ text: 'ко', includeFull: true });
    worst = Math.max(worst, performance.now() - t);
    if (r.ok) n++;
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return { n, worstMs: worst };
    },
  };
}

async function idleStall(ms: number): Promise<number> {
  const watch = stallWatch();
  await new Promise((r) => setTimeout(r, ms));
  return watch.stop();
}

async function syncOnce(c: Connection, dataDir: string, mode: 'full' | 'incremental', watched = false) {
  const services = createServices({
    dataDir,
    log: silentLogger(),
    version: 'bench',
    background: false,
    ehealth: c,
  });
  try {
    await settle();
    const watch = watched ? stallWatch() : null;
    const searches = watched ? searching(services) : null;
    const t = performance.now();
    // the same per-request timeout as `kiosk directory sync`
    const r = await services.directory.sync({ mode, timeoutMs: 300_000 });
    const ms = performance.now() - t;
    const stallMs = watch?.stop() ?? null;
    const searched = searches?.stop() ?? null;
    const idleStallMs = watched ? await idleStall(ms) : null;
    if (!r.ok) {
      const message = `sync failed: ${r.error.code} ${r.error.message}`;
      throw r.error.details?.cause === 'EHEALTH_UNAVAILABLE'
        ? new NetworkDropped(message)
        : new Error(message);
    }
    if (r.value.mode !== mode)
      throw new Error(`asked for a ${mode} sync, the kiosk ran a ${r.value.mode} one`);
    const rows = Object.values(r.value.entities).reduce((n, e) => n + e.rows, 0);
    return { ms, depth: r.value.depth, doctors: r.value.doctors, rows, stallMs, idleStallMs, searched };
  } finally {
    await services.close();
  }
}

/**
 * Lets the event loop catch up between steps: a sync's apply holds it for seconds, during which
 * the sandbox may close idle keep-alive connections; their close must be seen before the next
 * request, or that request is sent on a dead socket.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A plain GET on a connection of its own (no keep-alive pool to race against). */
function getText(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function rawDownload(c: Connection, depth: number | null) {
  let rows = 0;
  let bytes = 0;
  const t = performance.now();
  for (const entity of REPLICATED_ENTITIES) {
    const query = depth !== null && entity !== 'declarations_limit' ? `?depth=${depth}` : '';
    const res = await getText(`${c.baseUrl}/api/pis/bulk/${entity}${query}`, {
      Accept: 'application/json',
      'api-key': c.apiKey,
    });
    if (res.status !== 200) throw new Error(`${entity}: HTTP ${res.status}`);
    bytes += Buffer.byteLength(res.text);
    const body = JSON.parse(res.text) as { data?: unknown[] };
    rows += body.data?.length ?? 0;
  }
  return { ms: performance.now() - t, rows, bytes };
}

/**
 * A sync that failed only because a kept-alive connection was closed under it (the sandbox
 * closes idle ones after 5 s; a busy machine can stall the kiosk longer between downloads) is
 * run once more, and counted.
 */
async function syncWithRetry(
  c: Connection,
  dataDir: string,
  mode: 'full' | 'incremental',
  retries: string[],
  watched = false,
) {
  await settle();
  try {
    return await syncOnce(c, dataDir, mode, watched);
  } catch (e) {
    if (!(e instanceof NetworkDropped)) throw e;
    retries.push(`${mode} sync: ${e.message}`);
    await settle();
    return syncOnce(c, dataDir, mode, watched);
  }
}

async function syncs(): Promise<object> {
  const c: Connection = {
    baseUrl: need('base-url').replace(/\/+$/, ''),
    apiKey: need('api-key'),
    clientId: need('client-id'),
    clientSecret: need('client-secret'),
  };
  const root = need('root');
  const out = {
    full: [] as Awaited<ReturnType<typeof syncOnce>>[],
    rawFull: [] as Awaited<ReturnType<typeof rawDownload>>[],
    incremental: [] as Awaited<ReturnType<typeof syncOnce>>[],
    rawIncremental: [] as Awaited<ReturnType<typeof rawDownload>>[],
    peakRssAfterFirstSyncKiB: 0,
    lastDataDir: '',
    retries: [] as string[],
  };
  for (let i = 0; i < Number(need('full')); i++) {
    out.lastDataDir = join(root, `sync-${i}`);
    // the first one into an empty kiosk; the second replaces the first one's directory (watched)
    if (i > 0) cpSync(join(root, 'sync-0'), out.lastDataDir, { recursive: true });
    out.full.push(
      await syncWithRetry(c, out.lastDataDir, 'full', out.retries, i > 0 || Number(need('full')) === 1),
    );
    if (i === 0) out.peakRssAfterFirstSyncKiB = peakRssKiB();
    out.rawFull.push(await rawDownload(c, null));
  }
  for (let i = 0; i < Number(need('incremental')); i++) {
    const inc = await syncWithRetry(c, out.lastDataDir, 'incremental', out.retries, true);
    out.incremental.push(inc);
    out.rawIncremental.push(await rawDownload(c, inc.depth ?? 1));
  }
  return out;
}

async function search(): Promise<object> {
  const services = createServices({
    dataDir: need('data-dir'),
    log: silentLogger(),
    version: 'bench',
    background: false,
  });
  try {
    const doctors = (services.directory.store
      .view()
      ?.db.prepare('SELECT full_name, settlement, area FROM dir_doctors')
      .all() ?? []) as DoctorSample[];
    const queries = buildQueries(doctors, Number(need('queries')), Number(need('seed')));
    let found = 0;
    const t = performance.now();
    for (const { query } of queries) {
      const r = services.directory.search(query);
      if (!r.ok) throw new Error(`search failed: ${r.error.code}`);
      found += r.value.total;
      const first = r.value.items[0];
      if (first) services.directory.doctor(first.employeeId);
    }
    return {
      ms: performance.now() - t,
      queries: queries.length,
      doctors: doctors.length,
      found,
      peakRssKiB: peakRssKiB(),
    };
  } finally {
    await services.close();
  }
}

/** Peak RSS with the directory loaded (services, searches, cards), then during a full sync. */
async function syncMemory(): Promise<object> {
  const services = createServices({
    dataDir: need('data-dir'),
    log: silentLogger(),
    version: 'bench',
    background: false,
    ehealth: {
      baseUrl: need('base-url').replace(/\/+$/, ''),
      apiKey: need('api-key'),
      clientId: need('client-id'),
      clientSecret: need('client-secret'),
    },
  });
  try {
    const doctors = (services.directory.store
      .view()
      ?.db.prepare('SELECT full_name, settlement, area FROM dir_doctors')
      .all() ?? []) as DoctorSample[];
    for (const { query } of buildQueries(doctors, Number(need('queries')), Number(need('seed')))) {
      const r = services.directory.search(query);
      if (!r.ok) throw new Error(`search failed: ${r.error.code}`);
      const first = r.value.items[0];
      if (first) services.directory.doctor(first.employeeId);
    }
    const loadedKiB = peakRssKiB();
    await settle();
    const r = await services.directory.sync({ mode: 'full', timeoutMs: 300_000 });
    if (!r.ok) throw new Error(`sync failed: ${r.error.code} ${r.error.message}`);
    return { loadedKiB, duringSyncKiB: peakRssKiB(), doctors: r.value.doctors };
  } finally {
    await services.close();
  }
}

const jobs: Record<string, () => Promise<object>> = { syncs, search, 'sync-memory': syncMemory };

const job = jobs[positionals[0] ?? ''];
if (!job) {
  console.error(`usage: directory.ts ${Object.keys(jobs).join('|')} [options]`);
  process.exit(2);
}
job().then(
  (answer) => {
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    process.exit(0);
  },
  (e: unknown) => {
    // fetch hides the network error in `cause`
    const cause = e instanceof Error && e.cause ? `\ncaused by: ${String(e.cause)}` : '';
    console.error(`${e instanceof Error ? e.stack : String(e)}${cause}`);
    process.exit(1);
  },
);
