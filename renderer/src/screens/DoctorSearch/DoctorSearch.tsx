import { useEffect, useState } from 'react';
import { DeclarationSpeciality, type DoctorCard } from '#shared/contract/doctors';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Toggle } from '../../components/Toggle';
import { dictionaries, type Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/uk';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { selectCurrentDoctorId, useDoctorsStore, type DoctorFilters } from '../../stores/doctors';
import { useUiStore } from '../../stores/ui';
import { ErrorNote } from '../Declarations/parts';
import { formatDate, specialityText } from '../Declarations/texts';

type TextFilter = 'text' | 'settlement' | 'oblast';

const DECLARATION_SPECIALITIES = DeclarationSpeciality.options;

const FIELD_LABEL: Record<TextFilter, 'search.name' | 'search.settlement' | 'search.oblast'> = {
  text: 'search.name',
  settlement: 'search.settlement',
  oblast: 'search.oblast',
};

/** Why a speciality is not offered at the patient's age, for the search or a doctor's card. */
export function notForAge(t: Translate, where: 'search' | 'doctor', speciality: string): string | null {
  const key = `${where}.notForAge.${speciality}`;
  return Object.hasOwn(dictionaries.uk.messages, key) ? t(key as MessageKey) : null;
}

/** Free places in words: a number, none, or unknown. */
export function placesText(t: Translate, free: number | null): string {
  if (free === null) return t('search.unknownPlaces');
  return free > 0 ? t('search.freePlaces', { count: free }) : t('search.full');
}

/**
 * Doctor search on the kiosk's copy of the directory (works without eHealth): name, speciality
 * (only those the patient's age allows), settlement, oblast, this clinic, free places. One text
 * field at a time is typed on the on-screen keyboard. The list follows every change (typing once
 * it pauses); «Шукати» searches at once.
 */
export function DoctorSearch() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const { context, contextError } = useDoctorsStore();

  useEffect(() => {
    void (async () => {
      await useDoctorsStore.getState().loadContext();
      if (useDoctorsStore.getState().results.status === 'idle') await useDoctorsStore.getState().search();
    })();
  }, []);

  return (
    <div className="screen">
      <ScreenTitle>{t('search.title')}</ScreenTitle>
      <p className="screen__lead">{t('search.lead')}</p>
      {context && !context.signedIn && <p className="cabinet__note">{t('search.noSession')}</p>}
      {context?.signedIn && !context.canDeclare && <p className="cabinet__note">{t('search.viewOnly')}</p>}
      {context?.ageYears != null &&
        DECLARATION_SPECIALITIES.filter((s) => !context.specialities.includes(s)).map((s) => (
          <p key={s} className="cabinet__note">
            {notForAge(t, 'search', s)}
          </p>
        ))}
      {context?.pediatricianEndsSoon && <p className="cabinet__note">{t('search.teenNote')}</p>}
      {contextError && (
        <ErrorNote
          error={contextError}
          language={language}
          retryLabel={t('common.retry')}
          onRetry={() => void useDoctorsStore.getState().loadContext()}
        />
      )}
      <SearchFilters />
      <DoctorResults />
    </div>
  );
}

/** The filters: speciality, the text fields one at a time on the keyboard, this clinic, full lists. */
function SearchFilters() {
  const t = useT();
  const labels = useKeyboardLabels();
  const language = useUiStore((s) => s.language);
  const goTo = useUiStore((s) => s.goTo);
  const context = useDoctorsStore((s) => s.context);
  const filters = useDoctorsStore((s) => s.filters);
  const { setFilter, search } = useDoctorsStore.getState();
  const [editing, setEditing] = useState<TextFilter | null>(null);

  const runSearch = () => {
    setEditing(null);
    void search();
  };

  const textButton = (key: TextFilter) => (
    <BigButton
      key={key}
      aria-expanded={editing === key}
      onClick={() => setEditing(editing === key ? null : key)}
    >
      {t(FIELD_LABEL[key])}: {filters[key] || t('search.empty')}
    </BigButton>
  );

  return (
    <section aria-label={t('search.search')}>
      <ChoiceGroup<DoctorFilters['speciality']>
        label={t('search.speciality')}
        value={filters.speciality}
        onChange={(v) => setFilter('speciality', v)}
        choices={[
          { value: 'any', label: t('search.anySpeciality') },
          ...(context?.specialities ?? []).map((s) => ({ value: s, label: specialityText(t, s) ?? s })),
        ]}
      />
      <div className="cabinet__filters">{(['text', 'settlement', 'oblast'] as const).map(textButton)}</div>
      {editing && (
        <div className="cabinet__card">
          <KeyboardField
            key={editing}
            label={t(FIELD_LABEL[editing])}
            value={filters[editing]}
            onChange={(v) => setFilter(editing, v)}
            layout={language}
            keyboardLabels={labels}
            showLabel={t('keyboard.show')}
            hideLabel={t('keyboard.hide')}
            phonePrefixLabel={t('keyboard.phonePrefix')}
            maxLength={editing === 'text' ? 80 : 60}
            revealKeyboard
          />
          <div className="cabinet__actions">
            <BigButton onClick={() => setFilter(editing, '')}>{t('search.clear')}</BigButton>
            <BigButton onClick={() => setEditing(null)}>{t('search.done')}</BigButton>
          </div>
        </div>
      )}
      <div className="cabinet__filters">
        {context?.clinic && (
          <Toggle
            label={t('search.inThisClinic')}
            checked={filters.inThisClinic}
            onChange={(v) => setFilter('inThisClinic', v)}
          />
        )}
        <Toggle
          label={t('search.includeFull')}
          checked={filters.includeFull}
          onChange={(v) => setFilter('includeFull', v)}
        />
      </div>
      <div className="screen__actions">
        {/* the list follows every change by itself; the button stays for those who look for it */}
        <BigButton variant="primary" onClick={runSearch}>
          {t('search.search')}
        </BigButton>
        <BigButton onClick={() => goTo(context?.signedIn ? 'home' : 'welcome')}>
          {context?.signedIn ? t('common.toMenu') : t('common.back')}
        </BigButton>
      </div>
    </section>
  );
}

/** What was found: how many, the doctors (more on request) and how fresh the directory is. */
function DoctorResults() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const results = useDoctorsStore((s) => s.results);
  const currentEmployeeId = useDoctorsStore(selectCurrentDoctorId);
  const { more, open } = useDoctorsStore.getState();
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results" className="visually-hidden">
        {t('search.title')}
      </h2>
      <p role="status">
        {results.status === 'loading'
          ? t('search.searching')
          : results.status === 'ready'
            ? results.total > 0
              ? t('search.results', { count: results.total })
              : t('search.noResults')
            : ''}
      </p>
      {results.error && <ErrorNote error={results.error} language={language} />}
      <ul className="cabinet__list">
        {results.items.map((d) => (
          <DoctorItem
            key={d.employeeId}
            d={d}
            t={t}
            current={currentEmployeeId === d.employeeId}
            onOpen={() => void open(d.employeeId)}
          />
        ))}
      </ul>
      {results.items.length < results.total && (
        <BigButton onClick={() => void more()} disabled={results.status === 'loading'}>
          {t('search.more')}
        </BigButton>
      )}
      {results.directoryUpdatedAt && (
        <p className="screen__help">
          {t('search.updatedAt', { date: formatDate(language, results.directoryUpdatedAt) ?? '' })}
        </p>
      )}
    </section>
  );
}

function DoctorItem({
  d,
  t,
  current,
  onOpen,
}: {
  d: DoctorCard;
  t: Translate;
  current: boolean;
  onOpen(): void;
}) {
  return (
    <li className="cabinet__card">
      <h3>{d.fullName}</h3>
      <p>
        {current && <span className="cabinet__badge">{t('search.yourDoctor')}</span>}
        {d.inThisClinic && <span className="cabinet__badge">{t('search.here')}</span>}
        <span className="cabinet__badge">{placesText(t, d.freePlaces)}</span>
      </p>
      <p>
        {specialityText(t, d.speciality)}
        {d.divisionName ? ` · ${d.divisionName}` : ''}
      </p>
      <p>
        {[d.settlement, d.address].filter(Boolean).join(', ')}
        {d.distanceKm !== null ? ` · ${t('search.distance', { km: d.distanceKm })}` : ''}
      </p>
      <BigButton onClick={onOpen}>
        {t('search.open')}
        <span className="visually-hidden"> {d.fullName}</span>
      </BigButton>
    </li>
  );
}
