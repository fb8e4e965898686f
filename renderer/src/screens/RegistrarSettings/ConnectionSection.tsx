import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Toggle } from '../../components/Toggle';
import type { RegistrarSettings } from '#shared/contract/registrar';
import { useT } from '../../i18n/useT';
import { selectBusy, useRegistrarStore } from '../../stores/registrar';
import type { EditTarget, RealEnv, Secret } from './edit-target';

const REAL: RealEnv[] = ['demo', 'preprod', 'prod'];
const SECRETS: Secret[] = ['clientId', 'clientSecret', 'apiKey'];

/**
 * Training mode and the eHealth environment: training runs against the kiosk's own sandbox (a banner
 * says so on every screen); otherwise the chosen environment's eHealth host and credentials are used.
 * The host is shown, not edited (eHealth's own, or one clinic IT set on the kiosk computer); the
 * credentials are write-only: the panel shows whether each is set, never its value. A change of
 * environment (or of its credentials) restarts the kiosk, which says so.
 */
export function ConnectionSection({
  settings,
  target,
  setTarget,
  edit,
}: {
  settings: RegistrarSettings;
  target: RealEnv;
  setTarget(env: RealEnv): void;
  edit(t: EditTarget): void;
}) {
  const t = useT();
  const busy = useRegistrarStore(selectBusy);
  const training = settings.environment === 'training';
  const update = useRegistrarStore.getState().updateSettings;
  const chooseReal = (env: RealEnv): void => {
    setTarget(env);
    if (!training && env !== settings.environment) void update({ environment: env });
  };
  const secretState = (name: Secret): string => {
    const s = settings.credentials[target][name];
    if (s.unreadable) return t('registrar.settings.secretUnreadable');
    if (!s.set) return t('registrar.settings.secretUnset');
    return s.masked
      ? t('registrar.settings.secretMasked', { masked: s.masked })
      : t('registrar.settings.secretSet');
  };
  return (
    <section className="registrar__section" aria-labelledby="settings-connection">
      <h2 id="settings-connection">{t('registrar.settings.connection')}</h2>
      <div className="registrar__row">
        <Toggle
          label={t('registrar.settings.training')}
          checked={training}
          onChange={(on) => void update({ environment: on ? 'training' : target })}
        />
      </div>
      <p>
        {training
          ? t('registrar.settings.trainingOn')
          : t('registrar.settings.trainingOff', { environment: t(`registrar.env.${settings.environment}`) })}
      </p>
      <div className="registrar__row">
        <span className="registrar__label">{t('registrar.settings.realEnvironment')}</span>
        <ChoiceGroup
          label={t('registrar.settings.realEnvironment')}
          choices={REAL.map((env) => ({ value: env, label: t(`registrar.env.${env}`) }))}
          value={target}
          onChange={chooseReal}
        />
      </div>
      <p>{t('registrar.settings.switchRestarts')}</p>
      <div className="registrar__row">
        <span className="registrar__label">{t('registrar.settings.baseUrl')}</span>
        <span className="registrar__mono">{settings.baseUrls[target]}</span>
        <span>
          {settings.officialHosts[target]
            ? t('registrar.settings.hostOfficial')
            : t('registrar.settings.hostOperator')}
        </span>
      </div>
      {SECRETS.map((name) => (
        <div className="registrar__row" key={name}>
          <span className="registrar__label">{t(`registrar.settings.secret.${name}`)}</span>
          <span>{secretState(name)}</span>
          <BigButton
            disabled={busy}
            aria-label={t('registrar.settings.changeSecret', {
              name: t(`registrar.settings.secret.${name}`),
            })}
            onClick={() => edit({ kind: 'credential', env: target, name })}
          >
            {t('registrar.change')}
          </BigButton>
          {settings.credentials[target][name].set && (
            <BigButton
              disabled={busy}
              aria-label={t('registrar.settings.removeSecret', {
                name: t(`registrar.settings.secret.${name}`),
              })}
              onClick={() => void update({ credential: { environment: target, name, value: null } })}
            >
              {t('registrar.remove')}
            </BigButton>
          )}
        </div>
      ))}
    </section>
  );
}
