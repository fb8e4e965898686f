/**
 * Child processes of the bench: TypeScript programs run by Node with the tsx loader (so the pid
 * is the program itself, and its peak memory is its own), JSON answers on stdout, ready lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const projectPath = (rel: string): string =>
  fileURLToPath(new URL(`../../../${rel}`, import.meta.url));

const children = new Set<ChildProcess>();
const STDERR_KEEP = 256 * 1024;

/** Ends every child still running (the bench was interrupted or failed). */
export function killAllChildren(): void {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
  children.clear();
}

function tsxArgs(script: string, args: readonly string[]): string[] {
  return ['--import', 'tsx', projectPath(script), ...args];
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Peak resident set size (VmHWM) of a running process, from /proc; null where there is no /proc. */
export function vmHwmKiB(pid: number): number | null {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(file, 'utf8'));
  return m ? Number(m[1]) : null;
}

/** Runs a bench child to its end; its last stdout line is its JSON answer. */
export function runJsonChild<T>(
  script: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, tsxArgs(script, args), {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...opts.env },
      }),
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')}: no answer in ${(opts.timeoutMs ?? 600_000) / 1000} s`));
    }, opts.timeoutMs ?? 600_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(
          new Error(`${script} ${args[0] ?? ''} exited with ${code ?? signal}:\n${stderr.slice(-4000)}`),
        );
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} ${args[0] ?? ''} printed no JSON answer:\n${stdout.slice(-2000)}`));
      }
    });
  });
}

export interface ReadyChild {
  pid: number;
  /** The first stdout line matching the ready pattern. */
  line: string;
  /** From spawn to the ready line. */
  readyMs: number;
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a long-running TypeScript program and waits for its ready line on stdout. */
export function startReadyChild(
  script: string,
  args: readonly string[],
  ready: RegExp,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ReadyChild> {
  const started = performance.now();
  const child = track(
    spawn(process.execPath, tsxArgs(script, args), {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    // a long-running child logs every request: keep the start (its own timings) and the tail
    stderr += c.toString('utf8');
    if (stderr.length > STDERR_KEEP * 2) stderr = stderr.slice(0, STDERR_KEEP) + stderr.slice(-STDERR_KEEP);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (graceMs = 15_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<ReadyChild>((resolve, reject) => {
    const timeoutMs = opts.timeoutMs ?? 300_000;
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop(1_000);
      reject(new Error(`${script} did not become ready: ${why}\n${stderr.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`no ready line in ${timeoutMs / 1000} s`), timeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (settled) return;
      const line = stdout.split('\n').find((l) => ready.test(l));
      if (line === undefined) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        pid: child.pid as number,
        line,
        readyMs: performance.now() - started,
        stderr: () => stderr,
        stop,
      });
    });
    // 'close' comes after stdout has been read: a program that prints its line and exits is ready
    child.once('close', (code, signal) => fail(`exited with ${code ?? signal}`));
    child.once('error', (e) => fail(e.message));
  });
}
