/**
 * `kiosk status [--json] [--data-dir DIR]` — the kiosk at a glance for clinic IT:
 *   {version, environment, connectivity, outbox:{<state>: count}, directory:{lastSync, doctors}, trustList:{date}}
 * Reads the kiosk database only (never a secret). Exit codes: 0 ok, 1 no kiosk database there, 2 usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKioskDatabase, KIOSK_DB_FILE } from '../core/db';
import { httpProbe } from '../core/backend';
import { fetchTransport } from '../core/ehealth';
import { readKioskStatus, type KioskStatus } from '../core/status';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';
import { parseFlags } from './args';

/** The kiosk's version from the nearest package.json above this file (source tree or bundle). */
export function kioskVersion(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kabinet-kiosk' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

export function formatStatus(s: KioskStatus): string {
  const queued = Object.entries(s.outbox)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  return [
    `Kabinet Kiosk ${s.version}`,
    `environment   ${s.environment}`,
    `connectivity  ${s.connectivity}`,
    `outbox        ${queued || 'empty'}`,
    `directory     ${s.directory.doctors} doctors, last sync ${s.directory.lastSync ?? 'never'}`,
    `trust list    ${s.trustList.date ? `imported ${s.trustList.date}` : 'not installed'}`,
  ].join('\n');
}

export interface StatusDeps {
  version?: string;
  probe?: (url: string) => ReturnType<ReturnType<typeof httpProbe>>;
}

export function statusGroup(deps: StatusDeps = {}): CliGroup {
  return {
    summary: 'the kiosk at a glance: version, environment, connectivity, outbox, directory, trust list',
    async run(args: string[], ctx: CliContext): Promise<number> {
      const p = parseFlags(args, [], ['json']);
      if (p.positional.length) throw new UsageError('usage: kiosk status [--json] [--data-dir DIR]');
      if (!existsSync(join(ctx.dataDir, KIOSK_DB_FILE))) {
        ctx.io.stderr(`no kiosk database in ${ctx.dataDir} (give the kiosk's --data-dir)`);
        return EXIT.failed;
      }
      const db = openKioskDatabase(ctx.dataDir);
      try {
        const status = await readKioskStatus(db, {
          version: deps.version ?? kioskVersion(),
          probe: deps.probe ?? ((url) => httpProbe(fetchTransport, url, 5_000)()),
        });
        ctx.io.stdout(p.flags.has('json') ? JSON.stringify(status) : formatStatus(status));
        return EXIT.ok;
      } finally {
        db.close();
      }
    },
  };
}
