import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../electron/core/crypto/secret-box';
import { openKioskDatabase } from '../../electron/core/db';
import { AuditLog } from '../../electron/core/kiosk/audit';
import { reckon, type LedgerInput } from './ledger';

const root = mkdtempSync(join(tmpdir(), 'kiosk-soak-ledger-'));
const kioskDb = join(root, 'kiosk.db');
const sandboxDb = join(root, 'sandbox.db');
const DAY = 86_400_000;
const created = Date.parse('2026-03-02T08:00:00Z');

interface Op {
  id: string;
  kind: string;
  state: string;
  error?: string;
  flow?: string;
  applied?: number;
  released?: boolean;
}

const ops: Op[] = [
  { id: 'delivered', kind: 'person-request.complete', state: 'done', flow: 'r1', applied: 1 },
  { id: 'twice', kind: 'person-request.complete', state: 'done', flow: 'r2', applied: 2 },
  { id: 'early', kind: 'person-request.complete', state: 'expired', error: 'EXPIRED', flow: 'r3' },
  { id: 'late', kind: 'person-request.complete', state: 'expired', error: 'EXPIRED', flow: 'r4' },
  {
    id: 'refused',
    kind: 'person-request.complete',
    state: 'rejected',
    error: 'EHEALTH_REJECTED',
    flow: 'r5',
  },
  { id: 'silent', kind: 'person-request.complete', state: 'rejected', error: 'EHEALTH_REJECTED', flow: 'r6' },
  {
    id: 'wrong',
    kind: 'person-request.complete',
    state: 'rejected',
    error: 'EHEALTH_REJECTED',
    flow: 'r7',
    applied: 1,
  },
  { id: 'waiting', kind: 'person-request.complete', state: 'waiting-network', flow: 'r8' },
  { id: 'unsigned-hold', kind: 'person-request.complete', state: 'expired', flow: 'r9', released: false },
  { id: 'revoke', kind: 'app.revoke', state: 'done', applied: 1 },
];

beforeAll(() => {
  const db = openKioskDatabase(root);
  const audit = new AuditLog(db, new SecretBox(randomBytes(32)));
  ops.forEach((o, i) => {
    db.prepare(
      `INSERT INTO outbox_operations (id, reference_code, kind, state, held, flow_id, idempotency_key, error, created_at, updated_at)
       VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
    ).run(
      o.id,
      `REF${i}`,
      o.kind,
      o.state,
      o.flow ?? null,
      `key-${o.id}`,
      o.error ? JSON.stringify({ code: o.error, message: 'x' }) : null,
      '2026-03-02T08:00:00Z',
      '2026-03-02T08:00:00Z',
    );
    if (o.kind.startsWith('person') && o.released !== false)
      audit.append('patient', 'outbox.released', o.id, {});
  });
  db.close();
  const sb = new Database(sandboxDb);
  sb.exec(`CREATE TABLE applied_operations (idempotency_key TEXT);
    CREATE TABLE person_requests (id TEXT PRIMARY KEY, inserted_at TEXT NOT NULL);
    CREATE TABLE declaration_requests (id TEXT PRIMARY KEY, inserted_at TEXT NOT NULL);`);
  for (const o of ops) {
    for (let n = 0; n < (o.applied ?? 0); n++)
      sb.prepare('INSERT INTO applied_operations VALUES (?)').run(`key-${o.id}`);
    if (o.flow)
      sb.prepare('INSERT INTO person_requests VALUES (?, ?)').run(o.flow, new Date(created).toISOString());
  }
  sb.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const input = (over: Partial<LedgerInput> = {}): LedgerInput => ({
  kioskDb,
  sandboxDb,
  receipts: [],
  registrarView: new Map([
    ['early', 'EXPIRED'],
    ['late', 'EXPIRED'],
    ['refused', 'EHEALTH_REJECTED'],
    ['silent', null],
    ['wrong', 'EHEALTH_REJECTED'],
  ]),
  requestTermMs: DAY,
  history: new Map([
    ['early', [{ state: 'expired', at: created + 30 * 60_000 }]],
    ['late', [{ state: 'expired', at: created + DAY + 60_000 }]],
  ]),
  final: true,
  ...over,
});

describe('the reckoning of acts', () => {
  it('tells delivered, duplicated, terminal, lost and misreported acts apart', () => {
    const r = reckon(input());
    const verdict = Object.fromEntries(r.details.map((d) => [d.id, d.verdict]));
    expect(verdict).toEqual({
      delivered: 'delivered',
      twice: 'duplicated',
      early: 'lost', // expired half an hour in, eHealth would have taken it for a day
      late: 'terminal',
      refused: 'terminal',
      silent: 'lost', // the registrar sees no reason
      wrong: 'misreported',
      waiting: 'lost', // still waiting after the final drain
      revoke: 'delivered',
    });
    expect(r.signed).toMatchObject({ acts: 8, delivered: 1, lost: 3, duplicated: 1, misreported: 1 });
    expect(r.signed.terminal).toEqual({ expired: 1, rejected: 1 });
    expect(r.unsigned).toMatchObject({ acts: 1, delivered: 1, lost: 0 });
  });

  it('counts a waiting act as pending before the end, and a receipt without an operation as lost', () => {
    const r = reckon(
      input({
        final: false,
        receipts: [
          {
            operationId: 'gone',
            referenceCode: 'X',
            kind: 'declaration-request.sign',
            persona: 'p',
            session: 's',
            at: created,
            receiptState: 'queued',
          },
        ],
      }),
    );
    expect(r.details.find((d) => d.id === 'waiting')?.verdict).toBe('pending');
    expect(r.vanished).toEqual(['gone']);
    expect(r.signed.lost).toBe(3); // early, silent, and the vanished receipt
  });
});
