import { ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Sign-in: the key list (with live updates) and the sign-in itself. The password never goes further than the signer. */
export const signinHandlers = (s: KioskServices): Pick<Handlers, 'signinKeys' | 'signinStart'> => ({
  signinKeys: async ({ watch }) => ok({ keys: await s.keys.list(watch) }),
  signinStart: async ({ keyId, password }) => {
    const bytes = new TextEncoder().encode(password);
    const r = await s.signIn.start(keyId, bytes);
    const active = s.patient.current();
    s.audit.append(
      'kiosk',
      r.ok ? 'session.sign-in' : 'session.sign-in-refused',
      active?.sessionId ?? null,
      r.ok ? { access: r.value.access } : { code: r.error.code },
    );
    return r;
  },
});
