/**
 * Entry of the directory sync worker thread (bundled as dist-electron/directory-worker.cjs): one
 * sync per thread, with its own SQLite connections, so that downloading, validating and writing a
 * national directory never holds the kiosk's main thread. It reports progress and asks the kiosk
 * for the time (the kiosk's clock is injected) and, when the kiosk was given an HTTP transport of
 * its own, for each request (see sync-runner.ts for the protocol).
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { fetchTransport, type HttpTransport } from '../ehealth';
import { syncDirectory } from './sync';
import type { FromWorker, SyncJob, ToWorker } from './sync-protocol';

// the bundled entry lowers its own priority (the source bootstrap did it before loading this; see NICE)
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // not allowed here: the sync runs at normal priority
  }
}

const port = parentPort;
if (!port) throw new Error('the directory sync worker must run in a worker thread');

let nextId = 1;
const waiting = new Map<number, (m: ToWorker) => void>();
const post = (m: FromWorker) => port.postMessage(m);
type Question = Extract<FromWorker, { id: number }>;
type Asked = Question extends infer Q ? (Q extends { id: number } ? Omit<Q, 'id'> : never) : never;
const ask = (m: Asked): Promise<ToWorker> => {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ ...m, id } as FromWorker);
  });
};

const proxied: HttpTransport = async (url, init) => {
  const { signal: _signal, ...plain } = init;
  const r = await ask({ type: 'http', url, init: plain });
  if (r.type !== 'http') throw new Error('unexpected answer to an HTTP request');
  if (r.error !== undefined) throw new TypeError(r.error);
  return {
    status: r.status,
    headers: { get: (name: string) => r.headers[name.toLowerCase()] ?? null },
    text: async () => r.text,
  };
};

async function run(job: SyncJob): Promise<void> {
  const result = await syncDirectory(
    { folder: job.folder, environment: job.environment },
    job.base,
    {
      config: job.config,
      transport: job.proxied ? proxied : fetchTransport,
      clinic: job.clinic,
      now: async () => {
        const r = await ask({ type: 'clock' });
        return new Date(r.type === 'clock' ? r.at : Date.now());
      },
      onProgress: (progress) => post({ type: 'progress', progress }),
      onOutcome: (outcome) => post({ type: 'outcome', outcome }),
    },
    job.options,
  );
  post({ type: 'done', result });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'start') {
    run(m.job).then(
      () => port.close(),
      (e: unknown) => {
        post({ type: 'crashed', message: e instanceof Error ? e.message : String(e) });
        port.close();
      },
    );
    return;
  }
  const settle = waiting.get(m.id);
  waiting.delete(m.id);
  settle?.(m);
});
