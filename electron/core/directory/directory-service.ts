import type {
  DirectoryProgress,
  DirectoryStatus,
  DoctorDetails,
  DoctorSearchQuery,
  DoctorSearchResult,
} from '#shared/contract/doctors';
import { err, ok, type Result } from '#shared/result';
import type { Db } from '../db/database';
import type { PisApi } from '../ehealth/pis-api';
import type { Logger } from '../log';
import { realTimers, type Timers } from '../outbox/connectivity';
import {
  applyClinicOrder,
  CLINIC_SETTING_KEY,
  ClinicLocationSchema,
  readClinic,
  type ClinicLocation,
} from './clinic';
import { DirectorySearch } from './search';
import { syncDirectory, type SyncOptions, type SyncSummary } from './sync';

export interface DirectoryServiceOptions {
  db: Db;
  /** Null when no eHealth backend is configured: search still works on the last sync. */
  api: Pick<PisApi, 'bulk'> | null;
  now?: () => Date;
  onProgress?: (p: DirectoryProgress) => void;
  log?: Logger;
  timers?: Timers;
  /** How often the incremental sync runs (default 6 h). */
  intervalMs?: number;
  /** How soon a failed scheduled sync is tried again (default 15 min). */
  retryMs?: number;
  /** Skips scheduled syncs while eHealth is unreachable (they run when it returns). */
  isOnline?: () => boolean;
  /**
   * False while a patient uses the kiosk: applying a national directory holds the database for
   * seconds, so scheduled syncs wait for a quiet moment (on-demand syncs do not).
   */
  canRunNow?: () => boolean;
  /** Pause between download retries (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The doctor directory: search (offline, on the last sync), doctor cards, and replication from
 * eHealth on a schedule and on demand — one sync at a time.
 */
export class DirectoryService {
  private readonly now: () => Date;
  private readonly timers: Timers;
  private readonly searcher: DirectorySearch;
  private running: Promise<Result<SyncSummary>> | null = null;
  private timer: unknown = null;
  private scheduled = false;

  constructor(private readonly opts: DirectoryServiceOptions) {
    this.now = opts.now ?? (() => new Date());
    this.timers = opts.timers ?? realTimers;
    this.searcher = new DirectorySearch(opts.db);
  }

  search(q: DoctorSearchQuery): Result<DoctorSearchResult> {
    return this.searcher.search(q);
  }

  doctor(employeeId: string): Result<DoctorDetails> {
    return this.searcher.details(employeeId);
  }

  clinic(): ClinicLocation | null {
    return readClinic(this.opts.db);
  }

  /** Sets (or clears) the kiosk's clinic and reorders the directory for it, in one transaction. */
  setClinic(location: ClinicLocation | null): Result<void> {
    const parsed = location === null ? null : ClinicLocationSchema.safeParse(location);
    if (parsed && !parsed.success) return err('BAD_REQUEST', 'clinic location is not valid');
    const db = this.opts.db;
    db.transaction(() => {
      if (parsed === null) db.prepare('DELETE FROM settings WHERE key = ?').run(CLINIC_SETTING_KEY);
      else
        db.prepare(
          `INSERT INTO settings (key, value, encrypted, updated_at) VALUES (?, ?, 0, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        ).run(CLINIC_SETTING_KEY, JSON.stringify(parsed.data), this.now().toISOString());
      applyClinicOrder(db, parsed === null ? null : parsed.data);
    }).immediate();
    return ok(undefined);
  }

  status(): DirectoryStatus {
    const state = this.opts.db
      .prepare(
        `SELECT (SELECT max(synced_at) FROM dir_sync_state) AS last,
                (SELECT synced_at FROM dir_sync_state WHERE entity = '*full') AS full,
                (SELECT max(server_date) FROM dir_sync_state) AS server,
                (SELECT count(*) FROM dir_doctors) AS doctors`,
      )
      .get() as { last: string | null; full: string | null; server: string | null; doctors: number };
    return {
      lastSyncAt: state.last,
      lastFullSyncAt: state.full,
      serverDate: state.server,
      doctors: state.doctors,
      syncing: this.running !== null,
    };
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  /** Runs a sync now, or joins the one already running. */
  sync(opts: Omit<SyncOptions, 'onProgress'> = {}): Promise<Result<SyncSummary>> {
    const api = this.opts.api;
    if (!api)
      return Promise.resolve(err('NOT_AVAILABLE', 'no eHealth backend is configured for directory sync'));
    this.running ??= syncDirectory(this.opts.db, api, this.now, {
      ...opts,
      ...(this.opts.onProgress ? { onProgress: this.opts.onProgress } : {}),
      ...(this.opts.sleep ? { sleep: this.opts.sleep } : {}),
    })
      .catch((e: unknown) =>
        err('SYNC_FAILED', `directory sync failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Syncs now if the directory is empty or stale, then every `intervalMs`. */
  startSchedule(): void {
    if (this.scheduled || !this.opts.api) return;
    this.scheduled = true;
    const last = this.status().lastSyncAt;
    const interval = this.opts.intervalMs ?? 6 * 3_600_000;
    const due = last === null ? 0 : Math.max(0, Date.parse(last) + interval - this.now().getTime());
    this.arm(due);
  }

  stopSchedule(): void {
    this.scheduled = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    if (!this.scheduled) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.scheduledRun();
    }, ms);
  }

  private async scheduledRun(): Promise<void> {
    const retry = this.opts.retryMs ?? 15 * 60_000;
    if (this.opts.isOnline && !this.opts.isOnline()) return this.arm(retry);
    if (this.opts.canRunNow && !this.opts.canRunNow()) return this.arm(Math.min(retry, 5 * 60_000));
    const r = await this.sync();
    if (!r.ok) this.opts.log?.warn({ code: r.error.code }, 'scheduled directory sync failed');
    this.arm(r.ok ? (this.opts.intervalMs ?? 6 * 3_600_000) : retry);
  }
}
