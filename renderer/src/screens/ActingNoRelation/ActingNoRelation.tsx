import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { useActingStore } from '../../stores/acting';
import { selectPrintOf, useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import '../SignIn/signin.css';

/**
 * eHealth holds no relation between the signed-in person and the child they described: what that
 * means, how a clinic registers it, and a printed reminder. The reminder names no one.
 */
export function ActingNoRelation() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const print = useReceiptsStore(selectPrintOf({ slip: 'no-relation' }));
  const printSlip = () => useReceiptsStore.getState().printSlip('no-relation', language);
  const leave = (screen: 'actForChild' | 'home') => {
    useActingStore.getState().clearError();
    useUiStore.getState().goTo(screen);
  };

  return (
    <div className="screen">
      <ScreenTitle>{t('noRelation.title')}</ScreenTitle>
      <p className="screen__lead">{t('noRelation.lead')}</p>
      <h2 className="screen__subtitle">{t('noRelation.how')}</h2>
      <ol className="steps">
        <li>{t('noRelation.step1')}</li>
        <li>{t('noRelation.step2')}</li>
        <li>{t('noRelation.step3')}</li>
      </ol>
      <div className="screen__actions">
        <BigButton variant="primary" disabled={print.status === 'loading'} onClick={() => void printSlip()}>
          {t('noRelation.print')}
        </BigButton>
        <BigButton onClick={() => leave('actForChild')}>{t('noRelation.tryAgain')}</BigButton>
        <BigButton onClick={() => leave('home')}>{t('noRelation.toOwn')}</BigButton>
      </div>
      <p role="status">
        {print.status === 'loading' && t('noRelation.printing')}
        {print.status === 'ready' &&
          (print.data === 'printer' ? t('noRelation.printed') : t('noRelation.saved'))}
      </p>
      {print.error && (
        <p className="signin__error" role="alert">
          {errorText(language, print.error)}
        </p>
      )}
    </div>
  );
}
