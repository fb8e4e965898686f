import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationView } from '#shared/contract/outbox';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { AuditLog } from '../kiosk/audit';
import { Outbox } from './outbox';
import { testClock, TOKENS } from './test-support.test-support';
import { outcomeOf, publicFailure, waitForOperation } from './outcome';

const dbs: ReturnType<typeof openKioskDatabase>[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

function setup() {
  const db = openKioskDatabase(':memory:');
  dbs.push(db);
  const clock = testClock();
  const outbox = new Outbox({
    environment: 'training',
    db,
    box: new SecretBox(randomBytes(32)),
    audit: new AuditLog(db, new SecretBox(randomBytes(32)), clock.now),
    now: clock.now,
  });
  const op = outbox.enqueue({
    kind: 'app.revoke',
    params: { appId: 'app-1' },
    patientKey: outbox.patientKeyFor('p-1'),
    credentials: TOKENS,
  });
  if (!op.ok) throw new Error(op.error.message);
  return { outbox, op: op.value };
}

const view = (over: Partial<OperationView>): OperationView => ({
  id: 'op-1',
  referenceCode: 'K7M4-PX9C',
  kind: 'declaration-request.create',
  state: 'rejected',
  held: false,
  flowId: null,
  attempts: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:01.000Z',
  completedAt: null,
  nextAttemptAt: null,
  expiresAt: null,
  ehealthId: null,
  discarded: false,
  error: null,
  ...over,
});

describe('waitForOperation', () => {
  it('resolves with eHealth’s answer when the operation is delivered', async () => {
    const { outbox, op } = setup();
    const waiting = waitForOperation(outbox, op, { waitMs: 5_000 });
    outbox.transition(op.id, ['captured'], 'sending', {}, 'kiosk');
    outbox.transition(op.id, ['sending'], 'done', { completed: true }, 'kiosk', 'outbox.state', { id: 'x' });
    const settled = await waiting;
    expect(settled.view.state).toBe('done');
    expect(settled.data).toEqual({ id: 'x' });
  });

  it('stops waiting as soon as the link is seen down (the operation waits for the network)', async () => {
    const { outbox, op } = setup();
    const waiting = waitForOperation(outbox, op, { waitMs: 60_000 });
    outbox.transition(op.id, ['captured'], 'waiting-network', { lastErrorKind: 'network' }, 'kiosk');
    expect((await waiting).view.state).toBe('waiting-network');
  });

  it('gives up after the time allowed, with the operation as it is', async () => {
    const { outbox, op } = setup();
    expect((await waitForOperation(outbox, op, { waitMs: 20 })).view.state).toBe('captured');
  });
});

describe('outcomeOf', () => {
  it('done and queued states are outcomes; refusals are errors carrying the reference code', () => {
    expect(outcomeOf(view({ state: 'done', completedAt: '2026-03-01T10:00:02.000Z' }))).toEqual({
      ok: true,
      value: {
        operationId: 'op-1',
        referenceCode: 'K7M4-PX9C',
        state: 'done',
        at: '2026-03-01T10:00:02.000Z',
      },
    });
    for (const state of ['captured', 'waiting-network', 'sending'] as const)
      expect(outcomeOf(view({ state }))).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(
      outcomeOf(
        view({
          state: 'needs-patient',
          error: { code: 'EHEALTH_UNAUTHORIZED', message: 'x', ehealth: null },
        }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_UNAUTHORIZED', details: { referenceCode: 'K7M4-PX9C' } },
    });
    expect(
      outcomeOf(view({ state: 'expired', error: { code: 'NOT_A_CODE', message: 'x', ehealth: null } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'EHEALTH_REJECTED' },
    });
  });
});

describe('publicFailure', () => {
  it('keeps the code, status and retryability, never eHealth’s own words', () => {
    expect(
      publicFailure({
        code: 'EHEALTH_FORBIDDEN',
        message: 'eHealth refused the request (403)',
        details: {
          retryable: false,
          status: 403,
          ehealth: {
            status: 403,
            type: 'forbidden',
            message: 'Person Ковальчук',
            invalid: [],
            requestId: null,
          },
        },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'EHEALTH_FORBIDDEN',
        message: 'eHealth refused the request (403)',
        details: { status: 403, retryable: false },
      },
    });
  });
});
