import type { Environment } from '#shared/contract/app';
import { err, ok, type Result } from '#shared/result';
import type { EhealthConfigInput } from '../ehealth/config';
import type { PisApi } from '../ehealth/pis-api';
import { createOfflineEngine, type OfflineEngine, type OfflineEnginePorts } from '../outbox/engine';
import {
  ehealthConfigFor,
  realEnvironmentConfig,
  switchablePisApi,
  type TrainingBackendPort,
} from './backend';
import type { SecretSettings } from './secrets';
import type { SettingsStore } from './settings';

export interface BackendOptions {
  /** Everything the offline engine needs except the backend itself (`key` and the first outbox are reused). */
  engine: Omit<OfflineEnginePorts, 'ehealth' | 'outbox'> & Required<Pick<OfflineEnginePorts, 'key'>>;
  settings: SettingsStore;
  secrets: SecretSettings;
  /** What the host configured at start (the training sandbox, a test's sandbox); else from the settings. */
  initial?: EhealthConfigInput | null;
  training?: TrainingBackendPort | null;
}

/**
 * The kiosk's eHealth backend: the offline engine (client, outbox worker, connectivity monitor,
 * directory) for the environment in the settings, and the switch to another one. The outbox is one
 * object for the kiosk's whole life; the PIS client handed to other services is a stable object that
 * follows the switch. A kiosk that started without any backend gives out no client (null); its
 * services learn about a backend only at the next start, which `restartRequired` reports.
 */
export class KioskBackend {
  private current: OfflineEngine;
  private readonly listeners = new Set<(engine: OfflineEngine) => void>();
  readonly api: PisApi | null;
  private readonly startedWithoutApi: boolean;
  private readonly startEnvironment: Environment;
  private environment: Environment;

  constructor(private readonly o: BackendOptions) {
    const settings = o.settings.get();
    this.startEnvironment = this.environment = settings.environment;
    let config = o.initial ?? null;
    if (!config && settings.environment !== 'training') {
      const r = realEnvironmentConfig(settings.environment, settings, o.secrets);
      if (r.ok) config = r.value;
      else o.engine.log.warn({ code: r.error.code }, 'no eHealth backend: the environment is not configured');
    }
    this.current = createOfflineEngine({ ...o.engine, ...(config ? { ehealth: config } : {}) });
    this.startedWithoutApi = this.current.api === null;
    this.api = this.current.api ? switchablePisApi(() => this.current.api ?? this.missing()) : null;
  }

  get engine(): OfflineEngine {
    return this.current;
  }

  /**
   * True when only a restart completes the switch: services that started without a backend cannot
   * follow, and the host's training ports (the personas' key folder, the sandbox's time-stamp
   * service) are chosen at start, so a switch into or out of training needs one too.
   */
  get restartRequired(): boolean {
    return (
      (this.startedWithoutApi && this.current.api !== null) ||
      (this.startEnvironment === 'training') !== (this.environment === 'training')
    );
  }

  onSwitch(listener: (engine: OfflineEngine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Builds the backend of `environment` and replaces the running one. On any failure to configure it,
   * the running backend stays untouched. After a change of environment the doctor directory is
   * replicated in full from the new backend (searches keep the old one until that finishes).
   */
  async switchTo(environment: Environment): Promise<Result<void>> {
    const previous = this.o.settings.get().environment;
    const config = await ehealthConfigFor(
      environment,
      this.o.settings.get(),
      this.o.secrets,
      this.o.training ?? null,
    );
    if (!config.ok) return config;
    let next: OfflineEngine;
    try {
      await this.current.stop();
      next = createOfflineEngine({ ...this.o.engine, ehealth: config.value, outbox: this.current.outbox });
    } catch (e) {
      this.o.engine.log.error({ err: e }, 'switching the eHealth backend failed');
      return err('INTERNAL', 'the eHealth backend could not be switched');
    }
    this.current = next;
    this.environment = environment;
    for (const l of this.listeners) l(next);
    this.o.engine.events.emit('connectivityChanged', {
      state: next.connectivity(),
      cause: next.connectivityCause(),
    });
    if (environment !== previous) {
      void next.directory.sync({ mode: 'full' }).then((r) => {
        if (!r.ok)
          this.o.engine.log.warn(
            { code: r.error.code },
            'directory of the new environment not replicated yet',
          );
      });
    }
    this.o.engine.log.info({ environment }, 'eHealth backend switched');
    return ok(undefined);
  }

  private missing(): never {
    throw new Error('no eHealth backend is configured');
  }
}
