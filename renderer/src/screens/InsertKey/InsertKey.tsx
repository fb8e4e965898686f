import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { useUiStore } from '../../stores/ui';

/**
 * After "Start": what signing in takes. The key discovery and password entry arrive with the
 * sign-in flow; until then this screen explains the step honestly and pretends to detect nothing.
 */
export function InsertKey() {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  return (
    <div className="screen">
      <ScreenTitle>{t('insertKey.title')}</ScreenTitle>
      <p className="screen__lead">{t('insertKey.lead')}</p>
      <h2 className="screen__subtitle">{t('insertKey.steps')}</h2>
      <ol className="steps">
        <li>{t('insertKey.step1')}</li>
        <li>{t('insertKey.step2')}</li>
        <li>{t('insertKey.step3')}</li>
      </ol>
      <div className="screen__actions">
        <BigButton onClick={() => goTo('keyboardPractice')}>{t('insertKey.practice')}</BigButton>
        <BigButton onClick={() => goTo('welcome')}>{t('insertKey.back')}</BigButton>
      </div>
    </div>
  );
}
