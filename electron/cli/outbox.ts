/**
 * `kiosk outbox …` — the operator's view of the durable outbox:
 *   list [--state S] [--limit N] [--json]   (DEADLINE: until when an act may still be delivered;
 *                                            one past it ends `expired` with its reason, never removed)
 *   retry ID|REFERENCE
 *   discard ID|REFERENCE
 * Retry and discard are recorded in the audit log with the operator CLI as actor, which needs the
 * kiosk's at-rest key (the audit chain is keyed by it); listing needs no key.
 * Exit codes: 0 ok, 1 failed (no such operation, not allowed in its state), 2 usage.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OperationState, type OperationView } from '#shared/contract/outbox';
import { OS_WRAPPED_KEY_FILE, type LoadedKey, SecretBox } from '../core/crypto';
import { openKioskDatabase } from '../core/db';
import { Outbox } from '../core/outbox';
import { AuditLog, SettingsStore, type AuditChainKey } from '../core/kiosk';
import { flag, parseFlags } from './args';
import { cliAuditLog, loadCliKey } from './at-rest-key';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';

/** Listing writes no audit entry: without the at-rest key, appending one is a bug, never a silent unkeyed entry. */
const NO_AUDIT_KEY: AuditChainKey = {
  mac() {
    throw new Error('the audit log needs the kiosk’s at-rest key');
  },
};

/**
 * The outbox over the kiosk database, in the environment the kiosk is set to (the others' operations
 * stay apart). Nothing here opens a payload; only the audit entries of retry and discard need the
 * at-rest key (`key`).
 */
function openOutbox(dataDir: string, key: LoadedKey | null = null) {
  const db = openKioskDatabase(dataDir);
  const environment = new SettingsStore(db).get().environment;
  const audit = key
    ? cliAuditLog(db, key, environment)
    : new AuditLog(db, NO_AUDIT_KEY, undefined, environment);
  const outbox = new Outbox({
    db,
    environment,
    audit,
    box: new SecretBox(randomBytes(32)),
    keyProtection: existsSync(join(dataDir, OS_WRAPPED_KEY_FILE)) ? 'os' : 'key-file',
    keyWarning: !existsSync(join(dataDir, OS_WRAPPED_KEY_FILE)),
  });
  return { db, outbox };
}

const find = (outbox: Outbox, idOrCode: string): OperationView | null =>
  outbox.get(idOrCode) ?? outbox.getByReference(idOrCode);

function table(ops: OperationView[]): string {
  const rows = ops.map((o) => [
    o.referenceCode,
    o.state + (o.held ? ' (awaiting signature)' : '') + (o.discarded ? ' (discarded)' : ''),
    o.kind,
    String(o.attempts),
    o.updatedAt.replace('T', ' ').slice(0, 19),
    o.nextAttemptAt ? o.nextAttemptAt.replace('T', ' ').slice(0, 19) : '',
    o.expiresAt && o.state !== 'done' ? o.expiresAt.replace('T', ' ').slice(0, 19) : '',
    o.ehealthId ?? '',
    o.error ? `${o.error.code}: ${o.error.ehealth?.message ?? o.error.message}` : '',
    o.id,
  ]);
  const head = [
    'REFERENCE',
    'STATE',
    'KIND',
    'TRIES',
    'UPDATED (UTC)',
    'NEXT TRY',
    'DEADLINE (UTC)',
    'EHEALTH ID',
    'ERROR',
    'ID',
  ];
  const widths = head.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

async function run(args: string[], ctx: CliContext): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'list') {
    const p = parseFlags(rest, ['state', 'limit'], ['json']);
    if (p.positional.length)
      throw new UsageError('usage: kiosk outbox list [--state S] [--limit N] [--json]');
    const state = flag(p, 'state');
    if (state !== undefined && !OperationState.safeParse(state).success) {
      throw new UsageError(`--state must be one of ${OperationState.options.join(', ')}`);
    }
    const limit = Number(flag(p, 'limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UsageError('--limit must be 1 to 1000');
    const { db, outbox } = openOutbox(ctx.dataDir);
    try {
      const ops = outbox.list({ ...(state ? { states: [state as OperationState] } : {}), limit });
      if (p.flags.has('json')) ctx.io.stdout(JSON.stringify({ status: outbox.status(), operations: ops }));
      else {
        const status = outbox.status();
        const counts = Object.entries(status.counts)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${s} ${n}`)
          .join(', ');
        ctx.io.stdout(ops.length ? table(ops) : 'no operations');
        ctx.io.stdout(
          `\n${counts || 'empty'}; at-rest key: ${status.keyProtection}${status.keyWarning ? ' (warning: not protected by the OS keychain)' : ''}`,
        );
      }
      return EXIT.ok;
    } finally {
      db.close();
    }
  }
  if (command === 'retry' || command === 'discard') {
    const p = parseFlags(rest, [], ['json']);
    const target = p.positional[0];
    if (!target || p.positional.length > 1)
      throw new UsageError(`usage: kiosk outbox ${command} ID|REFERENCE`);
    const key = await loadCliKey(ctx);
    if (!key.ok) {
      ctx.io.stderr(`${command} refused: ${key.message}`);
      return EXIT.failed;
    }
    const { db, outbox } = openOutbox(ctx.dataDir, key.key);
    try {
      const op = find(outbox, target);
      if (!op) {
        ctx.io.stderr(`no operation ${target}`);
        return EXIT.failed;
      }
      const r =
        command === 'retry' ? outbox.retry(op.id, 'operator-cli') : outbox.discard(op.id, 'operator-cli');
      if (!r.ok) {
        ctx.io.stderr(`${command} refused: ${r.error.message}`);
        return EXIT.failed;
      }
      if (p.flags.has('json')) ctx.io.stdout(JSON.stringify(r.value));
      else
        ctx.io.stdout(
          `${r.value.referenceCode} ${r.value.kind}: ${r.value.state}${command === 'discard' ? ' (discarded)' : ''}`,
        );
      return EXIT.ok;
    } finally {
      db.close();
    }
  }
  throw new UsageError('usage: kiosk outbox list [--json] | retry ID | discard ID');
}

export const outboxGroup: CliGroup = {
  summary: 'queued eHealth operations: list, retry, discard',
  run,
};
