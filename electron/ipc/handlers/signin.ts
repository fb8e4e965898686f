import { ok } from '#shared/result';
import { storage } from '../../core/db';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Sign-in: the key list (with live updates) and the sign-in itself. The password never goes further than the signer. */
export const signinHandlers = (s: KioskServices): Pick<Handlers, 'signinKeys' | 'signinStart'> => ({
  signinKeys: async ({ watch }) => ok({ keys: await s.keys.list(watch) }),
  signinStart: async ({ keyId, password }) => {
    const bytes = new TextEncoder().encode(password);
    // a successful sign-in is audited where the session opens (PatientSession.begin), all or nothing
    const r = await s.signIn.start(keyId, bytes);
    if (!r.ok) {
      const noted = storage('record the refused sign-in', () =>
        s.audit.append('kiosk', 'session.sign-in-refused', null, { code: r.error.code }),
      );
      if (!noted.ok) s.log.warn({ code: noted.error.code }, 'refused sign-in not audited');
    }
    return r;
  },
});
