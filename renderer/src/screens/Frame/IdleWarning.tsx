import { useRef } from 'react';
import { BigButton } from '../../components/BigButton';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useT';
import { continueSession } from '../../kiosk/idle-watch';
import { useAppStore } from '../../stores/app';
import { announcedCountdown } from '../../stores/idle';
import { selectIdleWarningShown, selectSecondsLeft, useSessionStore } from '../../stores/session';

/**
 * "Are you still there?" — an alertdialog with a visible countdown and one large "Continue".
 * The countdown is announced politely every few seconds, not every second.
 */
export function IdleWarning() {
  const t = useT();
  const shown = useSessionStore(selectIdleWarningShown);
  const secondsLeft = useSessionStore(selectSecondsLeft);
  const warningSeconds = useAppStore((s) => s.defaults.idleWarningSeconds);
  const continueButton = useRef<HTMLButtonElement>(null);

  if (!shown) return null;
  return (
    <Dialog
      role="alertdialog"
      title={t('idle.title')}
      description={t('idle.body')}
      initialFocus={continueButton}
      onEscape={() => continueSession()}
    >
      <p className="idle__countdown" aria-hidden="true">
        {t('idle.countdown', { count: secondsLeft })}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {t('idle.countdown', { count: announcedCountdown(secondsLeft, warningSeconds) })}
      </p>
      <div className="dialog__actions">
        <BigButton variant="primary" ref={continueButton} onClick={() => continueSession()}>
          {t('idle.continue')}
        </BigButton>
      </div>
    </Dialog>
  );
}
