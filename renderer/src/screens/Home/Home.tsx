import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { MessageKey } from '../../i18n/uk';
import { useT } from '../../i18n/useT';
import { selectActingFor, useActingStore } from '../../stores/acting';
import { selectViewOnly, useSignInStore } from '../../stores/signin';
import type { ScreenId } from '../../stores/ui';
import { useUiStore } from '../../stores/ui';
import '../SignIn/signin.css';
import '../ActForChild/acting.css';

interface MenuItem {
  screen: ScreenId;
  label: MessageKey;
  hint: MessageKey;
  /** What the function offers to a teen who may only look (it does not offer a change then). */
  viewOnlyHint: MessageKey;
}

/** A child's cabinet: what a parent may do for them (e-cabinet access stays the child's own matter). */
const CHILD_MENU: readonly MenuItem[] = [
  {
    screen: 'person',
    label: 'acting.childPerson',
    hint: 'acting.childPersonHint',
    viewOnlyHint: 'home.personHintViewOnly',
  },
  {
    screen: 'declarations',
    label: 'acting.childDeclarations',
    hint: 'acting.childDeclarationsHint',
    viewOnlyHint: 'acting.childDeclarationsHint',
  },
  {
    screen: 'doctorSearch',
    label: 'acting.childDoctorSearch',
    hint: 'acting.childDoctorSearchHint',
    viewOnlyHint: 'home.doctorSearchHintViewOnly',
  },
];

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
  const child = useActingStore(selectActingFor);
  useEffect(() => {
    void useActingStore.getState().load();
  }, []);
  return child ? (
    <ChildHome name={child.name} viewOnly={child.access === 'view-only'} teen={child.ageYears >= 14} />
  ) : (
    <OwnHome />
  );
}

function Menu({ items, viewOnly }: { items: readonly MenuItem[]; viewOnly: boolean }) {
  const t = useT();
  const goTo = useUiStore((s) => s.goTo);
  return (
    <ul className="home__menu">
      {items.map((item) => (
        <li key={item.screen}>
          <button type="button" className="home__item" onClick={() => goTo(item.screen)}>
            <span className="home__label">{t(item.label)}</span>
            <span className="home__hint">{t(viewOnly ? item.viewOnlyHint : item.hint)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A parent in a child's cabinet (the banner above names the child and leads back). */
function ChildHome({ name, viewOnly, teen }: { name: string; viewOnly: boolean; teen: boolean }) {
  const t = useT();
  return (
    <div className="screen">
      <ScreenTitle>
        {t('acting.childTitle')}: <span data-private="">{name}</span>
      </ScreenTitle>
      {viewOnly && (
        <section className="home__viewonly" aria-labelledby="home-viewonly-title">
          <h2 id="home-viewonly-title">{t('home.viewOnlyTitle')}</h2>
          <p>{t(teen ? 'acting.teenViewOnly' : 'acting.relationViewOnly')}</p>
        </section>
      )}
      <p className="screen__lead">{t('acting.childLead')}</p>
      <Menu items={CHILD_MENU} viewOnly={viewOnly} />
      <p className="screen__help">{t('acting.finishHint')}</p>
    </div>
  );
}

function OwnHome() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const patient = useSignInStore((s) => s.patient);
  const viewOnly = useSignInStore(selectViewOnly);
  const acting = useActingStore((s) => s.state);
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
      <Menu items={MENU} viewOnly={viewOnly} />
      {acting?.mayActForOthers && (
        <ul className="home__menu">
          <li>
            <button type="button" className="home__item" onClick={() => goTo('actForChild')}>
              <span className="home__label">{t('acting.homeButton')}</span>
              <span className="home__hint">{t('acting.homeHint')}</span>
            </button>
          </li>
        </ul>
      )}
      {acting && acting.children.length > 0 && (
        <>
          <p>{t('acting.opened')}</p>
          <ul className="acting__children">
            {acting.children.map((c) => (
              <li key={c.handle}>
                <BigButton onClick={() => void useActingStore.getState().switchTo(c.handle)}>
                  <span data-private="">{t('acting.open', { name: c.name })}</span>
                </BigButton>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="screen__help">{t('home.finishHint')}</p>
    </div>
  );
}
