/**
 * The Electron implementation of the signer-process port (electron/core/esign/signer/launcher.ts):
 * one `utilityProcess` per patient session running dist-electron/signer.cjs. It delivers exactly
 * what the Node launcher delivers: every message the process posts (utilityProcess hands main the
 * posted value itself; only the child side sees `{ data }` events), its exit code, and a kill.
 */
import type { ForkOptions, UtilityProcess } from 'electron';
import { SPARE_ARG, type LaunchOptions, type SignerChannel, type SignerLauncher } from '../core/esign';

export interface ElectronSignerOptions {
  /** dist-electron/signer.cjs */
  entry: string;
  /** `utilityProcess.fork` (injected, so the launcher is testable without Electron). */
  fork: (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;
}

export function electronSignerLauncher(opts: ElectronSignerOptions): SignerLauncher {
  return {
    launch(launchOpts: LaunchOptions = {}): SignerChannel {
      // As with the Node launcher: no stdin/stdout, stderr joins the kiosk's own.
      const child = opts.fork(opts.entry, launchOpts.spare ? [SPARE_ARG] : [], {
        serviceName: 'kiosk-signer',
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      let exited = false;
      child.once('exit', () => {
        exited = true;
      });
      return {
        send: (message) => {
          if (!exited) child.postMessage(message);
        },
        onMessage: (listener) => {
          child.on('message', (message: unknown) => listener(message));
        },
        onExit: (listener) => {
          child.on('exit', (code) => listener(code));
        },
        kill: () => {
          if (!exited) child.kill();
        },
        get pid() {
          return child.pid;
        },
      };
    },
  };
}
