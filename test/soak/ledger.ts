/**
 * The reckoning of acts: every act a patient confirmed, from three sides — the receipt the patient
 * left with (the soak's record), the kiosk's outbox (its database, read-only) and eHealth (the
 * sandbox's database, read-only: how often each idempotency key was applied, when each request
 * was created). An act is
 *
 *   delivered    eHealth applied it exactly once and the kiosk says done;
 *   terminal     eHealth did not apply it, and the kiosk ended it (rejected, needs-patient or
 *                expired) with a reason the registrar's outbox list shows — an expiry only once
 *                eHealth's own deadline for the request had passed;
 *   pending      still on its way (only before the final drain);
 *   lost         anything else: vanished, expired before eHealth's deadline, no reason shown,
 *                still pending at the end, or "done" without eHealth having it;
 *   duplicated   applied more than once;
 *   misreported  eHealth applied it but the kiosk says it failed.
 *
 * Signed acts (declarations, personal-data changes) make the JSON's figures; terminations and
 * revocations are checked the same way and reported beside them.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Act } from './record';

export const SIGNED_KINDS = new Set(['declaration-request.sign', 'person-request.complete']);
export const UNSIGNED_ACT_KINDS = new Set(['declaration.terminate', 'app.revoke']);

export type Verdict = 'delivered' | 'terminal' | 'pending' | 'lost' | 'duplicated' | 'misreported';

export interface ActState {
  id: string;
  kind: string;
  state: string;
  applied: number;
  errorCode: string | null;
  verdict: Verdict;
  reason: string;
  /** True time the kiosk moved it to its current state (from its events), when seen. */
  settledAt: number | null;
}

export interface Tally {
  acts: number;
  delivered: number;
  terminal: Record<string, number>;
  terminalReasons: Record<string, number>;
  pending: number;
  lost: number;
  duplicated: number;
  misreported: number;
}

export interface LedgerReport {
  signed: Tally;
  unsigned: Tally;
  details: ActState[];
  /** Receipts whose operation is not in the kiosk's outbox at all. */
  vanished: string[];
}

interface Row {
  id: string;
  kind: string;
  state: string;
  held: number;
  idempotency_key: string;
  error: string | null;
  flow_id: string | null;
  request_id: string | null;
}

export interface LedgerInput {
  kioskDb: string;
  sandboxDb: string;
  receipts: readonly Act[];
  /** Operation id → the error code the registrar's outbox list shows (terminal states only). */
  registrarView: ReadonlyMap<string, string | null> | null;
  /** eHealth's request term (ms): a request expires this long after it was created. */
  requestTermMs: number;
  /** Operation id → [state, true time] of every change the kiosk reported. */
  history: ReadonlyMap<string, { state: string; at: number }[]>;
  /** After the final drain: pending counts as lost. */
  final: boolean;
}

const emptyTally = (): Tally => ({
  acts: 0,
  delivered: 0,
  terminal: {},
  terminalReasons: {},
  pending: 0,
  lost: 0,
  duplicated: 0,
  misreported: 0,
});

const TERMINAL = new Set(['rejected', 'needs-patient', 'expired']);
const DEADLINE_SLACK_MS = 2 * 60_000;

export function reckon(input: LedgerInput): LedgerReport {
  const kiosk = new Database(input.kioskDb, { readonly: true, fileMustExist: true });
  const sandbox = new Database(input.sandboxDb, { readonly: true, fileMustExist: true });
  try {
    const kinds = [...SIGNED_KINDS, ...UNSIGNED_ACT_KINDS];
    const rows = kiosk
      .prepare(
        `SELECT o.id, o.kind, o.state, o.held, o.idempotency_key, o.error, o.flow_id,
                (SELECT d.ehealth_id FROM outbox_operations d WHERE d.id = o.depends_on) AS request_id
         FROM outbox_operations o WHERE o.kind IN (${kinds.map(() => '?').join(',')}) ORDER BY o.seq`,
      )
      .all(...kinds) as Row[];
    // a signed kind is an act once the patient's signature was attached (released)
    const released = new Set(
      (
        kiosk.prepare("SELECT subject FROM audit_log WHERE action = 'outbox.released'").all() as {
          subject: string | null;
        }[]
      ).map((r) => r.subject),
    );
    const appliedOf = sandbox.prepare(
      'SELECT count(*) AS n FROM applied_operations WHERE idempotency_key = ?',
    );
    const createdOf = (table: string) =>
      sandbox.prepare(`SELECT inserted_at FROM ${table} WHERE id = ?`) as Database.Statement<
        [string],
        { inserted_at: string }
      >;
    const personRequest = createdOf('person_requests');
    const declarationRequest = createdOf('declaration_requests');
    const byId = new Map(rows.map((r) => [r.id, r]));

    const report: LedgerReport = { signed: emptyTally(), unsigned: emptyTally(), details: [], vanished: [] };
    for (const r of input.receipts) if (!byId.has(r.operationId)) report.vanished.push(r.operationId);

    for (const row of rows) {
      const signed = SIGNED_KINDS.has(row.kind);
      if (signed && !released.has(row.id)) continue; // never signed: not an act
      const tally = signed ? report.signed : report.unsigned;
      tally.acts++;
      const applied = (appliedOf.get(row.idempotency_key) as { n: number }).n;
      const errorCode = row.error ? ((JSON.parse(row.error) as { code?: string }).code ?? null) : null;
      const history = input.history.get(row.id) ?? [];
      const settledAt = [...history].reverse().find((h) => h.state === row.state)?.at ?? null;
      const verdict = (v: Verdict, reason: string): ActState => ({
        id: row.id,
        kind: row.kind,
        state: row.state,
        applied,
        errorCode,
        verdict: v,
        reason,
        settledAt,
      });
      let st: ActState;
      if (applied > 1) st = verdict('duplicated', `applied ${applied} times`);
      else if (applied === 1)
        st =
          row.state === 'done'
            ? verdict('delivered', 'done')
            : TERMINAL.has(row.state)
              ? verdict(
                  'misreported',
                  `eHealth applied it, the kiosk says ${row.state} (${errorCode ?? 'no code'})`,
                )
              : input.final
                ? verdict('misreported', `eHealth has it, the kiosk still says ${row.state}`)
                : verdict('pending', `${row.state}, though eHealth has it`);
      else if (row.state === 'done') st = verdict('lost', 'the kiosk says done, eHealth never applied it');
      else if (TERMINAL.has(row.state)) {
        const shown = input.registrarView ? input.registrarView.get(row.id) : errorCode;
        if (!shown) st = verdict('lost', `${row.state} with no reason in the registrar's outbox list`);
        else if (row.state === 'expired' && signed) {
          const created =
            row.kind === 'person-request.complete'
              ? personRequest.get(row.flow_id ?? '')?.inserted_at
              : declarationRequest.get(row.request_id ?? '')?.inserted_at;
          const deadline = created ? Date.parse(created) + input.requestTermMs : null;
          st =
            deadline !== null && settledAt !== null && settledAt < deadline - DEADLINE_SLACK_MS
              ? verdict(
                  'lost',
                  `expired ${Math.round((deadline - settledAt) / 60_000)} min before eHealth's deadline for the request`,
                )
              : verdict('terminal', `${row.state}: ${shown}`);
        } else st = verdict('terminal', `${row.state}: ${shown}`);
      } else
        st = input.final ? verdict('lost', `still ${row.state} at the end`) : verdict('pending', row.state);
      report.details.push(st);
      switch (st.verdict) {
        case 'delivered':
          tally.delivered++;
          break;
        case 'terminal':
          tally.terminal[row.state] = (tally.terminal[row.state] ?? 0) + 1;
          tally.terminalReasons[`${row.state}:${errorCode ?? '-'}`] =
            (tally.terminalReasons[`${row.state}:${errorCode ?? '-'}`] ?? 0) + 1;
          break;
        case 'pending':
          tally.pending++;
          break;
        case 'lost':
          tally.lost++;
          break;
        case 'duplicated':
          tally.duplicated++;
          break;
        case 'misreported':
          tally.misreported++;
          break;
      }
    }
    // a receipt with no operation behind it is a lost act of its kind
    for (const id of report.vanished) {
      const kind = input.receipts.find((r) => r.operationId === id)?.kind ?? '';
      const tally = SIGNED_KINDS.has(kind) ? report.signed : report.unsigned;
      tally.acts++;
      tally.lost++;
    }
    return report;
  } finally {
    kiosk.close();
    sandbox.close();
  }
}

export const ledgerAvailable = (kioskDb: string, sandboxDb: string): boolean =>
  existsSync(kioskDb) && existsSync(sandboxDb);
