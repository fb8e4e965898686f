import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import { ErrorNote } from '../Declarations/parts';
import { outcomeText } from '../Declarations/texts';
import { SafeHtml } from './SafeHtml';

/**
 * The end of every action: what happened (done, or kept by the kiosk and sent when eHealth can be
 * reached), the receipt code and, for a new declaration, its number; the receipt as it will be
 * printed, and printing. Also the note of a chosen doctor when nobody is signed in.
 */
export function Receipt() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const { target, preview, printState: print } = useReceiptsStore();
  const isNote = target?.kind === 'doctor-note';

  useEffect(() => {
    if (target) void useReceiptsStore.getState().loadPreview(language);
  }, [target?.source, target?.state, language]); // eslint-disable-line react-hooks/exhaustive-deps -- reload on what the page shows, not on every store change

  if (!target) {
    return (
      <div className="screen">
        <ScreenTitle>{t('receipt.title')}</ScreenTitle>
        <BigButton onClick={() => goTo('home')}>{t('common.toMenu')}</BigButton>
      </div>
    );
  }
  return (
    <div className="screen">
      <ScreenTitle>{isNote ? t('receipt.noteTitle') : t('receipt.title')}</ScreenTitle>
      {target.state && (
        <p className="screen__lead" role="status">
          {outcomeText(t, target.kind, target.state)}
        </p>
      )}
      {target.deliveredLater && <p>{t('receipt.delivered')}</p>}
      {target.declarationNumber && (
        <p>{t('receipt.declarationNumber', { number: target.declarationNumber })}</p>
      )}
      {target.referenceCode && (
        <>
          <p>
            {t('receipt.reference')}: <span className="cabinet__reference">{target.referenceCode}</span>
          </p>
          <p>{t('receipt.keep')}</p>
        </>
      )}
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={print.status === 'loading'}
          onClick={() => void useReceiptsStore.getState().print(language)}
        >
          {t('receipt.print')}
        </BigButton>
        <BigButton onClick={() => goTo(isNote ? 'doctorSearch' : 'home')}>
          {isNote ? t('doctor.back') : t('common.toMenu')}
        </BigButton>
      </div>
      <p role="status">
        {print.status === 'loading' && t('receipt.printing')}
        {print.status === 'ready' && (print.data === 'printer' ? t('receipt.printed') : t('receipt.saved'))}
      </p>
      {print.error && <ErrorNote error={print.error} language={language} />}
      {preview.error && <ErrorNote error={preview.error} language={language} />}
      {preview.html && (
        <>
          <h2>{isNote ? t('receipt.notePreview') : t('receipt.preview')}</h2>
          <SafeHtml html={preview.html} label={isNote ? t('receipt.notePreview') : t('receipt.preview')} />
        </>
      )}
    </div>
  );
}
