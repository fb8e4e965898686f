import Database from 'better-sqlite3';
import type { DirectoryProgress } from '#shared/contract/doctors';
import { err, ok, type Result } from '#shared/result';
import { streamBulk, type CallOutcome, type EhealthConfig, type HttpTransport } from '../ehealth';
import type { ClinicLocation } from './clinic';
import { GenerationDraft, type Generation, type GenerationTarget } from './generation';
import { writeClinicOrder } from './store';
import { EntityWriter, lastSyncs, rebuildDoctors, recordSync, type EntitySyncInfo } from './replica';
import { REPLICATED_ENTITIES, type ReplicatedEntity } from './tables';

const DAY = 86_400_000;

export interface SyncSummary {
  mode: 'full' | 'incremental';
  depth: number | null;
  doctors: number;
  entities: Record<ReplicatedEntity, EntitySyncInfo>;
  startedAt: string;
  finishedAt: string;
}

export interface SyncOptions {
  /** 'auto' (default): full the first time or after a long gap, incremental otherwise. */
  mode?: 'auto' | 'full' | 'incremental';
  /** Longest gap (days) an incremental sync may bridge before a full one is needed. */
  maxIncrementalDays?: number;
  timeoutMs?: number;
  /** Extra tries of one entity's download after a network error, 5xx or 429 (default 2). */
  retries?: number;
  /** Pause before such a retry (default 2 s; Retry-After wins when longer, up to 30 s). */
  retryDelayMs?: number;
}

/** What a sync needs besides its options; in the sync worker these reach back to the kiosk. */
export interface SyncPorts {
  config: Pick<EhealthConfig, 'baseUrl' | 'apiKey' | 'timeoutMs'>;
  transport: HttpTransport;
  now: () => Date | Promise<Date>;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (p: DirectoryProgress) => void;
  onOutcome?: (o: CallOutcome) => void;
  /** The kiosk's clinic: the new generation carries the search order for it. */
  clinic?: ClinicLocation | null;
  /** Tests only: runs before the new generation is published, to prove a failure there changes nothing. */
  beforePublish?: () => void;
}

export type SyncOutcome = SyncSummary & { generation: Generation };

function previousSyncs(base: Generation | null): ReturnType<typeof lastSyncs> {
  if (!base) return [];
  const db = new Database(base.file, { readonly: true, fileMustExist: true });
  try {
    return lastSyncs(db);
  } finally {
    db.close();
  }
}

/**
 * Replicates the directory from eHealth's bulk endpoints into a new generation of `target` (the
 * environment's folder) beside `base` (the one in use, of the same environment): every entity is downloaded (with `depth` = days since the last sync for an
 * incremental run) and written as it streams in, then the doctors and their search index are
 * rebuilt and the generation is published in one rename. Any failure leaves `base` as the
 * directory, untouched.
 */
export async function syncDirectory(
  target: GenerationTarget,
  base: Generation | null,
  ports: SyncPorts,
  opts: SyncOptions = {},
): Promise<Result<SyncOutcome>> {
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const startedAt = await ports.now();
  const synced = previousSyncs(base).filter((s) => s.entity !== '*full');
  const complete = REPLICATED_ENTITIES.every((e) => synced.some((s) => s.entity === e));
  const oldest = complete ? Math.min(...synced.map((s) => Date.parse(s.synced_at))) : NaN;
  const gapDays = Number.isNaN(oldest) ? Infinity : Math.ceil((startedAt.getTime() - oldest) / DAY) + 1;
  let mode: 'full' | 'incremental' =
    opts.mode === 'full' || !complete || gapDays > (opts.maxIncrementalDays ?? 30) ? 'full' : 'incremental';
  if (opts.mode === 'incremental' && complete) mode = 'incremental';
  const depth = mode === 'incremental' ? Math.max(1, gapDays) : null;

  const steps = REPLICATED_ENTITIES.length + 1;
  const progress = (p: Omit<DirectoryProgress, 'mode' | 'steps'>) => {
    try {
      ports.onProgress?.({ mode, steps, ...p });
    } catch {
      // progress display must not break the sync
    }
  };

  const info = {} as Record<ReplicatedEntity, EntitySyncInfo>;
  let draft: GenerationDraft | null = null;
  let published = false;
  try {
    draft = new GenerationDraft(target, mode === 'incremental' ? base : null);
    for (const [i, entity] of REPLICATED_ENTITIES.entries()) {
      progress({ phase: 'download', entity, step: i, rows: 0 });
      let res;
      for (let attempt = 0; ; attempt++) {
        const writer = new EntityWriter(draft.db, entity, mode);
        // a retried download starts the entity again (its rows replace what the broken one wrote)
        res = await streamBulk(ports.config, ports.transport, entity, (row) => writer.add(row), {
          ...(depth === null ? {} : { depth }),
          ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
          ...(ports.onOutcome ? { onOutcome: ports.onOutcome } : {}),
          now: () => new Date(),
        });
        writer.flush();
        // a clinic link that blips mid-download should not throw away the entities already written
        if (res.ok || !res.error.details.retryable || attempt >= (opts.retries ?? 2)) break;
        const after = Math.min(30_000, (res.error.details.retryAfterSeconds ?? 0) * 1000);
        await sleep(Math.max(opts.retryDelayMs ?? 2_000, after));
      }
      if (!res.ok) {
        progress({ phase: 'failed', entity, step: i, rows: 0 });
        return err('SYNC_FAILED', `directory sync failed while downloading ${entity}: ${res.error.message}`, {
          entity,
          cause: res.error.code,
          ...(res.error.details.status ? { status: res.error.details.status } : {}),
        });
      }
      info[entity] = { rows: res.value.rows, rejected: res.value.rejected, serverDate: res.value.date };
      progress({ phase: 'stage', entity, step: i + 1, rows: res.value.rows });
    }
    progress({ phase: 'apply', entity: null, step: steps - 1, rows: 0 });
    let doctors: number;
    let generation: Generation;
    try {
      const at = await ports.now();
      recordSync(draft.db, mode, info, at);
      const index = rebuildDoctors(draft.db, at);
      doctors = index.n;
      writeClinicOrder(draft.db, index, ports.clinic ?? null);
      ports.beforePublish?.();
      generation = draft.publish();
      published = true;
    } catch (e) {
      progress({ phase: 'failed', entity: null, step: steps - 1, rows: 0 });
      const code = (e as { code?: string }).code;
      return err(
        code === 'SQLITE_FULL' || code === 'ENOSPC' ? 'DISK_FULL' : 'SYNC_FAILED',
        `directory sync could not be applied: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    progress({ phase: 'done', entity: null, step: steps, rows: doctors });
    return ok({
      mode,
      depth,
      doctors,
      entities: info,
      startedAt: startedAt.toISOString(),
      finishedAt: (await ports.now()).toISOString(),
      generation,
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return err(
      code === 'SQLITE_FULL' || code === 'ENOSPC' ? 'DISK_FULL' : 'SYNC_FAILED',
      `directory sync failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    if (draft && !published) draft.discard();
  }
}
