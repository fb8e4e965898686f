/**
 * Owns the kiosk window and its patient partition. When a patient session ends, `rotate()` opens a
 * fresh window on a fresh partition first (so the screen never goes empty and the app never sees
 * "all windows closed"), then closes the old window and clears the old partition. The window refuses
 * to close unless the app quits, and a crashed or hung page is reported (page-guard.ts).
 */
import type { BrowserWindow, WebContents } from 'electron';
import type { Logger } from '../core/log';
import { createKioskWindow } from './kiosk-window';
import { guardKioskWindow, type PageLostCause } from './page-guard';
import { createPatientPartition, destroyPatientPartition, type PatientPartition } from './partition';
import type { CameraAccess } from './permissions';

export interface KioskShellOptions {
  rendererDir: string;
  preloadPath: string;
  devTools: boolean;
  log: Logger;
  /** True while the app quits: only then may the kiosk window close. */
  quitting?: () => boolean;
  /** The current window's page crashed or hangs (the host ends the session and brings a fresh page). */
  onPageLost?: (cause: PageLostCause, detail: string | null) => void;
  /** The document camera's gate, shared by every partition; a fresh page always starts with it closed. */
  camera?: CameraAccess;
}

interface Current {
  window: BrowserWindow;
  partition: PatientPartition;
}

export class KioskShell {
  private current: Current | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: KioskShellOptions) {}

  /** The page(s) push events go to. */
  webContents(): WebContents[] {
    const c = this.current;
    return c && !c.window.isDestroyed() ? [c.window.webContents] : [];
  }

  get partitionName(): string | null {
    return this.current?.partition.name ?? null;
  }

  /** Opens the first window. */
  open(): Promise<void> {
    return this.serialise(() => this.replace());
  }

  /** A fresh window on a fresh partition; the old ones are closed and cleared. */
  rotate(): Promise<void> {
    return this.serialise(() => this.replace());
  }

  focus(): void {
    const w = this.current?.window;
    if (!w || w.isDestroyed()) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  }

  /** Closes the window and clears its partition (app shutdown). */
  close(): Promise<void> {
    return this.serialise(async () => {
      this.closed = true;
      const old = this.current;
      this.current = null;
      if (old) await this.dispose(old);
    });
  }

  private serialise(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async replace(): Promise<void> {
    if (this.closed) return;
    const { log } = this.opts;
    const old = this.current;
    this.opts.camera?.close();
    const partition = createPatientPartition({
      rendererDir: this.opts.rendererDir,
      devTools: this.opts.devTools,
      log,
      ...(this.opts.camera ? { camera: this.opts.camera } : {}),
    });
    const { window, loaded } = createKioskWindow({
      preloadPath: this.opts.preloadPath,
      partition: partition.name,
      devTools: this.opts.devTools,
    });
    this.current = { window, partition };
    guardKioskWindow(window, {
      quitting: () => this.closed || (this.opts.quitting?.() ?? false),
      // only the page on screen matters: a window being replaced may go without a word
      onPageLost: (cause, detail) => {
        if (this.current?.window === window) this.opts.onPageLost?.(cause, detail);
      },
      log,
    });
    try {
      await loaded;
    } catch (e) {
      log.error({ err: e }, 'the kiosk UI failed to load');
    }
    if (!window.isDestroyed()) window.show();
    if (old) await this.dispose(old);
  }

  private async dispose(c: Current): Promise<void> {
    if (!c.window.isDestroyed()) c.window.destroy();
    const failures = await destroyPatientPartition(c.partition);
    for (const f of failures) this.opts.log.error({ err: f }, 'clearing a patient partition failed');
  }
}
