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
  /** What it offers is mostly a change (shown as view-only for a teen without legal capacity). */
  acts: boolean;
}

const MENU: readonly MenuItem[] = [
  { screen: 'person', label: 'home.person', hint: 'home.personHint', acts: true },
  { screen: 'declarations', label: 'home.declarations', hint: 'home.declarationsHint', acts: false },
  { screen: 'doctorSearch', label: 'home.doctorSearch', hint: 'home.doctorSearchHint', acts: true },
  { screen: 'apps', label: 'home.apps', hint: 'home.appsHint', acts: true },
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
              <span className="home__hint">
                {viewOnly && item.acts ? `${t(item.hint)} (${t('home.viewOnlyHint')})` : t(item.hint)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="screen__help">{t('home.finishHint')}</p>
    </div>
  );
}
