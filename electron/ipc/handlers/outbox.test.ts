import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { createServices, type KioskServices } from '../../core/services';
import { createRouter } from '../router';
import { createHandlers } from './index';

let services: KioskServices;
afterEach(() => services?.close());

function setup() {
  services = createServices({ dataDir: ':memory:', log: silentLogger(), version: 't' });
  const dispatch = createRouter({
    handlers: createHandlers(services),
    isAllowedOrigin: () => true,
    log: silentLogger(),
  });
  return (channel: string, payload: unknown) => dispatch(channel, payload, { origin: 'app://kiosk' });
}

describe('outbox channels', () => {
  it('list, get by id or receipt code, and status — views without payload or patient', async () => {
    const call = setup();
    const q = services.outbox.enqueue({
      kind: 'declaration.terminate',
      params: { declarationId: 'decl-1', reasonDescription: 'Переїзд' },
      patientKey: services.outbox.patientKeyFor('person-1'),
      credentials: { accessToken: 'secret-token', refreshToken: 'secret-refresh', expiresAt: null },
    });
    if (!q.ok) throw new Error(q.error.message);
    const list = await call('outboxList', {});
    expect(list).toMatchObject({
      ok: true,
      value: { operations: [{ id: q.value.id, state: 'captured', kind: 'declaration.terminate' }] },
    });
    expect(JSON.stringify(list)).not.toMatch(/Переїзд|decl-1|secret|person-1/);
    expect(await call('outboxGet', { referenceCode: q.value.referenceCode.toLowerCase() })).toMatchObject({
      ok: true,
      value: { id: q.value.id },
    });
    expect(await call('outboxGet', { id: q.value.id })).toMatchObject({
      ok: true,
      value: { referenceCode: q.value.referenceCode },
    });
    expect(await call('outboxGet', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'OPERATION_NOT_FOUND' },
    });
    expect(await call('outboxList', { states: ['done'] })).toMatchObject({
      ok: true,
      value: { operations: [] },
    });
    expect(await call('outboxStatus', {})).toMatchObject({
      ok: true,
      value: { counts: { captured: 1, done: 0 }, keyProtection: 'ephemeral', keyWarning: true },
    });
  });

  it('pushes outboxChanged to the renderer for every change', () => {
    setup();
    const seen: string[] = [];
    services.events.on('outboxChanged', (v) => seen.push(v.state));
    const q = services.outbox.enqueue({ kind: 'app.revoke', params: { appId: 'a' }, patientKey: 'p' });
    if (!q.ok) throw new Error(q.error.message);
    services.outbox.discard(q.value.id, 'operator-cli');
    expect(seen).toEqual(['captured', 'rejected']);
  });

  it('without an eHealth backend the kiosk reports itself offline', () => {
    setup();
    expect(services.connectivity()).toBe('offline');
    expect(services.ehealth).toBeNull();
  });
});
