/**
 * The kiosk's services for the environment in its settings, and the one way that environment
 * changes: a restart of the services. Both hosts (Electron main, the browser host) run the kiosk
 * through this.
 *
 * Everything that depends on the environment is built at start and only then: the eHealth client
 * and its listed host, the outbox (which sees only that environment's operations), the audit
 * environment, the key sources and the time-stamp service (the sandbox's persona folder and /tsa in
 * training, removable media and the certificate's TSA otherwise), the trust list, and the training
 * sandbox itself. When the registrar switches the environment (or the credentials of the one in use),
 * the settings are saved and the runtime restarts the services: the old ones are closed (the patient
 * session ends, the page wipes itself), the sandbox is stopped, and new services start on the saved
 * settings — never a kiosk half in one environment and half in another. Calls that arrive during the
 * restart wait for the new services; the page keeps its connection.
 */
import type { ChannelName } from '#shared/contract';
import { err } from '#shared/result';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/log';
import { createServices, type KioskPorts, type KioskServices } from '../core/services';
import type { PatientPorts } from '../core/session/compose';
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
  training: TrainingBackend | null;
  dispatch: Dispatch;
  unsubscribe: () => void;
}

export class KioskRuntime {
  private current: Running | null = null;
  private restarting: Promise<void> | null = null;
  private closed = false;
  private readonly listeners = new Set<Listener>();
  private readonly restartListeners = new Set<(services: KioskServices) => void>();

  private constructor(private readonly o: KioskRuntimeOptions) {}

  /** Starts the services (and, in training, the sandbox first) for the stored environment. */
  static async start(o: KioskRuntimeOptions): Promise<KioskRuntime> {
    const runtime = new KioskRuntime(o);
    runtime.current = await runtime.build();
    return runtime;
  }

  /** The services in use (replaced by a restart: read it again rather than keeping it). */
  get services(): KioskServices {
    return this.running().services;
  }

  get training(): TrainingBackend | null {
    return this.running().training;
  }

  /** The router of the services in use; a call that arrives during a restart waits for the new ones. */
  readonly dispatch: Dispatch = async (channel, payload, ctx) => {
    while (this.restarting) await this.restarting.catch(() => undefined);
    if (this.closed || !this.current) return err('NOT_AVAILABLE', 'the kiosk is stopping');
    return this.current.dispatch(channel, payload, ctx);
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

  /** Closes the services and starts them again on the saved settings. Calls meanwhile wait. */
  restart(): Promise<void> {
    if (this.closed) return Promise.resolve();
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
    if (this.current) await this.stop(this.current);
  }

  private running(): Running {
    if (!this.current) throw new Error('the kiosk services are not running');
    return this.current;
  }

  private async replace(): Promise<void> {
    const old = this.running();
    this.o.log.info('kiosk services restarting for the saved eHealth environment');
    await this.stop(old);
    try {
      this.current = await this.build();
    } catch (e) {
      this.o.log.fatal({ err: e }, 'kiosk services failed to restart');
      this.current = null;
      this.closed = true;
      throw e;
    }
    const services = this.current.services;
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

  private async build(): Promise<Running> {
    const { dataDir, tempDir, log, host } = this.o;
    let training: TrainingBackend | null = null;
    // training mode: the sandbox runs before the services, which are created pointing at it
    if (storedEnvironment(dataDir) === 'training') {
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
        trainingAvailable:
          this.o.startSandbox !== null &&
          sandboxOptions({ dataDir, tempDir, host, log, ...(this.o.env ? { env: this.o.env } : {}) }) !==
            null,
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
    return { services, training, dispatch, unsubscribe };
  }
}
