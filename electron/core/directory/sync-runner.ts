/**
 * Runs a directory sync in a worker thread (sync-worker.ts) and answers its questions: the time
 * from the kiosk's clock, and HTTP through the kiosk's transport when one was injected. The main
 * thread only passes messages; the switch to the published generation is the caller's.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DirectoryProgress } from '#shared/contract/doctors';
import { err, type Result } from '#shared/result';
import type { CallOutcome, HttpTransport } from '../ehealth';
import { removeStale } from './generation';
import type { SyncOutcome } from './sync';
import type { FromWorker, SyncJob, ToWorker } from './sync-protocol';

export interface SyncRunnerPorts {
  now: () => Date;
  /** An injected transport (tests): the worker's requests are made through it. */
  transport?: HttpTransport;
  onProgress?: (p: DirectoryProgress) => void;
  onOutcome?: (o: CallOutcome) => void;
  /**
   * The kiosk stops: the worker is terminated, what it was building is removed, and the run
   * resolves (NOT_AVAILABLE) only after the thread has exited — nothing of the sync writes on.
   */
  signal?: AbortSignal;
}

/**
 * The worker's entry for this build: the TypeScript source (through tsx) or the bundle beside this
 * file. KIOSK_DIRECTORY_WORKER names another entry (the bench runs the bundled worker, as shipped,
 * from a source checkout).
 */
export function syncWorkerEntry(): { file: string; tsxApi: string | null } {
  const here = fileURLToPath(import.meta.url);
  const chosen = process.env.KIOSK_DIRECTORY_WORKER;
  if (chosen && !chosen.endsWith('.ts')) return { file: chosen, tsxApi: null };
  if (here.endsWith('.ts') || chosen) {
    const require = createRequire(import.meta.url);
    const tsx = require.resolve('tsx');
    return {
      file: chosen ?? join(dirname(here), 'sync-worker.ts'),
      tsxApi: pathToFileURL(join(dirname(tsx), 'esm', 'api', 'index.mjs')).href,
    };
  }
  return { file: join(dirname(here), 'directory-worker.cjs'), tsxApi: null };
}

/**
 * Lowers the worker thread's scheduling priority before it loads anything: on Linux a thread has
 * its own nice value (pid 0 = the calling thread), so the kiosk's main thread keeps the CPU it
 * needs on a busy two-core machine. Elsewhere the call would change the whole process: skipped.
 */
export const NICE =
  "if (process.platform === 'linux') { try { require('node:os').setPriority(0, 10); } catch {} }";

function startWorker(): Worker {
  const { file, tsxApi } = syncWorkerEntry();
  // rows stream through the worker: a small young generation keeps its memory near the live set
  const limits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 256 };
  if (!tsxApi) return new Worker(file, { resourceLimits: limits });
  const entry = pathToFileURL(file).href;
  const code = `${NICE}; import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(code, { eval: true, resourceLimits: limits });
}

export function runSyncInWorker(job: SyncJob, ports: SyncRunnerPorts): Promise<Result<SyncOutcome>> {
  const stopped = () => err('NOT_AVAILABLE', 'the directory sync was stopped: the kiosk is stopping');
  if (ports.signal?.aborted) return Promise.resolve(stopped());
  return new Promise((resolve) => {
    let settled = false;
    let stopping = false;
    const finish = (r: Result<SyncOutcome>) => {
      if (settled) return;
      settled = true;
      ports.signal?.removeEventListener('abort', stop);
      resolve(r);
    };
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (e) {
      finish(err('SYNC_FAILED', `the directory sync could not start: ${(e as Error).message}`));
      return;
    }
    // a stop settles the run only once the thread is gone and its half-built generation removed
    function stop(): void {
      if (settled || stopping) return;
      stopping = true;
      worker.terminate().then(
        () => {
          removeStale(job.folder, null);
          finish(stopped());
        },
        () => finish(stopped()),
      );
    }
    ports.signal?.addEventListener('abort', stop, { once: true });
    const send = (m: ToWorker) => {
      if (!stopping) worker.postMessage(m);
    };
    worker.on('message', (m: FromWorker) => {
      if (stopping) return;
      switch (m.type) {
        case 'progress':
          ports.onProgress?.(m.progress);
          return;
        case 'outcome':
          ports.onOutcome?.(m.outcome);
          return;
        case 'clock':
          send({ type: 'clock', id: m.id, at: ports.now().toISOString() });
          return;
        case 'http': {
          const transport = ports.transport;
          if (!transport) {
            send({ type: 'http', id: m.id, error: 'no transport' });
            return;
          }
          transport(m.url, m.init).then(
            async (res) => {
              const headers: Record<string, string> = {};
              for (const h of ['retry-after', 'content-type']) {
                const v = res.headers.get(h);
                if (v !== null) headers[h] = v;
              }
              send({ type: 'http', id: m.id, status: res.status, headers, text: await res.text() });
            },
            (e: unknown) =>
              send({ type: 'http', id: m.id, error: e instanceof Error ? e.message : String(e) }),
          );
          return;
        }
        case 'done':
          finish(m.result);
          return;
        case 'crashed':
          finish(err('SYNC_FAILED', `directory sync failed: ${m.message}`));
      }
    });
    worker.on('error', (e) => {
      if (!stopping) finish(err('SYNC_FAILED', `directory sync failed: ${e.message}`));
    });
    worker.on('exit', (code) => {
      if (!stopping)
        finish(err('SYNC_FAILED', `the directory sync stopped before it finished (exit ${code})`));
    });
    send({ type: 'start', job });
  });
}
