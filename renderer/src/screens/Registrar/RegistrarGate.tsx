import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { selectHasStatus, selectInPanel, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';

/**
 * Shows a panel screen only while main says a registrar is signed in; otherwise (signed out by an
 * idle wipe, another window, a restart) it says so and offers the PIN screen. Main refuses the
 * panel's calls anyway — this only keeps the screen honest.
 */
export function RegistrarGate({ children }: { children: ReactNode }) {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  const inPanel = useRegistrarStore(selectInPanel);
  const known = useRegistrarStore(selectHasStatus);

  useEffect(() => {
    if (!known) void useRegistrarStore.getState().refreshStatus();
  }, [known]);

  if (inPanel) return <>{children}</>;
  return (
    <div className="screen screen--registrar">
      <ScreenTitle>{t('registrar.gate.title')}</ScreenTitle>
      <p className="screen__lead">{t('registrar.gate.lead')}</p>
      <div className="screen__actions">
        <BigButton variant="primary" onClick={() => goTo('registrarPin')}>
          {t('registrar.gate.signIn')}
        </BigButton>
        <BigButton onClick={() => goTo('welcome')}>{t('registrar.leave')}</BigButton>
      </div>
    </div>
  );
}
