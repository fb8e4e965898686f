/** The machine a run was measured on, for the report header. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started (other work on the machine makes numbers noisy). */
  loadAtStart: number;
  commit: string | null;
}

function distribution(): string | null {
  if (!existsSync('/etc/os-release')) return null;
  const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
  return m?.[1] ?? null;
}

function commit(): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    return dirty.trim() ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  const distro = distribution();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: distro ? `${distro}, ${kernel}` : kernel,
    node: process.version,
    loadAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    commit: commit(),
  };
}
