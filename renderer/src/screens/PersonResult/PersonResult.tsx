import { useEffect } from 'react';
import type { KioskError } from '#shared/result';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/useT';
import { usePersonStore } from '../../stores/person';
import { selectPrintOf, useReceiptsStore } from '../../stores/receipts';
import { useUiStore } from '../../stores/ui';
import '../PersonData/person.css';

/**
 * After signing: where the signed change is (sent and accepted, waiting for the link, refused), the
 * reference code the reception desk can look it up by, and a printed receipt. The person store
 * follows the outbox live, so "waiting" turns into "done" on its own when eHealth is back.
 */
export function PersonResult() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const operation = usePersonStore((s) => s.operation);
  const printState = useReceiptsStore(selectPrintOf({ operationId: operation?.id ?? '' }));

  useEffect(() => {
    // the frame follows the outbox (kiosk/outbox-link.ts); the state may have moved before: ask once
    void usePersonStore.getState().refreshOperation();
  }, []);

  if (!operation) return null;
  const s = operation.state;
  const title =
    s === 'done'
      ? t('personResult.title.done')
      : s === 'rejected' || s === 'expired'
        ? t('personResult.title.failed')
        : t('personResult.title.pending');
  const message =
    s === 'done'
      ? t('personResult.done')
      : s === 'waiting-network'
        ? t('personResult.waiting')
        : s === 'needs-patient'
          ? t('personResult.needsPatient')
          : s === 'expired'
            ? t('personResult.expired')
            : s === 'rejected'
              ? t('personResult.rejected')
              : t('personResult.sending');
  const failure =
    s === 'rejected' && operation.error
      ? errorText(language, { code: operation.error.code as KioskError['code'] })
      : null;

  const print = () => useReceiptsStore.getState().printOperation(operation.id, language);
  const printed = printState.status === 'ready' ? printState.data : null;
  const printError = printState.error;

  return (
    <div className="screen person-result">
      <ScreenTitle>{title}</ScreenTitle>
      <p className="screen__lead" role="status">
        {message}
      </p>
      {failure && <p className="person__errors">{failure}</p>}
      <p>
        <span>{t('personResult.reference', { code: '' })}</span>
        <span className="person-result__code">{operation.referenceCode}</span>
      </p>
      <p className="screen__help">{t('personResult.referenceHint')}</p>
      {printed === 'printer' && <p role="status">{t('personResult.printed')}</p>}
      {printed && printed !== 'printer' && <p role="status">{t('personResult.savedAs')}</p>}
      {printError && (
        <p role="alert" className="person__errors">
          {errorText(language, printError)}
        </p>
      )}
      <div className="screen__actions">
        <BigButton onClick={() => void print()} disabled={printState.status === 'loading'}>
          {printState.status === 'loading' ? t('personResult.printing') : t('personResult.print')}
        </BigButton>
        <BigButton variant="primary" onClick={() => goTo('person')}>
          {t('personResult.toData')}
        </BigButton>
        <BigButton onClick={() => goTo('home')}>{t('personResult.home')}</BigButton>
      </div>
    </div>
  );
}
