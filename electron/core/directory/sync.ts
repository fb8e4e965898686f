import type { DirectoryProgress } from '#shared/contract/doctors';
import { err, ok, type Result } from '#shared/result';
import type { Db } from '../db/database';
import type { PisApi } from '../ehealth/pis-api';
import { DirectoryReplica, type EntitySyncInfo } from './replica';
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
  onProgress?: (p: DirectoryProgress) => void;
  /** Tests only: runs inside the apply transaction, to prove that a failure there changes nothing. */
  beforeCommit?: () => void;
  /** Longest gap (days) an incremental sync may bridge before a full one is needed. */
  maxIncrementalDays?: number;
  timeoutMs?: number;
  /** Extra tries of one entity's download after a network error, 5xx or 429 (default 2). */
  retries?: number;
  /** Pause before such a retry (default 2 s; Retry-After wins when longer, up to 30 s). */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Replicates the directory from eHealth's bulk endpoints: downloads every entity (with
 * `depth` = days since the last sync for an incremental run) into staging, then applies all of it
 * in one transaction. Any failed download leaves the live directory untouched.
 */
export async function syncDirectory(
  db: Db,
  api: Pick<PisApi, 'bulk'>,
  now: () => Date,
  opts: SyncOptions = {},
): Promise<Result<SyncSummary>> {
  const replica = new DirectoryReplica(db);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const startedAt = now();
  const previous = replica.lastSyncs();
  const synced = previous.filter((s) => s.entity !== '*full');
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
      opts.onProgress?.({ mode, steps, ...p });
    } catch {
      // progress display must not break the sync
    }
  };

  const info = {} as Record<ReplicatedEntity, EntitySyncInfo>;
  replica.prepareStage();
  try {
    for (const [i, entity] of REPLICATED_ENTITIES.entries()) {
      progress({ phase: 'download', entity, step: i, rows: 0 });
      const fetchOnce = () =>
        api.bulk.fetch(entity, {
          ...(depth === null ? {} : { depth }),
          ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        });
      let res = await fetchOnce();
      // a clinic link that blips mid-download should not throw away the entities already staged
      for (let retry = 0; !res.ok && res.error.details.retryable && retry < (opts.retries ?? 2); retry++) {
        const after = Math.min(30_000, (res.error.details.retryAfterSeconds ?? 0) * 1000);
        await sleep(Math.max(opts.retryDelayMs ?? 2_000, after));
        res = await fetchOnce();
      }
      if (!res.ok) {
        progress({ phase: 'failed', entity, step: i, rows: 0 });
        return err('SYNC_FAILED', `directory sync failed while downloading ${entity}: ${res.error.message}`, {
          entity,
          cause: res.error.code,
          ...(res.error.details.status ? { status: res.error.details.status } : {}),
        });
      }
      const batch = res.value.data;
      replica.stage(entity, batch.rows as never[]);
      info[entity] = { rows: batch.rows.length, rejected: batch.rejected, serverDate: batch.date };
      progress({ phase: 'stage', entity, step: i + 1, rows: batch.rows.length });
    }
    progress({ phase: 'apply', entity: null, step: steps - 1, rows: 0 });
    let doctors: number;
    try {
      doctors = replica.apply(mode, info, now(), opts.beforeCommit);
    } catch (e) {
      progress({ phase: 'failed', entity: null, step: steps - 1, rows: 0 });
      const code = (e as { code?: string }).code;
      return err(
        code === 'SQLITE_FULL' ? 'DISK_FULL' : 'SYNC_FAILED',
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
      finishedAt: now().toISOString(),
    });
  } finally {
    replica.dropStage();
  }
}
