import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import type { Choice } from '../../components/ChoiceGroup';
import { Toggle } from '../../components/Toggle';
import { LANGUAGE_NAMES } from '../../i18n/types';
import type { Language } from '../../i18n/types';
import { useT } from '../../i18n/useT';
import { wipe } from '../../kiosk/wipe';
import { selectShowsFinish, useUiStore } from '../../stores/ui';

const LANGUAGE_CHOICES: Choice<Language>[] = [
  { value: 'uk', label: LANGUAGE_NAMES.uk, lang: 'uk' },
  { value: 'en', label: LANGUAGE_NAMES.en, lang: 'en' },
];

/** Always on screen: language, text size, contrast, and — once past the welcome screen — "Finish". */
export function TopBar() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const largeText = useUiStore((s) => s.largeText);
  const highContrast = useUiStore((s) => s.highContrast);
  const { setLanguage, setLargeText, setHighContrast } = useUiStore.getState();
  const showsFinish = useUiStore(selectShowsFinish);

  return (
    <header className="topbar">
      <div className="topbar__settings" role="group" aria-label={t('frame.settings')}>
        <ChoiceGroup
          label={t('frame.language')}
          choices={LANGUAGE_CHOICES}
          value={language}
          onChange={setLanguage}
        />
        <Toggle label={t('frame.largeText')} checked={largeText} onChange={setLargeText} />
        <Toggle label={t('frame.highContrast')} checked={highContrast} onChange={setHighContrast} />
      </div>
      {showsFinish && (
        <BigButton variant="finish" onClick={() => void wipe('finish', { notifyMain: true })}>
          {t('frame.finish')}
        </BigButton>
      )}
    </header>
  );
}
