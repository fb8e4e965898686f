import { useEffect } from 'react';
import { useAppStore } from '../stores/app';
import { watchSessionEnd } from '../stores/links';
import { isEndingLocally, wipe } from './wipe';

/** Connects the frame to main: the kiosk's defaults, and a wipe whenever main ends the session. */
export function useKioskLink(): void {
  useEffect(() => {
    void useAppStore.getState().loadInfo();
    const subscription = watchSessionEnd((reason) => {
      // the echo of our own "Finish"/idle wipe: already wiped
      if (isEndingLocally()) return;
      void wipe(reason, { notifyMain: false });
    });
    if (!subscription.ok) {
      useAppStore.getState().setNotice(subscription.error);
      return undefined;
    }
    return subscription.value;
  }, []);
}
