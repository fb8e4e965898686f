import { randomBytes } from 'node:crypto';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { EhealthClient } from '../ehealth/client';
import { EhealthConfig } from '../ehealth/config';
import { createPisApi } from '../ehealth/pis-api';
import {
  startScriptedServer,
  type ScriptedReply,
  type SeenRequest,
} from '../ehealth/scripted-server.test-support';
import type { TokenSet } from '../ehealth/tokens';
import { AuditLog } from '../kiosk/audit';
import type { OperationView } from '#shared/contract/outbox';
import { Outbox } from './outbox';
import { DeliveryWorker, type ConnectivitySource } from './worker';

/** A controllable clock for outbox tests. */
export function testClock(start = '2026-03-01T10:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

export const TOKENS: TokenSet = { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: null };

/** Outbox + worker over a real in-memory SQLite and a scripted HTTP server. */
export async function outboxRig(
  handler: (r: SeenRequest) => ScriptedReply | Promise<ScriptedReply>,
  opts: {
    connectivity?: ConnectivitySource;
    db?: ReturnType<typeof openKioskDatabase>;
    box?: SecretBox;
  } = {},
) {
  const srv = await startScriptedServer(handler);
  const clock = testClock();
  const db = opts.db ?? openKioskDatabase(':memory:');
  const box = opts.box ?? new SecretBox(randomBytes(32));
  const audit = new AuditLog(db, box, clock.now);
  const outbox = new Outbox({
    environment: 'training',
    db,
    box,
    audit,
    now: clock.now,
    keyProtection: 'ephemeral',
    keyWarning: true,
  });
  const views: OperationView[] = [];
  outbox.subscribe((v) => views.push(v));
  const client = new EhealthClient(
    EhealthConfig.parse({ baseUrl: srv.baseUrl, apiKey: 'k', clientId: 'c', clientSecret: 's' }),
    {
      now: clock.now,
    },
  );
  const api = createPisApi(client);
  const worker = new DeliveryWorker({
    outbox,
    client,
    renew: api.renew,
    now: clock.now,
    random: () => 0.5,
    backoff: { baseMs: 1_000, capMs: 60_000 },
    ...(opts.connectivity ? { connectivity: opts.connectivity } : {}),
  });
  return {
    srv,
    clock,
    db,
    box,
    audit,
    outbox,
    worker,
    views,
    statesOf: (id: string) => views.filter((v) => v.id === id).map((v) => v.state),
    row: (id: string) =>
      db.prepare('SELECT * FROM outbox_operations WHERE id = ?').get(id) as Record<string, unknown>,
    auditActions: () =>
      db.prepare('SELECT action, subject, detail FROM audit_log ORDER BY seq').all() as {
        action: string;
        subject: string;
        detail: string;
      }[],
    async close() {
      await worker.stop();
      await srv.close();
      db.close();
    },
  };
}

export const ok200 = (data: unknown = { id: 'x' }): ScriptedReply => ({
  status: 200,
  body: { meta: { code: 200, url: 'u', type: 'object', request_id: 'r' }, data },
});
