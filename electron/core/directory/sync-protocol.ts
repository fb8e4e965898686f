/** Messages between the kiosk and its directory sync worker (structured-cloned). */
import type { Environment } from '#shared/contract/app';
import type { DirectoryProgress } from '#shared/contract/doctors';
import type { Result } from '#shared/result';
import type { CallOutcome, EhealthConfig, HttpRequestInit } from '../ehealth';
import type { ClinicLocation } from './clinic';
import type { Generation } from './generation';
import type { SyncOptions, SyncOutcome } from './sync';

export interface SyncJob {
  /** The environment's generation folder. */
  folder: string;
  /** The environment the kiosk syncs for: the new generation records it. */
  environment: Environment;
  base: Generation | null;
  config: Pick<EhealthConfig, 'baseUrl' | 'apiKey' | 'timeoutMs'>;
  options: SyncOptions;
  /** The clinic at the start of the sync (the order is stored for it). */
  clinic: ClinicLocation | null;
  /** True: HTTP goes through the kiosk's own transport (tests); false: the worker's fetch. */
  proxied: boolean;
}

export type ToWorker =
  | { type: 'start'; job: SyncJob }
  | { type: 'clock'; id: number; at: string }
  | {
      type: 'http';
      id: number;
      status: number;
      headers: Record<string, string>;
      text: string;
      error?: undefined;
    }
  | { type: 'http'; id: number; error: string; status?: undefined };

export type FromWorker =
  | { type: 'progress'; progress: DirectoryProgress }
  | { type: 'outcome'; outcome: CallOutcome }
  | { type: 'clock'; id: number }
  | { type: 'http'; id: number; url: string; init: Omit<HttpRequestInit, 'signal'> }
  | { type: 'done'; result: Result<SyncOutcome> }
  | { type: 'crashed'; message: string };
