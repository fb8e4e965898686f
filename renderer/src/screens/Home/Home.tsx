import { ScreenTitle } from '../../components/ScreenTitle';
import type { MessageKey } from '../../i18n/uk';
import { useT } from '../../i18n/useT';
import { selectViewOnly, useSignInStore } from '../../stores/signin';
import type { ScreenId } from '../../stores/ui';
import { useUiStore } from '../../stores/ui';
import '../SignIn/signin.css';

interface MenuItem {
  screen: ScreenId;
  label: MessageKey;
  hint: MessageKey;
  /** What the function offers to a teen who may only look (it does not offer a change then). */
  viewOnlyHint: MessageKey;
}

const MENU: readonly MenuItem[] = [
  {
    screen: 'person',
    label: 'home.person',
    hint: 'home.personHint',
    viewOnlyHint: 'home.personHintViewOnly',
  },
  {
    screen: 'declarations',
    label: 'home.declarations',
    hint: 'home.declarationsHint',
    viewOnlyHint: 'home.declarationsHint',
  },
  {
    screen: 'doctorSearch',
    label: 'home.doctorSearch',
    hint: 'home.doctorSearchHint',
    viewOnlyHint: 'home.doctorSearchHintViewOnly',
  },
  { screen: 'apps', label: 'home.apps', hint: 'home.appsHint', viewOnlyHint: 'home.appsHintViewOnly' },
];

/**
 * After sign-in: the patient greeted by name (in the vocative in Ukrainian) and the four functions
 * of the cabinet. A teen without confirmed legal capacity sees why changes are not offered. The
 * name is marked private, so speech mode greets without reading it out.
 */
export function Home() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const patient = useSignInStore((s) => s.patient);
  const viewOnly = useSignInStore(selectViewOnly);
  if (!patient) return null;
  const name = language === 'uk' ? patient.greeting.vocative : patient.greeting.nominative;
  const [before = '', after = ''] = t('home.title', { name: '\u0000' }).split('\u0000');

  return (
    <div className="screen">
      <ScreenTitle>
        <span data-speech={t('home.titleSpoken')}>
          {before}
          <span data-private="">{name}</span>
          {after}
        </span>
      </ScreenTitle>
      {viewOnly && (
        <section className="home__viewonly" aria-labelledby="home-viewonly-title">
          <h2 id="home-viewonly-title">{t('home.viewOnlyTitle')}</h2>
          <p>{t('home.viewOnly', { age: patient.ageYears })}</p>
        </section>
      )}
      <p className="screen__lead">{t('home.lead')}</p>
      <ul className="home__menu">
        {MENU.map((item) => (
          <li key={item.screen}>
            <button type="button" className="home__item" onClick={() => goTo(item.screen)}>
              <span className="home__label">{t(item.label)}</span>
              <span className="home__hint">{t(viewOnly ? item.viewOnlyHint : item.hint)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="screen__help">{t('home.finishHint')}</p>
    </div>
  );
}
