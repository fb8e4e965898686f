/**
 * `kiosk audit verify [--json]` — checks the audit log's keyed hash chain (see core/kiosk/audit.ts)
 * with the kiosk's at-rest key. Prints one line when intact; when broken, the first bad entry.
 * Exit codes: 0 intact, 1 broken, 2 usage or the check could not run (no database, no key).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskDatabase, KIOSK_DB_FILE } from '../core/db';
import { AuditLog } from '../core/kiosk';
import { parseFlags } from './args';
import { loadCliKey } from './at-rest-key';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';

const USAGE = 'usage: kiosk audit verify [--json] [--data-dir DIR]';

async function verify(args: string[], ctx: CliContext): Promise<number> {
  const p = parseFlags(args, [], ['json']);
  if (p.positional.length) throw new UsageError(USAGE);
  const json = p.flags.has('json');
  const fail = (message: string): number => {
    if (json) ctx.io.stdout(JSON.stringify({ checked: false, error: message }));
    else ctx.io.stderr(`audit chain not checked: ${message}`);
    return EXIT.usage;
  };
  if (!existsSync(join(ctx.dataDir, KIOSK_DB_FILE))) return fail(`no kiosk database in ${ctx.dataDir}`);
  const key = await loadCliKey(ctx);
  if (!key.ok) return fail(key.message);
  // read-only: checking never writes (not even the re-anchoring a kiosk does at start)
  const db = openKioskDatabase(ctx.dataDir, { readonly: true });
  try {
    const r = new AuditLog(db, key.key.box).verify();
    if (json) {
      ctx.io.stdout(JSON.stringify({ checked: true, ...r }));
    } else if (r.ok) {
      ctx.io.stdout(
        `audit chain intact: ${r.entries} entries` +
          (r.keyedFrom !== null && r.keyedFrom > 1 ? ` (keyed from entry ${r.keyedFrom})` : ''),
      );
    } else {
      const e = r.entry;
      ctx.io.stdout(`audit chain broken at entry ${r.brokenAt}: ${r.reason}`);
      ctx.io.stdout(
        `first bad entry: #${e.seq} ${e.at} ${e.actor} ${e.action}` +
          (e.subject ? ` ${e.subject}` : '') +
          (e.detail ? ` ${e.detail}` : ''),
      );
    }
    return r.ok ? EXIT.ok : EXIT.failed;
  } finally {
    db.close();
  }
}

export const auditGroup: CliGroup = {
  summary: 'the audit log: verify its keyed hash chain',
  async run(args, ctx) {
    const [command, ...rest] = args;
    if (command === 'verify') return verify(rest, ctx);
    throw new UsageError(USAGE);
  },
};
