import type { SessionEndReason } from '#shared/contract/session';
import type { OperationView } from '#shared/contract/outbox';
import type { Result } from '#shared/result';
import { useAppStore } from './app';
import { useAppsStore } from './apps';
import { listenKiosk } from './bridge';
import { useDeclarationsStore } from './declarations';
import { usePersonStore } from './person';
import { useReceiptsStore } from './receipts';
import { useRegistrarStore } from './registrar';
import { useSignInStore } from './signin';

/**
 * The subscriptions to what main pushes, each handing what arrives to the store it concerns. The
 * hooks that call them decide how long they last (the frame's life, a screen's); each returns its
 * unsubscribe, or why there is no subscription.
 */

/** Every store that follows an operation the patient started in this session. */
export function operationChanged(view: OperationView): void {
  usePersonStore.getState().operationChanged(view);
  useReceiptsStore.getState().operationChanged(view);
  useDeclarationsStore.getState().operationChanged(view);
  useAppsStore.getState().operationChanged(view);
}

/** Main's `outboxChanged`, to every store that shows one of the patient's operations. */
export const followOutbox = (): Result<() => void> =>
  listenKiosk((events) => events.outboxChanged(operationChanged));

/** Main ended the session (its idle backstop, a registrar, a crash of the signer…). */
export const watchSessionEnd = (listener: (reason: SessionEndReason) => void): Result<() => void> =>
  listenKiosk((events) => events.sessionEnded(({ reason }) => listener(reason)));

/** The key files main finds as media come and go, and one look now (it starts main's watch). */
export function watchSignInKeys(): Result<() => void> {
  const subscription = listenKiosk((events) =>
    events.signinKeysChanged(({ keys }) => useSignInStore.getState().setKeys(keys)),
  );
  void useSignInStore.getState().loadKeys(true);
  return subscription;
}

/**
 * Registrar mode as main has it (signed in, assisted session, birth date confirmed), directory sync
 * progress for the panel, and changed kiosk settings (the frame reloads its defaults at once).
 */
export const linkRegistrar = (): Result<() => void> =>
  listenKiosk((events) => {
    const stops = [
      events.registrarChanged((status) => useRegistrarStore.getState().setStatus(status)),
      events.directoryProgress((progress) => useRegistrarStore.getState().setProgress(progress)),
      events.kioskSettingsChanged(() => void useAppStore.getState().loadInfo()),
    ];
    return () => stops.forEach((stop) => stop());
  });
