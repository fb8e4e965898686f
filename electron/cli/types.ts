import type { OsSecretStorage } from '../core/crypto';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (for --password-stdin). */
  readStdin(): Promise<Buffer>;
}

export interface CliContext {
  /** --data-dir, or the kiosk's default data directory. */
  dataDir: string;
  io: CliIO;
  /**
   * The OS keychain that may wrap the kiosk's at-rest key (in the installed kiosk, `--ops` passes
   * Electron's safeStorage, usable once the app is ready); absent under plain Node.
   */
  secretStorage?: () => Promise<OsSecretStorage | null>;
}

/** A command group (`esign`, `outbox`, …): receives the arguments after its name, returns the exit code. */
export interface CliGroup {
  summary: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}
