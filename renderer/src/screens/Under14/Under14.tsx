import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { selectPrintOf, useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import '../SignIn/signin.css';

/**
 * Under 14: no own access (main has already signed the child out again). Explains what to do and
 * prints a slip for the reception desk. The slip names no one: it carries only the reason and the
 * steps, so nothing personal is printed or kept.
 */
export function Under14() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const print = useReceiptsStore(selectPrintOf({ slip: 'under-14' }));
  const printSlip = () => useReceiptsStore.getState().printSlip('under-14', language);

  return (
    <div className="screen">
      <ScreenTitle>{t('under14.title')}</ScreenTitle>
      <p className="screen__lead">{t('under14.lead')}</p>
      <h2 className="screen__subtitle">{t('under14.what')}</h2>
      <ol className="steps">
        <li>{t('under14.step1')}</li>
        <li>{t('under14.step2')}</li>
        <li>{t('under14.step3')}</li>
      </ol>
      <p>{t('under14.parentKiosk')}</p>
      <div className="screen__actions">
        <BigButton variant="primary" disabled={print.status === 'loading'} onClick={() => void printSlip()}>
          {t('under14.print')}
        </BigButton>
      </div>
      <p role="status">
        {print.status === 'loading' && t('under14.printing')}
        {print.status === 'ready' && (print.data === 'printer' ? t('under14.printed') : t('under14.saved'))}
      </p>
      {print.error && (
        <p className="signin__error" role="alert">
          {errorText(language, print.error)}
        </p>
      )}
    </div>
  );
}
