import { useEffect, useRef } from 'react';
import { useDocumentPreferences } from './kiosk/document-preferences';
import { useIdleWatch } from './kiosk/idle-watch';
import { useKioskLink } from './kiosk/kiosk-link';
import { useOutboxLink } from './kiosk/outbox-link';
import { ActingBanner } from './screens/Frame/ActingBanner';
import { IdleWarning } from './screens/Frame/IdleWarning';
import { KioskNotice } from './screens/Frame/KioskNotice';
import { KioskBanners } from './screens/Registrar/KioskBanners';
import { RegistrarCorner } from './screens/Registrar/RegistrarCorner';
import { useRegistrarLink } from './screens/Registrar/useRegistrarLink';
import { TopBar } from './screens/Frame/TopBar';
import { SCREENS } from './screens/registry';
import { SpeechBar } from './speech/SpeechBar';
import { useSpeechMode } from './speech/use-speech-mode';
import { selectIdleWarningShown, useSessionStore } from './stores/session';
import { useUiStore } from './stores/ui';

/**
 * The kiosk frame: top bar, the current screen, kiosk notices and the idle warning. The page never
 * navigates; screens switch through the `ui` store. While the idle warning is up the rest of the
 * page is inert, so only the warning can be reached.
 */
export function App() {
  useKioskLink();
  useOutboxLink();
  useIdleWatch();
  useDocumentPreferences();
  useSpeechMode();
  useRegistrarLink();

  const screen = useUiStore((s) => s.screen);
  const warningShown = useSessionStore(selectIdleWarningShown);
  const main = useRef<HTMLElement>(null);
  const shownScreen = useRef(screen);

  useEffect(() => {
    // a new screen: focus its heading so a screen reader announces it (not on first load)
    if (shownScreen.current === screen) return;
    shownScreen.current = screen;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);

  const Screen = SCREENS[screen];
  return (
    <>
      <div className="frame" inert={warningShown}>
        <KioskBanners />
        <TopBar />
        <ActingBanner />
        <main ref={main} className="frame__main">
          <KioskNotice />
          <SpeechBar />
          <Screen />
          <RegistrarCorner />
        </main>
      </div>
      <IdleWarning />
    </>
  );
}
