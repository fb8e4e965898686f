import { useEffect, useState } from 'react';
import type { RegistrarOperation } from '#shared/contract/registrar';
import { isErrorCode } from '#shared/errors';
import { BigButton } from '../../components/BigButton';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../i18n/errors';
import { dictionaries, type Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/uk';
import { useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { formatTime } from '../Registrar/format';
import { PanelScreen } from '../Registrar/PanelScreen';

/** What an operation does, as a sentence (never the kiosk's internal kind). */
export function kindText(t: Translate, kind: string): string {
  const key = `registrar.kind.${kind}`;
  return Object.hasOwn(dictionaries.uk.messages, key) ? t(key as MessageKey) : t('registrar.kind.other');
}

/**
 * The outbox as the registrar sees it: what each operation does (in words), created, attempts,
 * state with eHealth's refusal in words, and — while any operation still has one — a short
 * patient pseudonym: never a name or a payload. The kiosk forgets the patient once an operation
 * is finished, so the column is left out when no row has one. Retry sends a refused operation
 * again; discard gives one up (asked twice). Both are recorded in the audit log under the
 * registrar's code.
 */
export function RegistrarOutbox() {
  const t = useT();
  return (
    <PanelScreen title={t('registrar.outbox.title')}>
      <OutboxTable />
    </PanelScreen>
  );
}

/**
 * Refusals the registrar acts on get the registrar's own words (about the signer's certificate);
 * every other refusal its plain message. The code follows in brackets, for support.
 */
const REASONS = {
  CERT_REVOKED: 'registrar.outbox.reason.CERT_REVOKED',
  CERT_STATUS_UNKNOWN: 'registrar.outbox.reason.CERT_STATUS_UNKNOWN',
  CERT_UNTRUSTED: 'registrar.outbox.reason.CERT_UNTRUSTED',
} as const;

function OutboxTable() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const operations = useRegistrarStore((s) => s.operations);
  const busy = useRegistrarStore(selectBusy);
  const [discarding, setDiscarding] = useState<RegistrarOperation | null>(null);

  useEffect(() => {
    void useRegistrarStore.getState().loadOperations();
  }, []);

  if (!operations.length) return <p className="screen__lead">{t('registrar.outbox.empty')}</p>;
  const showsPatient = operations.some((op) => op.patient !== null);
  // a deadline matters only until an operation is done: no column when every one is
  const showsDeadline = operations.some((op) => op.deadline && op.state !== 'done');
  // why eHealth or the kiosk refused it, in words (a code this renderer does not know: said so)
  const refusalText = (code: string): string =>
    code in REASONS
      ? t(REASONS[code as keyof typeof REASONS])
      : errorText(language, { code: isErrorCode(code) ? code : 'INTERNAL' });
  return (
    <>
      {showsPatient && <p className="screen__help">{t('registrar.outbox.patientNote')}</p>}
      <div className="registrar__table-wrap">
        <table className="registrar__table">
          <caption className="visually-hidden">{t('registrar.outbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registrar.outbox.reference')}</th>
              <th scope="col">{t('registrar.outbox.kind')}</th>
              <th scope="col">{t('registrar.outbox.created')}</th>
              <th scope="col">{t('registrar.outbox.attempts')}</th>
              <th scope="col">{t('registrar.outbox.state')}</th>
              {showsDeadline && <th scope="col">{t('registrar.outbox.deadline')}</th>}
              {showsPatient && <th scope="col">{t('registrar.outbox.patient')}</th>}
              <th scope="col">{t('registrar.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={op.id}>
                <th scope="row" className="registrar__mono" data-label={t('registrar.outbox.reference')}>
                  {op.referenceCode}
                </th>
                <td data-label={t('registrar.outbox.kind')}>{kindText(t, op.kind)}</td>
                <td data-label={t('registrar.outbox.created')}>{formatTime(op.createdAt, language)}</td>
                <td data-label={t('registrar.outbox.attempts')}>{op.attempts}</td>
                <td data-label={t('registrar.outbox.state')}>
                  {t(`registrar.state.${op.state}`)}
                  {op.held ? ` · ${t('registrar.outbox.held')}` : ''}
                  {op.discarded ? ` · ${t('registrar.outbox.discardedMark')}` : ''}
                  {op.errorCode && (
                    <>
                      {` · ${refusalText(op.errorCode)} `}
                      <span className="registrar__support-code" data-support-code="">
                        ({op.errorCode})
                      </span>
                    </>
                  )}
                </td>
                {showsDeadline && (
                  <td data-label={t('registrar.outbox.deadline')}>
                    {op.deadline && op.state !== 'done' ? formatTime(op.deadline, language) : '—'}
                    {op.nearDeadline ? ` · ${t('registrar.outbox.nearDeadline')}` : ''}
                  </td>
                )}
                {showsPatient && (
                  <td className="registrar__mono" data-label={t('registrar.outbox.patient')}>
                    {op.patient ?? '—'}
                  </td>
                )}
                <td>
                  <div className="banner__actions">
                    {op.canRetry && (
                      <BigButton
                        disabled={busy}
                        aria-label={t('registrar.outbox.retryOne', { reference: op.referenceCode })}
                        onClick={() => void useRegistrarStore.getState().retry(op.id)}
                      >
                        {t('registrar.outbox.retry')}
                      </BigButton>
                    )}
                    {op.canDiscard && (
                      <BigButton
                        disabled={busy}
                        aria-label={t('registrar.outbox.discardOne', { reference: op.referenceCode })}
                        onClick={() => setDiscarding(op)}
                      >
                        {t('registrar.outbox.discard')}
                      </BigButton>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {discarding && (
        <Dialog
          title={t('registrar.outbox.discardTitle')}
          description={t('registrar.outbox.discardBody', {
            reference: discarding.referenceCode,
            kind: kindText(t, discarding.kind),
          })}
          onEscape={() => setDiscarding(null)}
        >
          <div className="screen__actions">
            <BigButton
              variant="finish"
              onClick={() => {
                const id = discarding.id;
                setDiscarding(null);
                void useRegistrarStore.getState().discard(id);
              }}
            >
              {t('registrar.outbox.discardConfirm')}
            </BigButton>
            <BigButton onClick={() => setDiscarding(null)}>{t('registrar.cancel')}</BigButton>
          </div>
        </Dialog>
      )}
    </>
  );
}
