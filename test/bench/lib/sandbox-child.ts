/**
 * The eHealth sandbox as a separate process (`electron/sandbox/cli.ts`), as a kiosk meets eHealth:
 * over HTTP, on its own CPU time. Its ready line carries the credentials and the personas.
 */
import { dirname, join } from 'node:path';
import { startReadyChild, vmHwmKiB, type ReadyChild } from './child';

export interface SandboxPersonaInfo {
  id: string;
  taxId: string;
  keyFile: string;
  password: string;
  /** `<id>.cer` beside the key (Key-6.dat holds no certificate). */
  certificateFile: string;
}

export interface SandboxChild {
  baseUrl: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  tsaUrl: string;
  /** The sandbox's test CA (the ready line's `caCertificates`): the trust list of a kiosk in training. */
  trustList: Uint8Array;
  personas: SandboxPersonaInfo[];
  pid: number;
  /** From spawn to the ready line (process start, module load, seeding or reuse, PKI, listen). */
  readyMs: number;
  /** The sandbox's own account of its start (after module load), when it logged one. */
  timings: { seedMs: number; startMs: number; seeded: boolean } | null;
  peakRssKiB(): number | null;
  setFaults(faults: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

interface ReadyLine {
  baseUrl: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  tsaUrl: string;
  caCertificates: string;
  personas: { id: string; taxId: string; keyFile: string; password: string }[];
}

async function timingsFrom(child: ReadyChild): Promise<SandboxChild['timings']> {
  // the CLI logs its timings right after the ready line
  for (let i = 0; i < 40; i++) {
    for (const line of child.stderr().split('\n')) {
      if (!line.includes('"timings"')) continue;
      try {
        const t = JSON.parse(line) as { seedMs?: number; startMs?: number; seeded?: boolean };
        if (typeof t.seedMs === 'number' && typeof t.startMs === 'number')
          return { seedMs: t.seedMs, startMs: t.startMs, seeded: t.seeded === true };
      } catch {
        // a partial line: read again
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** Without a data directory the sandbox seeds a fresh temporary database and shares persona keys. */
export async function startSandboxChild(opts: {
  seed: 'small' | 'national';
  dataDir?: string;
}): Promise<SandboxChild> {
  const child = await startReadyChild(
    'electron/sandbox/cli.ts',
    ['--seed', opts.seed, ...(opts.dataDir ? ['--data-dir', opts.dataDir] : []), '--port', '0'],
    /^\{"event":"ready"/,
    { env: { SANDBOX_LOG_LEVEL: 'info' }, timeoutMs: 600_000 },
  );
  const ready = JSON.parse(child.line) as ReadyLine;
  return {
    baseUrl: ready.baseUrl,
    apiKey: ready.apiKey,
    clientId: ready.clientId,
    clientSecret: ready.clientSecret,
    scope: ready.scope,
    tsaUrl: ready.tsaUrl,
    trustList: new Uint8Array(Buffer.from(ready.caCertificates, 'base64')),
    personas: ready.personas.map((p) => ({
      id: p.id,
      taxId: p.taxId,
      keyFile: p.keyFile,
      password: p.password,
      certificateFile: join(dirname(p.keyFile), `${p.id}.cer`),
    })),
    pid: child.pid,
    readyMs: child.readyMs,
    timings: await timingsFrom(child),
    peakRssKiB: () => vmHwmKiB(child.pid),
    async setFaults(faults) {
      const res = await fetch(`${ready.baseUrl}/sandbox/faults`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      });
      await res.text();
      if (!res.ok) throw new Error(`sandbox faults: HTTP ${res.status}`);
    },
    stop: () => child.stop(),
  };
}
