import { err, ok, type Result } from '#shared/result';
import { storage } from '../../core/db';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

type RegistrarChannel = Extract<keyof Handlers, `registrar${string}`>;

/**
 * Registrar channels. Main decides who may call what: the panel's channels need a registrar signed
 * in (and not running an assisted session), the assisted-session channels need that session.
 */
export const registrarHandlers = (s: KioskServices): Pick<Handlers, RegistrarChannel> => {
  const r = () => s.registrar;
  const asRegistrar = <T>(action: (registrarId: string) => Result<T> | Promise<Result<T>>) => {
    const who = r().mode.requirePanel();
    return who.ok ? action(who.value) : who;
  };
  return {
    registrarStatus: () => ok(r().mode.state()),
    registrarSetFirstPin: ({ registrarId, pin, enrollmentCode }) =>
      r().mode.setFirstPin(registrarId, pin, enrollmentCode),
    registrarSignIn: ({ registrarId, pin }) => r().mode.signIn(registrarId, pin),
    registrarSignOut: () => ok(r().mode.signOut()),
    registrarAddAccount: ({ registrarId, pin }) =>
      asRegistrar((by) => r().accounts.add(registrarId, pin, by)),
    registrarChangePin: ({ currentPin, pin }) =>
      asRegistrar(async (by) => {
        const changed = await r().accounts.changePin(by, currentPin, pin);
        return changed.ok ? ok({ changed: true }) : changed;
      }),
    registrarOverview: () => asRegistrar(() => ok(r().panel.overview())),
    registrarOutboxList: ({ states, limit }) =>
      asRegistrar(() => ok({ operations: r().panel.operations(states, limit) })),
    registrarOutboxRetry: ({ id }) => asRegistrar((by) => r().panel.retry(id, by)),
    registrarOutboxDiscard: ({ id }) => asRegistrar((by) => r().panel.discard(id, by)),
    registrarDirectorySync: () => asRegistrar((by) => r().panel.syncDirectory(by)),
    registrarSettings: () => asRegistrar(() => ok(r().settings.view())),
    registrarUpdateSettings: (patch) => asRegistrar((by) => r().settings.update(patch, by)),
    registrarTrustListScan: () => asRegistrar(async () => ok({ candidates: await r().trust.scan() })),
    registrarTrustListImport: ({ id }) => asRegistrar((by) => r().trust.import(id, `registrar:${by}`)),
    registrarAudit: ({ limit, beforeSeq }) =>
      asRegistrar(() => ok({ entries: r().panel.audit(limit, beforeSeq) })),
    registrarAuditVerify: () => asRegistrar((by) => ok(r().panel.verifyAudit(by))),
    registrarAssistStart: () => r().mode.startAssisted(),
    registrarConfirmBirthDate: ({ birthDate }) => r().mode.confirmBirthDate(birthDate),
    registrarHandBack: () => r().mode.handBack(),
    registrarQuit: () =>
      asRegistrar((by) => {
        const quit = s.quit;
        if (!quit) return err('NOT_AVAILABLE', 'this kiosk host cannot be closed from the panel');
        const noted = storage('record the quit', () => s.audit.append(`registrar:${by}`, 'registrar.quit'));
        if (!noted.ok) return noted;
        // answer first, then quit (the app's shutdown ends the session and closes the window)
        setImmediate(quit);
        return ok({ quitting: true as const });
      }),
  };
};
