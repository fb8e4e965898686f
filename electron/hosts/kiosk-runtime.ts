/**
 * The kiosk's services for the environment in its settings, and the one way that environment
 * changes: a restart of the services. Both hosts (Electron main, the browser host) run the kiosk
 * through this, started by their one start-up (kiosk-start.ts, which also owns the temporary folder,
 * the host's front and the stop); tests and the soak drive a runtime directly.
 *
 * Everything that depends on the environment is built at start and only then: the eHealth client
 * and its listed host, the outbox (which sees only that environment's operations), the audit
 * environment, the key sources and the time-stamp service (the sandbox's persona folder and /tsa in
 * training, removable media and the certificate's TSA otherwise), the trust list, and the training
 * sandbox itself. When the registrar switches the environment (or the credentials of the one in use),
 * the settings are saved and the runtime restarts the services, the new backend first:
 *   1. prepare — what the saved environment needs is made ready while the running services still
 *      serve: a real environment's configuration (its listed host and sealed credentials), or the
 *      training sandbox started (the running services then have none, so no two sandboxes share a
 *      folder; a restart from training into training reuses nothing and starts its sandbox in step 3).
 *      If that fails, nothing changes: the running services go on, the saved environment is set back
 *      to theirs, and the failure is audited (`registrar.settings.restartFailed`) and returned.
 *   2. stop — the old services are closed (the patient session ends, the page wipes itself), then
 *      their sandbox;
 *   3. build — new services on the saved settings and the prepared backend.
 * Services are never built twice side by side: two outbox workers, session managers or directory
 * stores on one data directory must not exist. Never a kiosk half in one environment and half in
 * another. Calls that arrive during the restart wait for the new services; the page keeps its
 * connection. `current()` is the one holder of the services in use: read it at call time, never keep it.
 */
import type { Environment } from '#shared/contract/app';
import type { ChannelName } from '#shared/contract';
import { err, ok, type Result } from '#shared/result';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/log';
import { checkEnvironment } from '../core/backend';
import { createServices, type KioskPorts, type KioskServices } from '../core/services';
import type { PatientPorts } from '../core/session';
import { createHandlers } from '../ipc/handlers';
import { createRouter, type Dispatch } from '../ipc/router';
import {
  awaitFirstDirectory,
  ehealthConfigFor,
  sandboxOptions,
  startTrainingBackend,
  storedEnvironment,
  type HostKind,
  type StartSandbox,
  type TrainingBackend,
} from './training';

type Listener = (name: Parameters<Parameters<EventBus['subscribeAll']>[0]>[0], payload: unknown) => void;

export interface KioskRuntimeOptions {
  dataDir: string;
  /** The host's temporary folder (host-temp.ts): where a disposable training sandbox lives. */
  tempDir: string;
  log: Logger;
  host: HostKind;
  /** The embedded sandbox for training mode; null in builds without it. */
  startSandbox: StartSandbox | null;
  /** The services' ports that are the same in every environment (version, printer, at-rest key, …). */
  ports: Omit<KioskPorts, 'dataDir' | 'log' | 'ehealth' | 'patient' | 'trainingAvailable' | 'restart'>;
  /** The patient ports of a start: the host's signer launcher; in training, the sandbox's keys and TSA. */
  patientPorts: (training: TrainingBackend | null) => PatientPorts;
  /** Which caller origins the router accepts. */
  isAllowedOrigin: (origin: string) => boolean;
  env?: NodeJS.ProcessEnv;
}

interface Running {
  services: KioskServices;
  /** the environment these services run in (the saved one when they started) */
  environment: Environment;
  training: TrainingBackend | null;
  dispatch: Dispatch;
  unsubscribe: () => void;
}

/**
 * The backend a restart prepared before it stopped the running services: the training sandbox it
 * started, none for a real environment — or, from training into training, a sandbox still to start
 * once the old one is stopped.
 */
type Prepared = { training: TrainingBackend | null } | { training: 'after-stop' };

export class KioskRuntime {
  private active: Running | null = null;
  private restarting: Promise<Result<void>> | null = null;
  private closed = false;
  private readonly listeners = new Set<Listener>();
  private readonly restartListeners = new Set<(services: KioskServices) => void>();

  private constructor(private readonly o: KioskRuntimeOptions) {}

  /** Starts the services (and, in training, the sandbox first) for the stored environment. */
  static async start(o: KioskRuntimeOptions): Promise<KioskRuntime> {
    const runtime = new KioskRuntime(o);
    runtime.active = await runtime.build({ training: 'after-stop' });
    return runtime;
  }

  /** The services in use (replaced by a restart: read it at call time rather than keeping it). */
  current(): KioskServices {
    return this.running().services;
  }

  get training(): TrainingBackend | null {
    return this.running().training;
  }

  /** The router of the services in use; a call that arrives during a restart waits for the new ones. */
  readonly dispatch: Dispatch = async (channel, payload, ctx) => {
    while (this.restarting) await this.restarting.catch(() => undefined);
    if (this.closed || !this.active) return err('NOT_AVAILABLE', 'the kiosk is stopping');
    return this.active.dispatch(channel, payload, ctx);
  };

  /** What the page may hear (`KioskServices.rendererEvents`), from whichever services are in use. */
  readonly events: Pick<EventBus, 'subscribeAll'> = {
    subscribeAll: (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };

  /** Called with the new services after every restart (Electron opens a fresh window then). */
  onRestart(listener: (services: KioskServices) => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /**
   * Prepares the saved environment's backend, then closes the services and starts them again on the
   * saved settings. Calls meanwhile wait. An environment that cannot be prepared leaves the running
   * services as they are (the error is returned).
   */
  restart(): Promise<Result<void>> {
    if (this.closed) return Promise.resolve(ok(undefined));
    this.restarting ??= this.replace().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  async close(): Promise<void> {
    while (this.restarting) await this.restarting.catch(() => undefined);
    if (this.closed) return;
    this.closed = true;
    // the last services stay readable (closed) for whoever still holds the runtime
    if (this.active) await this.stop(this.active);
  }

  private running(): Running {
    if (!this.active) throw new Error('the kiosk services are not running');
    return this.active;
  }

  private async replace(): Promise<Result<void>> {
    const old = this.running();
    const environment = storedEnvironment(this.o.dataDir);
    const prepared = await this.prepare(environment, old);
    if (!prepared.ok) {
      this.refuse(old, environment, prepared.error.code);
      return prepared;
    }
    this.o.log.info({ environment }, 'kiosk services restarting for the saved eHealth environment');
    await this.stop(old);
    try {
      this.active = await this.build(prepared.value);
    } catch (e) {
      this.o.log.fatal({ err: e }, 'kiosk services failed to restart');
      this.active = null;
      this.closed = true;
      throw e;
    }
    const services = this.active.services;
    for (const l of [...this.restartListeners]) {
      try {
        l(services);
      } catch (e) {
        this.o.log.error({ err: e }, 'a restart listener failed');
      }
    }
    // the page reloads the kiosk's settings (environment, training banner), registrar state and link
    services.events.emit('kioskSettingsChanged', { environment: services.settings.get().environment });
    services.events.emit('registrarChanged', services.registrar.mode.state());
    services.events.emit('connectivityChanged', {
      state: services.connectivity(),
      cause: services.offline.connectivityCause(),
    });
    return ok(undefined);
  }

  /**
   * Step 1 of a restart, while `old` still serves: a real environment's configuration must be
   * complete; training gets its sandbox started now — unless `old` runs one (its folder is the new
   * one's), which then starts after the stop.
   */
  private async prepare(environment: Environment, old: Running): Promise<Result<Prepared>> {
    const { dataDir, tempDir, host, log } = this.o;
    if (environment !== 'training') {
      const usable = checkEnvironment(
        environment,
        old.services.settings.get(),
        old.services.registrar.secrets,
        this.trainingAvailable(),
      );
      return usable.ok ? ok({ training: null }) : usable;
    }
    if (old.training) return ok({ training: 'after-stop' });
    const started = await startTrainingBackend(this.o.startSandbox, { dataDir, tempDir, host, log });
    return started.ok ? ok({ training: started.value }) : started;
  }

  /** A restart that could not be prepared: the running services stay, and so does their environment. */
  private refuse(old: Running, environment: Environment, code: string): void {
    const { services } = old;
    this.o.log.error({ environment, code }, 'kiosk services not restarted: the environment is not ready');
    if (environment !== old.environment) services.settings.update({ environment: old.environment });
    services.audit.append('kiosk', 'registrar.settings.restartFailed', null, { environment, code });
    services.events.emit('kioskSettingsChanged', { environment: services.settings.get().environment });
  }

  private trainingAvailable(): boolean {
    const { dataDir, tempDir, host, log } = this.o;
    const env = this.o.env ? { env: this.o.env } : {};
    return this.o.startSandbox !== null && sandboxOptions({ dataDir, tempDir, host, log, ...env }) !== null;
  }

  /** Ends the services (their last events still reach the page) and the sandbox. */
  private async stop(running: Running): Promise<void> {
    try {
      await running.services.close();
    } catch (e) {
      this.o.log.error({ err: e }, 'kiosk services did not close cleanly');
    }
    running.unsubscribe();
    if (running.training)
      await running.training
        .close()
        .catch((e: unknown) => this.o.log.error({ err: e }, 'sandbox close failed'));
  }

  /** Step 3 (and the first start): the services on the saved settings, with the prepared sandbox. */
  private async build(prepared: Prepared): Promise<Running> {
    const { dataDir, tempDir, log, host } = this.o;
    const environment = storedEnvironment(dataDir);
    let training = prepared.training === 'after-stop' ? null : prepared.training;
    // training mode: the sandbox runs before the services, which are created pointing at it
    if (prepared.training === 'after-stop' && environment === 'training') {
      const started = await startTrainingBackend(this.o.startSandbox, { dataDir, tempDir, host, log });
      if (started.ok) training = started.value;
      else
        log.warn({ error: started.error.code }, 'training mode without a sandbox: eHealth calls will fail');
    }
    let services: KioskServices;
    try {
      services = createServices({
        ...this.o.ports,
        dataDir,
        log,
        ...(training ? { ehealth: ehealthConfigFor(training) } : {}),
        patient: this.o.patientPorts(training),
        trainingAvailable: this.trainingAvailable(),
        // answered first, then restarted: the registrar's call gets its reply from the old services
        restart: () =>
          setImmediate(() => {
            this.restart().catch(() => undefined);
          }),
      });
    } catch (e) {
      await training
        ?.close()
        .catch((closeError: unknown) => log.error({ err: closeError }, 'sandbox close failed'));
      throw e;
    }
    // training: the schedule's first directory is in place before the kiosk says it is ready
    // (training.ts); without background work (tests that drive it) there is no schedule to wait for
    if (training && this.o.ports.background !== false) await awaitFirstDirectory(services.directory, log);
    const dispatch = createRouter({
      handlers: createHandlers(services),
      isAllowedOrigin: this.o.isAllowedOrigin,
      log,
      onCall: (_channel: ChannelName) => services.session.touch(),
    });
    const unsubscribe = services.rendererEvents.subscribeAll((name, payload) => {
      for (const l of [...this.listeners]) l(name, payload);
    });
    return { services, environment, training, dispatch, unsubscribe };
  }
}
