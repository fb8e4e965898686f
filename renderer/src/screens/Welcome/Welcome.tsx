import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n/useT';
import { SpeechToggle } from '../../speech/SpeechToggle';
import { useUiStore } from '../../stores/ui';

/** The attract screen: what the kiosk does, in plain words, and one way in. */
export function Welcome() {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  return (
    <div className="screen screen--welcome">
      <ScreenTitle>{t('welcome.title')}</ScreenTitle>
      <p className="screen__lead">{t('welcome.lead')}</p>
      <ul className="welcome__features">
        <li>{t('welcome.personalData')}</li>
        <li>{t('welcome.declarations')}</li>
        <li>{t('welcome.newDeclaration')}</li>
        <li>{t('welcome.access')}</li>
      </ul>
      <p>{t('welcome.privacy')}</p>
      <div className="screen__actions">
        <BigButton variant="primary" onClick={() => goTo('insertKey')}>
          {t('welcome.start')}
        </BigButton>
      </div>
      <SpeechToggle />
      <p className="screen__help">{t('welcome.help')}</p>
    </div>
  );
}
