import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { formatTime } from '../Registrar/format';
import { PanelScreen } from '../Registrar/PanelScreen';

/**
 * The audit log: append-only and hash-chained, no personal data (subjects are operation ids and
 * pseudonymous session ids). "Check the chain" recomputes every hash and says where it breaks.
 */
export function RegistrarAudit() {
  const t = useT();
  return (
    <PanelScreen title={t('registrar.audit.title')}>
      <AuditBody />
    </PanelScreen>
  );
}

function AuditBody() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const entries = useRegistrarStore((s) => s.audit);
  const check = useRegistrarStore((s) => s.auditCheck);
  const busy = useRegistrarStore(selectBusy);

  useEffect(() => {
    void useRegistrarStore.getState().loadAudit();
  }, []);

  return (
    <>
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={busy}
          onClick={() => void useRegistrarStore.getState().verifyAudit()}
        >
          {t('registrar.audit.verify')}
        </BigButton>
      </div>
      {check && (
        <p role="status" className="registrar__status">
          {check.ok
            ? t('registrar.audit.intact', { count: check.entries })
            : t('registrar.audit.broken', { seq: check.brokenAt ?? 0, count: check.entries })}
        </p>
      )}
      <div className="registrar__table-wrap">
        <table className="registrar__table">
          <caption className="visually-hidden">{t('registrar.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('registrar.audit.at')}</th>
              <th scope="col">{t('registrar.audit.actor')}</th>
              <th scope="col">{t('registrar.audit.action')}</th>
              <th scope="col">{t('registrar.audit.subject')}</th>
              <th scope="col">{t('registrar.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <th scope="row" data-label="#">
                  {e.seq}
                </th>
                <td data-label={t('registrar.audit.at')}>{formatTime(e.at, language)}</td>
                <td className="registrar__mono" data-label={t('registrar.audit.actor')}>
                  {e.actor}
                </td>
                <td className="registrar__mono" data-label={t('registrar.audit.action')}>
                  {e.action}
                </td>
                <td className="registrar__mono" data-label={t('registrar.audit.subject')}>
                  {e.subject ?? ''}
                </td>
                <td className="registrar__mono" data-label={t('registrar.audit.detail')}>
                  {e.detail ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length > 0 && entries.length % 50 === 0 && (
        <div className="screen__actions">
          <BigButton disabled={busy} onClick={() => void useRegistrarStore.getState().loadAudit(true)}>
            {t('registrar.audit.older')}
          </BigButton>
        </div>
      )}
    </>
  );
}
