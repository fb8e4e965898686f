import { useEffect, useState } from 'react';
import type { RegistrarOperation } from '#shared/contract/registrar';
import { BigButton } from '../../components/BigButton';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useT';
import { useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { formatTime } from '../Registrar/format';
import { PanelScreen } from '../Registrar/PanelScreen';

/**
 * The outbox as the registrar sees it: kind, created, attempts, state and a short patient
 * pseudonym — never a name or a payload. Retry sends a refused operation again; discard gives one
 * up (asked twice). Both are recorded in the audit log under the registrar's code.
 */
export function RegistrarOutbox() {
  const t = useT();
  return (
    <PanelScreen title={t('registrar.outbox.title')}>
      <OutboxTable />
    </PanelScreen>
  );
}

/** Codes the registrar must act on get words; the rest stay codes (they are for support). */
const REASONS = {
  CERT_REVOKED: 'registrar.outbox.reason.CERT_REVOKED',
  CERT_STATUS_UNKNOWN: 'registrar.outbox.reason.CERT_STATUS_UNKNOWN',
  CERT_UNTRUSTED: 'registrar.outbox.reason.CERT_UNTRUSTED',
} as const;

function OutboxTable() {
  const t = useT();
  const reason = (code: string): string =>
    code in REASONS ? `${code}: ${t(REASONS[code as keyof typeof REASONS])}` : code;
  const language = useUiStore((s) => s.language);
  const operations = useRegistrarStore((s) => s.operations);
  const busy = useRegistrarStore((s) => s.busy);
  const [discarding, setDiscarding] = useState<RegistrarOperation | null>(null);

  useEffect(() => {
    void useRegistrarStore.getState().loadOperations();
  }, []);

  if (!operations.length) return <p className="screen__lead">{t('registrar.outbox.empty')}</p>;
  return (
    <>
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
              <th scope="col">{t('registrar.outbox.deadline')}</th>
              <th scope="col">{t('registrar.outbox.patient')}</th>
              <th scope="col">{t('registrar.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={op.id}>
                <th scope="row" className="registrar__mono">
                  {op.referenceCode}
                </th>
                <td className="registrar__mono">{op.kind}</td>
                <td>{formatTime(op.createdAt, language)}</td>
                <td>{op.attempts}</td>
                <td>
                  {t(`registrar.state.${op.state}`)}
                  {op.held ? ` · ${t('registrar.outbox.held')}` : ''}
                  {op.discarded ? ` · ${t('registrar.outbox.discardedMark')}` : ''}
                  {op.errorCode ? ` · ${reason(op.errorCode)}` : ''}
                </td>
                <td>
                  {op.deadline && op.state !== 'done' ? formatTime(op.deadline, language) : '—'}
                  {op.nearDeadline ? ` · ${t('registrar.outbox.nearDeadline')}` : ''}
                </td>
                <td className="registrar__mono">{op.patient ?? '—'}</td>
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
            kind: discarding.kind,
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
