/**
 * `npm run kiosk -- registrar enroll [--data-dir DIR]` against a real kiosk data directory: one line
 * with the code, only its hash on disk, an audit entry, the code sets the first registrar, and an
 * enrolled kiosk is refused.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import type { CliIO } from '../../electron/cli/types';
import { loadSecretKey } from '../../electron/core/crypto/key-store';
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { RegistrarAccounts } from '../../electron/core/registrar/accounts';
import { AuditLog } from '../../electron/core/kiosk/audit';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => Buffer.alloc(0),
  };
  return { code: await runCli(args, io), out, err };
}

describe('kiosk registrar enroll', () => {
  it('`kiosk registrar enroll` prints one line with the code, stores only its hash, and refuses an enrolled kiosk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-enroll-'));
    dirs.push(dataDir);
    const first = await cli(['registrar', 'enroll', '--data-dir', dataDir]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(
      /^enrollment code: [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\n$/,
    );
    const code = first.out.trim().slice('enrollment code: '.length);

    // nothing on disk holds the code in clear (database, WAL)
    for (const f of readdirSync(dataDir).filter((n) => n.startsWith('kiosk.db'))) {
      const bytes = readFileSync(join(dataDir, f));
      expect(bytes.includes(Buffer.from(code))).toBe(false);
      expect(bytes.includes(Buffer.from(code.replace(/-/g, '')))).toBe(false);
    }

    const db = openKioskDatabase(dataDir);
    try {
      // the CLI made the kiosk's at-rest key, which keys the audit log
      const key = loadSecretKey({ dataDir, create: false });
      const audit = new AuditLog(db, key.box, undefined, null, key.auditChain);
      expect(audit.verify().ok).toBe(true);
      const accounts = new RegistrarAccounts({ db, audit });
      expect(audit.list(5).map((e) => [e.actor, e.action])).toEqual([
        ['operator-cli', 'registrar.enrollment.issue'],
      ]);
      expect((await accounts.addFirst('R-01', '250871', code)).ok).toBe(true);
    } finally {
      db.close();
    }
    expect(await cli(['registrar', 'enroll', '--data-dir', dataDir])).toMatchObject({
      code: 1,
      out: '',
      err: expect.stringMatching(/enrolled already \(1 registrar\)/),
    });
    expect(await cli(['registrar', 'enrol', '--data-dir', dataDir])).toMatchObject({ code: 2 });
  });
});
