import { ok } from '#shared/result';
import { storage } from '../../core/db';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Sign-in: the key list (with live updates) and the sign-in itself. The password never goes further than the signer. */
export const signinHandlers = (
  s: KioskServices,
): Pick<
  Handlers,
  'signinKeys' | 'signinStart' | 'registrationPrefill' | 'registrationRequestCode' | 'registrationSubmit'
> => ({
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
  registrationPrefill: () => Promise.resolve(s.registration.prefill()),
  registrationRequestCode: ({ phone }) => s.registration.requestCode(phone),
  registrationSubmit: async ({ keyId, password, person, phone, code }) => {
    const r = await s.registration.register({
      keyId,
      password: new TextEncoder().encode(password),
      person,
      phone,
      code,
    });
    // queued: the act itself is audited by the outbox under its id; this notes what the visitor got
    const action = !r.ok
      ? 'session.registration-refused'
      : r.value.status === 'queued'
        ? 'session.registration-queued'
        : 'session.registered';
    const subject = r.ok && r.value.status === 'queued' ? r.value.receipt.operationId : null;
    const noted = storage('record the registration', () =>
      s.audit.append('kiosk', action, subject, { code: r.ok ? null : r.error.code }),
    );
    if (!noted.ok) s.log.warn({ code: noted.error.code }, 'registration not audited');
    return r;
  },
});
