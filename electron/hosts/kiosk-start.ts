/**
 * The one start-up of the kiosk, for both hosts: Electron main (`window/kiosk-app.ts`) and the
 * browser host (`hosts/browser-host.ts`). It owns the order; a host gives only what differs (its
 * `HostProfile`) and the front it puts before the services (its `HostFront`).
 *
 * Start:
 *   1. the run's temporary folder — claimed by the host (Electron names it as its temp path before it
 *      is ready) and handed over here, which removes it whatever happens next;
 *   2. the runtime (`kiosk-runtime.ts`): in training, the sandbox first; then the services on the
 *      saved settings and the contract router;
 *   3. the host's front, attached to the runtime (Electron: IPC and the window; the browser host: the
 *      WebSocket bridge and the page's presence).
 * Stop, once, in the reverse order: the front detaches (no call reaches the services any more), the
 * services close (the patient session ends, its last events are sent), then the sandbox; the front's
 * last part closes (Electron's window); the temporary folder goes last. A start that fails on the way
 * undoes what it did, in the same order.
 */
import type { KioskPorts, KioskServices } from '../core/services';
import type { PatientPorts } from '../core/session';
import type { Logger } from '../core/log';
import type { HostTemp } from './host-temp';
import { KioskRuntime } from './kiosk-runtime';
import { patientPortsFor } from './patient-ports';
import type { HostKind, StartSandbox, TrainingBackend } from './training';

/** What the printer of a host may use: the run's temporary folder and the services in use. */
export interface HostRun {
  readonly tempDir: string;
  /** The services in use at call time (`KioskRuntime.current()`). */
  current(): KioskServices;
}

/** Everything that differs between the hosts' kiosks, and nothing else. */
export interface HostProfile {
  /** Sandbox defaults (training.ts): Electron keeps a national seed, the browser host a small one. */
  kind: HostKind;
  version: string;
  /** Which caller origins the router accepts (Electron: app://kiosk; browser: its loopback origin). */
  isAllowedOrigin: (origin: string) => boolean;
  /** Where receipts are printed, given the receipts folder (Electron: the printer; browser: PDF files). */
  printer: (receiptsDir: string | null, run: HostRun) => ReturnType<NonNullable<KioskPorts['printer']>>;
  /** How the signer process starts (Electron: utilityProcess); absent: a Node child process. */
  signerLauncher?: PatientPorts['signerLauncher'];
  /** The OS secret storage protecting the at-rest key (Electron: safeStorage); absent: a 0600 key file. */
  osSecretStorage?: KioskPorts['osSecretStorage'];
  /** Ports only one host has (Electron: the registrar's quit, the document camera's permission). */
  quit?: KioskPorts['quit'];
  camera?: KioskPorts['camera'];
}

/** What a host puts before the services, and how it comes off again. */
export interface HostFront<F> {
  /** What the host hands its callers (the Electron shell; the browser host's URL and bridge). */
  value: F;
  /** Before the services close: no call or event passes any more. */
  detach(): void | Promise<void>;
  /** After the services and the sandbox closed (Electron's window). */
  close?(): Promise<void>;
}

export interface StartKioskOptions<F> {
  dataDir: string;
  log: Logger;
  /** This run's temporary folder, claimed by the host (host-temp.ts); removed by the stop. */
  temp: HostTemp;
  /** The embedded sandbox for training mode; null in builds without it. */
  startSandbox: StartSandbox | null;
  profile: HostProfile;
  /** Puts the host's front on the started runtime (step 3). */
  attach: (runtime: KioskRuntime) => HostFront<F> | Promise<HostFront<F>>;
  /** Environment variables read for the sandbox and the key sources (default: the process's). */
  env?: NodeJS.ProcessEnv;
}

export interface StartedKiosk<F> {
  /** The services and their restart (a change of environment restarts them). */
  runtime: KioskRuntime;
  front: F;
  /** This run's temporary folder, `<dataDir>/tmp/<run>` (removed by `stop`). */
  tempDir: string;
  /** The services in use now (replaced by a restart). */
  current(): KioskServices;
  training(): TrainingBackend | null;
  /** Front → services → sandbox → the front's last part → temporary folder; once. */
  stop(): Promise<void>;
}

export async function startKiosk<F>(o: StartKioskOptions<F>): Promise<StartedKiosk<F>> {
  const { dataDir, log, temp, profile } = o;
  let runtime: KioskRuntime | null = null;
  const run: HostRun = {
    tempDir: temp.dir,
    current: () => {
      if (!runtime) throw new Error('the kiosk services are not running yet');
      return runtime.current();
    },
  };
  let front: HostFront<F>;
  try {
    runtime = await KioskRuntime.start({
      dataDir,
      tempDir: temp.dir,
      log,
      host: profile.kind,
      startSandbox: o.startSandbox,
      ports: {
        version: profile.version,
        printer: (receiptsDir) => profile.printer(receiptsDir, run),
        ...(profile.osSecretStorage ? { osSecretStorage: profile.osSecretStorage } : {}),
        ...(profile.quit ? { quit: profile.quit } : {}),
        ...(profile.camera ? { camera: profile.camera } : {}),
      },
      patientPorts: (training) =>
        patientPortsFor({
          training,
          ...(profile.signerLauncher ? { signerLauncher: profile.signerLauncher } : {}),
          ...(o.env ? { env: o.env } : {}),
        }),
      isAllowedOrigin: profile.isAllowedOrigin,
      ...(o.env ? { env: o.env } : {}),
    });
    front = await o.attach(runtime);
  } catch (e) {
    await runtime?.close().catch((closeError: unknown) => log.error({ err: closeError }, 'stop failed'));
    temp.remove();
    throw e;
  }
  const started = runtime;

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await front.detach();
        await started.close();
        await front.close?.();
      } finally {
        temp.remove();
      }
    })();
    return stopping;
  };
  return {
    runtime: started,
    front: front.value,
    tempDir: temp.dir,
    current: () => started.current(),
    training: () => started.training,
    stop,
  };
}
