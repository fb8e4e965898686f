import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { createServices, type KioskServices } from '../../core/services';
import { createRouter } from '../router';
import { createHandlers } from './index';

let services: KioskServices;
afterEach(() => services?.close());

function setup() {
  services = createServices({
    dataDir: ':memory:',
    log: silentLogger(),
    version: 't',
    pinScrypt: { N: 1024, r: 8, p: 1, keyLength: 32 },
  });
  const dispatch = createRouter({
    handlers: createHandlers(services),
    isAllowedOrigin: () => true,
    log: silentLogger(),
  });
  return (channel: string, payload: unknown) => dispatch(channel, payload, { origin: 'app://kiosk' });
}

/** Enrols the kiosk and signs its first registrar in to the panel. */
async function asRegistrar(call: ReturnType<typeof setup>) {
  const { code } = await services.registrar.accounts.enrollment.issue();
  const r = await call('registrarSetFirstPin', { registrarId: 'R-01', pin: '250871', enrollmentCode: code });
  if (!r.ok) throw new Error(r.error.message);
}

describe('outbox channels', () => {
  it('list, get by id or receipt code, and status — for the registrar, views without payload or patient', async () => {
    const call = setup();
    await asRegistrar(call);
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

  it('answers nobody at the screen with NO_SESSION, without saying whether an operation exists', async () => {
    const call = setup();
    const q = services.outbox.enqueue({ kind: 'app.revoke', params: { appId: 'a' }, patientKey: 'p' });
    if (!q.ok) throw new Error(q.error.message);
    for (const req of [{ id: q.value.id }, { id: 'nope' }, { referenceCode: q.value.referenceCode }])
      expect(await call('outboxGet', req)).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await call('outboxList', {})).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await call('outboxStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'REGISTRAR_REQUIRED' },
    });
  });

  it('pushes outboxChanged on the bus for every change, and to the renderer only what the screen may see', async () => {
    const call = setup();
    const onBus: string[] = [];
    const toRenderer: string[] = [];
    services.events.on('outboxChanged', (v) => onBus.push(v.state));
    services.rendererEvents.subscribeAll((name, v) => {
      if (name === 'outboxChanged') toRenderer.push((v as { state: string }).state);
    });
    const q = services.outbox.enqueue({ kind: 'app.revoke', params: { appId: 'a' }, patientKey: 'p' });
    if (!q.ok) throw new Error(q.error.message);
    await asRegistrar(call);
    services.outbox.discard(q.value.id, 'operator-cli');
    expect(onBus).toEqual(['captured', 'rejected']);
    // captured while nobody was at the screen: not pushed; discarded while the registrar was: pushed
    expect(toRenderer).toEqual(['rejected']);
  });

  it('without an eHealth backend the kiosk reports itself offline', () => {
    setup();
    expect(services.connectivity()).toBe('offline');
    expect(services.ehealth).toBeNull();
  });
});
