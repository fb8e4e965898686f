import { join } from 'node:path';
import type pino from 'pino';
import { createLogger, type Logger } from '../log';
import { RotatingFileDestination } from './rotating-file';

export const LOGS_DIR = 'logs';

export interface KioskLoggerOptions {
  /** Program name: the file is `<data-dir>/logs/<name>.log` and every line carries it. */
  name: string;
  /** The kiosk data directory; ':memory:' or null writes no file. */
  dataDir: string | null;
  /** Also write to stderr (hosts under a supervisor, e2e diagnostics). Default true. */
  stderr?: boolean;
  level?: pino.LevelWithSilent;
  maxBytes?: number;
  maxFiles?: number;
}

export interface KioskLogger {
  log: Logger;
  /** The rotating file, when there is one. */
  file: RotatingFileDestination | null;
}

/**
 * The kiosk's structured logs: JSON lines (pino) scrubbed of personal data by `core/log.ts`, written
 * to `<data-dir>/logs/<name>.log` with rotation by size and count, and to stderr.
 */
export function createKioskLogger(opts: KioskLoggerOptions): KioskLogger {
  const file =
    opts.dataDir && opts.dataDir !== ':memory:'
      ? new RotatingFileDestination({
          dir: join(opts.dataDir, LOGS_DIR),
          name: opts.name,
          ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
          ...(opts.maxFiles ? { maxFiles: opts.maxFiles } : {}),
        })
      : null;
  const toStderr = opts.stderr ?? true;
  const destination = {
    write(line: string): boolean {
      if (toStderr) process.stderr.write(line);
      file?.write(line);
      return true;
    },
  };
  return {
    log: createLogger({ name: opts.name, destination, ...(opts.level ? { level: opts.level } : {}) }),
    file,
  };
}
