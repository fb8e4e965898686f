import { useEffect } from 'react';
import { useAppStore } from '../../stores/app';
import { linkRegistrar } from '../../stores/links';
import { useRegistrarStore } from '../../stores/registrar';

/** Settles once a fresh page has signed out a panel it did not open itself (see below). */
let startup: Promise<void> = Promise.resolve();
export const registrarStartup = (): Promise<void> => startup;

/**
 * Keeps the renderer's view of registrar mode in step with main for the frame's life: the registrar
 * state (signed in, assisted session, birth date confirmed), directory sync progress for the panel,
 * and changed kiosk settings (the frame reloads its defaults and training flag at once).
 */
export function useRegistrarLink(): void {
  useEffect(() => {
    // a fresh page (start, reload after a crash) never inherits an open panel: sign in again
    startup = useRegistrarStore
      .getState()
      .refreshStatus()
      .then(async (status) => {
        if (status?.mode === 'panel') await useRegistrarStore.getState().signOut();
      });
    const subscription = linkRegistrar();
    if (!subscription.ok) {
      useAppStore.getState().setNotice(subscription.error);
      return undefined;
    }
    return subscription.value;
  }, []);
}
