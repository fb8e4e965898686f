/**
 * The registrar's evening look at the kiosk, through the registrar's own channels: sign in (the
 * first evening sets the PIN), the outbox's ended operations as the panel lists them (with the
 * error code the registrar sees), the audit chain checked by the kiosk's own verification. On
 * some evenings the registrar starts a directory sync, and the kiosk is killed in the middle of it.
 */
import { isDied } from './kiosk-process';
import type { KioskDriver } from './kiosk-driver';
import type { Reply } from './patient';
import { MINUTE } from './plan';
import type { Recorder } from './record';

const REGISTRAR = { registrarId: 'reg-soak', pin: '48291375' };

export interface RegistrarState {
  signedUp: boolean;
  auditOk: boolean;
}

/** Operation id → the error code the registrar's outbox list shows (null: none); null when unreachable. */
export async function registrarRound(
  kiosk: KioskDriver,
  rec: Recorder,
  state: RegistrarState,
  syncTrap = false,
): Promise<Map<string, string | null> | null> {
  const call = async (channel: string, payload: unknown): Promise<Reply | null> => {
    const r = await kiosk.call(channel, payload, 'registrar');
    return isDied(r) ? null : (r as Reply);
  };
  let signIn: Reply | null;
  if (state.signedUp) signIn = await call('registrarSignIn', REGISTRAR);
  else {
    // a new kiosk: the operator enrols it on the machine, the registrar types the code and a PIN
    const enrol = await kiosk.ops(['registrar', 'enroll']);
    const code = /enrollment code: (\S+)/.exec(enrol.stdout)?.[1];
    if (!code) {
      rec.problem(
        'registrar',
        kiosk.now(),
        null,
        `kiosk registrar enroll: exit ${enrol.code}: ${enrol.stderr.slice(-300)}`,
      );
      return null;
    }
    signIn = await call('registrarSetFirstPin', { ...REGISTRAR, enrollmentCode: code });
  }
  if (!signIn?.ok) {
    rec.problem(
      'registrar',
      kiosk.now(),
      null,
      `registrar sign-in: ${signIn ? signIn.error.code : 'kiosk died'}`,
    );
    return null;
  }
  state.signedUp = true;
  const view = new Map<string, string | null>();
  const list = await call('registrarOutboxList', {
    states: ['rejected', 'needs-patient', 'expired'],
    limit: 200,
  });
  if (list?.ok)
    for (const op of list.value.operations as { id: string; errorCode: string | null }[])
      view.set(op.id, op.errorCode);
  const verify = await call('registrarAuditVerify', {});
  if (verify?.ok && !verify.value.ok) {
    state.auditOk = false;
    rec.problem(
      'audit',
      kiosk.now(),
      null,
      `audit chain broken at entry ${verify.value.brokenAt} of ${verify.value.entries}`,
    );
  } else if (!verify?.ok)
    rec.problem('registrar', kiosk.now(), null, `audit check: ${verify ? verify.error.code : 'kiosk died'}`);
  if (syncTrap) {
    kiosk.setTrap('sync');
    // the sync runs in its worker thread, in real time: the kiosk dies at its first progress; a
    // scheduled sync already under way is let finish first, then the registrar's own one starts
    for (let attempt = 0; attempt < 3 && kiosk.armedTrap === 'sync'; attempt++) {
      const started = await call('registrarDirectorySync', {});
      if (!started?.ok) break;
      for (let i = 0; kiosk.armedTrap === 'sync' && i < 300; i++) {
        await kiosk.advanceTo(kiosk.now() + MINUTE / 6);
        const status = await call('directoryStatus', {});
        if (!status?.ok || !status.value.syncing) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (started.value.started) break;
    }
    if (kiosk.armedTrap !== 'sync') return view;
    kiosk.setTrap(null);
    rec.count('trap.not-reached');
  }
  await call('registrarSignOut', {});
  return view;
}
