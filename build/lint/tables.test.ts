import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS, tablesNamed } from './tables.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file `file` (relative to the project) with the project's own config. */
async function tableErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kiosk/table-owners').map((m) => m.message);
}

const PLANTED_UPDATE =
  "import { sql } from '../db';\nexport const q = (at: string) => sql`UPDATE outbox_operations SET next_attempt_at = ${at}`;";

describe('kiosk/table-owners in eslint.config.js', () => {
  it.each([
    [
      'electron/core/registrar/planted.ts',
      "export const n = (db: { prepare(s: string): unknown }) => db.prepare('SELECT count(*) AS n FROM outbox_operations');",
      'SQL on outbox_operations belongs to electron/core/outbox/outbox-store.ts.',
    ],
    // a file of the owning module is not the owner: the owner is one file
    [
      'electron/core/outbox/worker.ts',
      PLANTED_UPDATE,
      'SQL on outbox_operations belongs to electron/core/outbox/outbox-store.ts.',
    ],
    [
      'electron/core/directory/planted.ts',
      "export const q = 'SELECT value FROM settings WHERE key = ?';",
      'SQL on settings belongs to electron/core/kiosk/settings.ts.',
    ],
    [
      'electron/core/status.ts',
      'export const q = `SELECT pid FROM outbox_worker_lease\n WHERE id = 1`;',
      'SQL on outbox_worker_lease belongs to electron/core/outbox/lease.ts.',
    ],
    [
      'electron/sandbox/routes/planted.ts',
      "export const q = 'DELETE FROM audit_log';",
      'SQL on audit_log belongs to electron/core/kiosk/audit.ts.',
    ],
    [
      'electron/core/apps/planted.ts',
      "export const q = 'SELECT * FROM persons p JOIN declarations d ON d.person_id = p.id';",
      'SQL on persons belongs to electron/sandbox/.',
    ],
    [
      'electron/sandbox/routes/planted.ts',
      "export const q = 'INSERT INTO applied_operations (key) VALUES (?)';",
      'SQL on applied_operations belongs to electron/sandbox/http/idempotency.ts.',
    ],
  ])('%s: %s is refused', async (file, code, message) => {
    expect(await tableErrors(file, code)).toContain(message);
  });

  it('names every foreign table of one statement once', async () => {
    expect(
      await tableErrors(
        'electron/core/registrar/planted.ts',
        "export const q = 'SELECT * FROM outbox_operations o JOIN settings s ON s.key = o.id JOIN outbox_operations p ON 1';",
      ),
    ).toEqual([
      'SQL on outbox_operations belongs to electron/core/outbox/outbox-store.ts.',
      'SQL on settings belongs to electron/core/kiosk/settings.ts.',
    ]);
  });

  it.each([
    ['electron/core/outbox/outbox-store.ts', PLANTED_UPDATE],
    [
      'electron/core/outbox/outbox-store.ts',
      "export const n = (db: { prepare(s: string): unknown }) => db.prepare('SELECT count(*) AS n FROM outbox_operations');",
    ],
    ['electron/core/directory/planted.ts', "export const q = 'SELECT * FROM dir_doctors WHERE rowid = ?';"],
    ['electron/sandbox/routes/planted.ts', "export const q = 'SELECT * FROM persons WHERE id = ?';"],
    // tests and migrations are not table users
    ['electron/core/registrar/planted.test.ts', "export const q = 'SELECT * FROM outbox_operations';"],
    ['test/integration/planted.test.ts', "export const q = 'SELECT * FROM outbox_operations';"],
    ['electron/core/db/migrations/0099-planted.ts', "export const q = 'ALTER TABLE settings ADD x TEXT';"],
    // words that are not SQL on a table: lower case, other tables, a longer name
    ['electron/core/registrar/planted.ts', "export const m = 'Could not update settings from the panel';"],
    ['electron/core/registrar/planted.ts', "export const q = 'SELECT * FROM outbox_operations_archive';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await tableErrors(file, code)).toEqual([]);
  });
});

/** Every file under `dir` (relative to the project) whose name ends in `.ts`, tests left out. */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(root, d))) {
      const rel = `${d}/${name}`;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out;
}

const CREATE_TABLE = /CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*)/g;

/** Tables created by the kiosk's and the sandbox's schema (migrations, directory generation files). */
function createdTables(): Map<string, string> {
  const files = [
    ...sources('electron/core/db/migrations'),
    ...sources('electron/sandbox/db'),
    'electron/core/directory/generation.ts',
  ];
  const tables = new Map<string, string>();
  for (const f of files)
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(CREATE_TABLE)) if (m[1]) tables.set(m[1], f);
  return tables;
}

describe('TABLE_OWNERS', () => {
  it('has an owner for every table the migrations create', () => {
    const tables = createdTables();
    expect(tables.size).toBeGreaterThan(40);
    const orphans = [...tables].filter(([t]) => !(t in TABLE_OWNERS)).map(([t, f]) => `${t} (${f})`);
    expect(orphans, 'add these tables to TABLE_OWNERS in build/lint/tables.js').toEqual([]);
  });

  it('names only tables that exist, and owners that exist', () => {
    const tables = createdTables();
    expect(Object.keys(TABLE_OWNERS).filter((t) => !tables.has(t))).toEqual([]);
    const missing = Object.entries(TABLE_OWNERS).filter(([, owner]) => {
      const p = join(root, owner);
      return owner.endsWith('/')
        ? !existsSync(p) || !statSync(p).isDirectory()
        : !existsSync(p) || !statSync(p).isFile();
    });
    expect(missing).toEqual([]);
  });

  it('reads the table names of a statement as the project writes them', () => {
    expect(tablesNamed('DELETE FROM outbox_credentials WHERE x')).toEqual(['outbox_credentials']);
    expect(tablesNamed('INSERT OR REPLACE INTO dir_index (part) VALUES (?)')).toEqual(['dir_index']);
    expect(tablesNamed('SELECT 1 FROM dir_meta')).toEqual(['dir_meta']);
    expect(tablesNamed('ON CONFLICT(key) DO UPDATE SET value = excluded.value')).toEqual([]);
  });
});
