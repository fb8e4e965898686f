/**
 * The kiosk process's body (see kiosk-child.ts): composes the real services as the hosts do
 * (KioskRuntime: the services and the contract router with the session's activity clock), then serves the
 * soak's commands one at a time:
 *
 *   call      a contract call as the renderer makes it; virtual time runs while the kiosk waits
 *             (for eHealth's answer, a backoff, a settle timeout) — only when nothing real is in flight
 *   advance   virtual time runs to a moment (a patient's pause, a night), every timer firing in order
 *   timeline  the faults changed (a link dropped during a session)
 *   trap      die (SIGKILL) the next time the kiosk gets to a point: mid-sign, mid-delivery, mid-sync
 *   stats     memory after a full GC
 *   stop      close the services as the host does at exit
 *
 * The kiosk's disk fills up (SQLite refuses to grow) during the timeline's disk-full windows.
 */
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';
import { OperationKind } from '#shared/contract/outbox';
import { kioskMigrations } from '../../electron/core/db/migrations';
import { createKioskLogger } from '../../electron/core/logging/kiosk-logger';
import { isSignedKind } from '../../electron/core/outbox/kinds';
import { folderMedia } from '../../electron/core/session/folder-media';
import { KioskRuntime } from '../../electron/hosts/kiosk-runtime';
import { patientPortsFor } from '../../electron/hosts/patient-ports';
import type { TrainingBackend } from '../../electron/hosts/training';
import { Prng } from '../bench/lib/prng';
import { failWritesWhen } from './disk-full';
import { InFlight, soakOcspPost, soakSignerLauncher, soakTransport } from './kiosk-io';
import {
  SOAK_ORIGIN,
  type ChildMessage,
  type KioskConfig,
  type ParentMessage,
  type TrapKind,
} from './protocol';
import { diskFullAt, skewAt, type Timeline } from './timeline';
import type { InstalledTime } from './virtual-time';

/** Real time a wait for in-flight I/O may take before virtual time moves on anyway (a hung request). */
const STUCK_MS = 60_000;
/** Virtual time a single call may take (the kiosk's own timeouts are far shorter). */
const CALL_MAX_MS = 60 * 60_000;
/** Real time a call may wait with no virtual timer left to fire. */
const CALL_REAL_MAX_MS = 120_000;
const FS_BUSY = new Set(['FSReqCallback', 'FSReqPromise', 'FileHandleCloseReq', 'CloseReq', 'StatWatcher']);

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

export async function runKiosk(cfg: KioskConfig, time: InstalledTime): Promise<void> {
  const { vt } = time;
  const realSleep = (ms: number) => new Promise<void>((r) => time.real.setTimeout(r, ms));
  const immediate = () => new Promise<void>((r) => setImmediate(r));
  const send = (m: ChildMessage) => process.send?.(m);
  const prng = new Prng(cfg.seed);
  Math.random = () => prng.next();

  let timeline: Timeline = cfg.timeline;
  let trap: TrapKind | null = null;
  const inFlight = new InFlight();
  const counters: Record<string, number> = {};
  let stuckWaits = 0;

  // --- the parent's clock (eHealth's) follows this process's before any request leaves
  let synced = vt.now;
  let clockId = 0;
  const clockAcks = new Map<number, () => void>();
  const syncClock = async (): Promise<void> => {
    if (vt.now === synced) return;
    const id = ++clockId;
    const at = vt.now;
    const done = inFlight.begin('clock');
    await new Promise<void>((resolve) => {
      clockAcks.set(id, resolve);
      send({ type: 'clock', id, now: at });
    });
    done();
    synced = Math.max(synced, at);
  };

  const fsBusy = () => process.getActiveResourcesInfo().some((r) => FS_BUSY.has(r));
  /** Resolves when nothing real has been in flight for two turns of the event loop. */
  const quiescent = async (): Promise<void> => {
    const start = performance.now();
    let calm = 0;
    while (calm < 2) {
      await immediate();
      if (inFlight.count > 0 || fsBusy()) {
        calm = 0;
        if (performance.now() - start > 2) await realSleep(1);
        if (performance.now() - start > STUCK_MS) {
          stuckWaits++;
          process.stderr.write(
            `soak kiosk: still in flight after ${STUCK_MS} ms: ${inFlight.labels().join(', ')}\n`,
          );
          return;
        }
      } else calm++;
    }
  };
  const sleepVirtual = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }));
      });
    });

  // --- migration trap: die inside the migration's transaction, after its statements ran
  if (cfg.migrationTrap !== null) {
    const m = kioskMigrations.find((x) => x.version === cfg.migrationTrap);
    if (m) {
      const up = m.up.bind(m);
      (m as { up: typeof m.up }).up = (db) => {
        up(db);
        die();
      };
    }
  }

  const signers = soakSignerLauncher({
    vt,
    inFlight,
    timeline: () => timeline,
    syncClock,
    onSignSent: () => trap === 'sign-sent' && die(),
    onSignAnswered: () => trap === 'sign-answered' && die(),
    onLaunch: (pid) => send({ type: 'signer', pid }),
  });
  const actPaths = /\/actions\/(sign|complete)$/;
  const transport = soakTransport({
    vt,
    inFlight,
    timeline: () => timeline,
    syncClock,
    sleep: sleepVirtual,
    counters,
    onAccepted: (method, path) => trap === 'delivered' && method === 'PATCH' && actPaths.test(path) && die(),
  });

  const { log, file } = createKioskLogger({
    name: 'kiosk-main',
    dataDir: cfg.dataDir,
    stderr: false,
    maxBytes: cfg.log.maxBytes,
    maxFiles: cfg.log.maxFiles,
  });
  // the runtime both hosts run (KioskRuntime, started for them by hosts/kiosk-start.ts); training's sandbox is the soak's own, which
  // runs in the parent on the soak's clock and outlives this process
  const media = folderMedia(join(cfg.dataDir, '..', 'media'));
  const sandbox: TrainingBackend = {
    ...cfg.ehealth,
    tsaUrl: cfg.tsaUrl,
    trustList: new Uint8Array(Buffer.from(cfg.trustList, 'base64')),
    personas: cfg.personas,
    close: async () => undefined,
  };
  const runtime = await KioskRuntime.start({
    dataDir: cfg.dataDir,
    tempDir: cfg.tmpDir,
    log,
    host: 'browser',
    startSandbox: async () => sandbox,
    ports: {
      version: cfg.version,
      transport,
      trustMedia: media,
      ocspPost: soakOcspPost({ vt, inFlight, timeline: () => timeline, syncClock, counters }),
    },
    patientPorts: (training) => ({
      ...patientPortsFor({ training, env: {} }),
      signerLauncher: signers,
      media,
    }),
    isAllowedOrigin: (o) => o === SOAK_ORIGIN,
    env: {},
  });
  const services = runtime.current();
  const dispatch = runtime.dispatch;

  // --- disk full during the timeline's windows: every write SQLite is asked to make fails as it
  // does when the disk has no block left (SQLITE_FULL); reads go on
  let diskFull = false;
  const applyDisk = () => {
    diskFull = diskFullAt(timeline, vt.now);
  };
  failWritesWhen(() => diskFull);
  const moveTo = (t: number) => {
    vt.moveTo(t);
    applyDisk();
  };

  // --- traps on the kiosk's own events
  const signedKinds = new Set(OperationKind.options.filter((k) => isSignedKind(k)));
  services.outbox.subscribe((view) => {
    if (
      trap === 'released' &&
      signedKinds.has(view.kind as OperationKind) &&
      !view.held &&
      view.state === 'captured'
    )
      die();
  });
  const FORWARD = new Set(['sessionEnded', 'outboxChanged', 'connectivityChanged', 'registrarChanged']);
  services.events.subscribeAll((name, payload) => {
    if (name === 'directoryProgress' && trap === 'sync') {
      const phase = (payload as { phase?: string }).phase;
      if (phase === 'download' || phase === 'stage' || phase === 'apply') die();
    }
    if (FORWARD.has(name)) send({ type: 'event', name, payload, now: vt.now });
  });

  const signerClocks = async () => {
    for (const s of [...signers.live]) await s.clockTo();
  };

  /** Runs virtual time while `promise` is pending: a timer fires only when nothing real is in flight. */
  const soakError = (code: string, message: string) => ({ ok: false as const, error: { code, message } });
  const runUntil = async <T>(promise: Promise<T>): Promise<T | ReturnType<typeof soakError>> => {
    let settled = false;
    let value: T | undefined;
    let failure: unknown = null;
    void promise.then(
      (v) => {
        value = v;
        settled = true;
      },
      (e: unknown) => {
        failure = e;
        settled = true;
      },
    );
    const started = vt.now;
    const realStart = performance.now();
    for (;;) {
      await quiescent();
      if (settled) break;
      const due = vt.nextDue();
      if (due !== null && due - started <= CALL_MAX_MS) {
        moveTo(due);
        vt.fireOne();
        continue;
      }
      await realSleep(5);
      if (performance.now() - realStart > CALL_REAL_MAX_MS)
        return soakError(
          'SOAK_STUCK',
          `no answer after ${CALL_REAL_MAX_MS} ms: ${inFlight.labels().join(', ')}`,
        );
    }
    await syncClock();
    if (failure) return soakError('SOAK_THREW', String(failure));
    return value as T;
  };

  const advanceTo = async (target: number) => {
    for (;;) {
      await quiescent();
      const due = vt.nextDue();
      if (due === null || due > target) break;
      moveTo(due);
      vt.fireOne();
    }
    moveTo(target);
    await quiescent();
    await syncClock();
    await signerClocks();
    await quiescent();
  };

  let queue: Promise<void> = Promise.resolve();
  const handle = async (m: ParentMessage): Promise<void> => {
    switch (m.type) {
      case 'call': {
        const result = await runUntil(dispatch(m.channel, m.payload, { origin: SOAK_ORIGIN }));
        send({ type: 'result', id: m.id, result, now: vt.now });
        return;
      }
      case 'advance':
        await advanceTo(m.to);
        send({ type: 'advanced', id: m.id, now: vt.now });
        return;
      case 'stats': {
        (globalThis as { gc?: () => void }).gc?.();
        // a post-mortem of memory: SOAK_HEAP_DIR=<folder> writes a heap snapshot at every sample
        if (process.env.SOAK_HEAP_DIR)
          writeHeapSnapshot(join(process.env.SOAK_HEAP_DIR, `kiosk-${process.pid}-${vt.now}.heapsnapshot`));
        const mem = process.memoryUsage();
        send({
          type: 'stats',
          id: m.id,
          stats: {
            rssBytes: mem.rss,
            heapUsedBytes: mem.heapUsed,
            timersFired: vt.fired,
            stuckWaits,
            requests: { ...counters },
            logLinesDropped: file?.dropped ?? 0,
          },
        });
        return;
      }
      case 'stop':
        await runUntil(runtime.close());
        send({ type: 'stopped', id: m.id });
        process.exit(0);
        return;
      default:
        return;
    }
  };
  process.on('message', (raw: unknown) => {
    const m = raw as ParentMessage;
    // state changes and clock answers apply at once; commands run one after the other
    if (m.type === 'clockAck') {
      clockAcks.get(m.id)?.();
      clockAcks.delete(m.id);
    } else if (m.type === 'timeline') {
      timeline = m.timeline;
      vt.setSkew((t) => skewAt(timeline, t));
      applyDisk();
    } else if (m.type === 'trap') trap = m.trap;
    else queue = queue.then(() => handle(m));
  });
  process.on('disconnect', () => process.exit(0));
  applyDisk();
  await runUntil(Promise.resolve());
  send({ type: 'ready', now: vt.now });
}
