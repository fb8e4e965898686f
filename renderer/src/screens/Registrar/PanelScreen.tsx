import type { ReactNode } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { RegistrarGate } from './RegistrarGate';
import './registrar.css';

/** The frame of every panel page: title, the last error or confirmation, content, back to the panel. */
export function PanelScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <RegistrarGate>
      <PanelFrame title={title}>{children}</PanelFrame>
    </RegistrarGate>
  );
}

function PanelFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const error = useRegistrarStore((s) => s.activity.error);
  const done = useRegistrarStore((s) => s.activity.data);
  return (
    <div className="screen screen--registrar">
      <ScreenTitle>{title}</ScreenTitle>
      <div aria-live="polite">
        {error && <p className="registrar__status">{errorText(language, error)}</p>}
        {done && !error && <p className="registrar__status">{t(`registrar.done.${done}`)}</p>}
      </div>
      {children}
      <div className="screen__actions">
        <BigButton
          onClick={() => {
            useRegistrarStore.getState().clearMessages();
            goTo('registrarPanel');
          }}
        >
          {t('registrar.toPanel')}
        </BigButton>
      </div>
    </div>
  );
}
