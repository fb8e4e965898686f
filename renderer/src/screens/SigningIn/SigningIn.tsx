import type { SignInStep } from '#shared/contract/signin';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useSignInStore } from '../../stores/signin';
import '../SignIn/signin.css';

const STEPS: readonly SignInStep[] = ['opening-key', 'signing', 'signing-in', 'loading-person'];

/** While main opens the key, signs eHealth's nonce and signs in: the steps, the current one marked. */
export function SigningIn() {
  const t = useT();
  const step = useSignInStore((s) => s.step);
  const current = step ? STEPS.indexOf(step) : 0;
  return (
    <div className="screen">
      <ScreenTitle>{t('progress.title')}</ScreenTitle>
      <p className="screen__lead">{t('progress.lead')}</p>
      <ol className="progress__steps" aria-label={t('progress.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} className="progress__step" aria-current={i === current ? 'step' : undefined}>
            <span className="progress__mark" aria-hidden="true">
              {i < current ? '✓' : i === current ? '…' : ''}
            </span>
            <span>{t(`progress.${s}`)}</span>
            {i < current && <span className="visually-hidden">({t('progress.done')})</span>}
            {i === current && <span className="visually-hidden">({t('progress.current')})</span>}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {t(`progress.${STEPS[current] ?? 'opening-key'}`)}
      </p>
    </div>
  );
}
