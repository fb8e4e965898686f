import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useReceiptsStore } from '../../stores/receipts';
import { useRegistrationStore } from '../../stores/registration';
import { useUiStore } from '../../stores/ui';
import { ErrorNote } from '../Declarations/parts';
import { SafeHtml } from '../Receipt/SafeHtml';
import '../Declarations/cabinet.css';

const timeOf = (iso: string, language: string): string =>
  new Date(iso).toLocaleTimeString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * A registration signed while eHealth could not be reached: kept by the kiosk and sent when the link
 * returns, but only until the deadline (the sign-in nonce inside it expires). The receipt with its
 * code, printable as every receipt; when main delivers it while the patient is still here, they are
 * told and may sign in with the same key. The patient is not signed in.
 */
export function RegistrationQueued() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const receipt = useRegistrationStore((s) => s.queued);
  const { target, preview, printState: print } = useReceiptsStore();
  const delivered = target?.deliveredLater === true;

  useEffect(() => {
    if (target) void useReceiptsStore.getState().loadPreview(language);
  }, [target?.source, target?.state, language]); // eslint-disable-line react-hooks/exhaustive-deps -- reload on what the page shows, not on every store change

  if (!receipt) return null;
  return (
    <div className="screen">
      <ScreenTitle>{t('registration.queuedTitle')}</ScreenTitle>
      <p className="screen__lead" role="status">
        {delivered
          ? t('registration.queuedDelivered')
          : t('registration.queued', { deadline: timeOf(receipt.deadline, language) })}
      </p>
      <p>
        {t('receipt.reference')}: <span className="cabinet__reference">{receipt.referenceCode}</span>
      </p>
      <p>{t('registration.queuedKeep')}</p>
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={print.status === 'loading'}
          onClick={() => void useReceiptsStore.getState().print(language)}
        >
          {t('receipt.print')}
        </BigButton>
        {delivered && (
          <BigButton onClick={() => useRegistrationStore.getState().signInAfterDelivery()}>
            {t('registration.signInNow')}
          </BigButton>
        )}
      </div>
      <p role="status">
        {print.status === 'loading' && t('receipt.printing')}
        {print.status === 'ready' && (print.data === 'printer' ? t('receipt.printed') : t('receipt.saved'))}
      </p>
      {print.error && <ErrorNote error={print.error} language={language} />}
      {preview.error && <ErrorNote error={preview.error} language={language} />}
      {preview.html && (
        <>
          <h2>{t('receipt.preview')}</h2>
          <SafeHtml html={preview.html} label={t('receipt.preview')} />
        </>
      )}
    </div>
  );
}
