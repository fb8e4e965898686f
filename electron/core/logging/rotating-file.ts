import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
  chmodSync,
  existsSync,
} from 'node:fs';
import { join } from 'node:path';

export interface RotatingFileOptions {
  /** The logs folder, e.g. `<data-dir>/logs`; created 0700 if missing. */
  dir: string;
  /** File name without extension: `<name>.log`, then `<name>.1.log` (newest old) … */
  name: string;
  /** Size at which the current file is rotated (default 5 MiB). */
  maxBytes?: number;
  /** Files kept in all, the current one included (default 5). */
  maxFiles?: number;
  /** Where to say once that the log file cannot be written (default: stderr). */
  onError?: (message: string) => void;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_FILES = 5;

/**
 * A pino destination that appends JSON lines to `<dir>/<name>.log` and rotates by size and count:
 * when the next line would pass `maxBytes`, `<name>.log` becomes `<name>.1.log`, `.1` becomes `.2`
 * and so on, and the oldest beyond `maxFiles` is deleted. Writes are synchronous, so nothing logged
 * before a crash is lost; a line is never split across files. Files are readable by the kiosk user
 * only. A full or read-only disk never stops the kiosk: lines are dropped and that is said once.
 */
export class RotatingFileDestination {
  private fd: number | null = null;
  private size = 0;
  private failed = false;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  /** Lines that could not be written (disk full, permissions). */
  dropped = 0;

  constructor(private readonly opts: RotatingFileOptions) {
    this.maxBytes = Math.max(1024, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    this.maxFiles = Math.max(1, Math.floor(opts.maxFiles ?? DEFAULT_MAX_FILES));
  }

  /** The current file and its older siblings, newest first. */
  files(): string[] {
    return Array.from({ length: this.maxFiles }, (_, i) => this.fileAt(i));
  }

  write(line: string): boolean {
    try {
      const bytes = Buffer.byteLength(line);
      if (this.fd === null) this.open();
      if (this.size > 0 && this.size + bytes > this.maxBytes) {
        this.rotate();
        this.open();
      }
      writeSync(this.fd as number, line);
      this.size += bytes;
    } catch (e) {
      this.dropped++;
      this.close();
      if (!this.failed) {
        this.failed = true;
        (this.opts.onError ?? ((m) => process.stderr.write(`${m}\n`)))(
          `kiosk log file ${this.fileAt(0)} cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'}); log lines are dropped until it can`,
        );
      }
      return true;
    }
    if (this.failed) this.failed = false;
    return true;
  }

  /** pino calls this on `logger.flush()`; writes are synchronous already. */
  flushSync(): void {}

  end(): void {
    this.close();
  }

  private fileAt(i: number): string {
    return join(this.opts.dir, i === 0 ? `${this.opts.name}.log` : `${this.opts.name}.${i}.log`);
  }

  private open(): void {
    mkdirSync(this.opts.dir, { recursive: true, mode: 0o700 });
    const file = this.fileAt(0);
    this.fd = openSync(file, 'a', 0o600);
    if (process.platform !== 'win32') chmodSync(file, 0o600);
    this.size = fstatSync(this.fd).size;
  }

  private close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // already gone
    }
    this.fd = null;
  }

  private rotate(): void {
    this.close();
    rmSync(this.fileAt(this.maxFiles - 1), { force: true });
    for (let i = this.maxFiles - 2; i >= 0; i--) {
      const from = this.fileAt(i);
      if (existsSync(from)) renameSync(from, this.fileAt(i + 1));
    }
    this.size = 0;
  }
}
