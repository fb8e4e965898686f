import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import type { Choice } from '../../components/ChoiceGroup';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import type { KeyboardLayoutId } from '../../components/OnScreenKeyboard/layouts';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Toggle } from '../../components/Toggle';
import { LANGUAGE_NAMES } from '../../i18n/types';
import { useKeyboardLabels, useT } from '../../i18n/useT';
import { useUiStore } from '../../stores/ui';

/**
 * Lets a visitor try the on-screen keyboard before they must type a key password on it. What is
 * typed stays in this screen's local state: it is gone when the screen closes, and never stored.
 */
export function KeyboardPractice() {
  const t = useT();
  const labels = useKeyboardLabels();
  const goTo = useUiStore((s) => s.goTo);
  const language = useUiStore((s) => s.language);
  const [layout, setLayout] = useState<KeyboardLayoutId>(language);
  const [masked, setMasked] = useState(false);
  const [text, setText] = useState('');

  const layouts: Choice<KeyboardLayoutId>[] = [
    { value: 'uk', label: LANGUAGE_NAMES.uk, lang: 'uk' },
    { value: 'en', label: LANGUAGE_NAMES.en, lang: 'en' },
    { value: 'digits', label: t('keyboard.layout.digits') },
    { value: 'phone', label: t('keyboard.layout.phone') },
    { value: 'password', label: t('keyboard.layout.password') },
  ];

  return (
    <div className="screen screen--keyboard">
      <ScreenTitle>{t('practice.title')}</ScreenTitle>
      <p className="screen__lead">{t('practice.lead')}</p>
      <div className="practice__options">
        <ChoiceGroup
          label={t('practice.layout')}
          choices={layouts}
          value={layout}
          onChange={(next) => {
            setLayout(next);
            setText('');
          }}
        />
        <Toggle
          label={t('practice.masked')}
          checked={masked}
          onChange={(next) => {
            setMasked(next);
            setText('');
          }}
        />
      </div>
      <KeyboardField
        key={`${layout}-${String(masked)}`}
        label={t('practice.field')}
        value={text}
        onChange={setText}
        layout={layout}
        masked={masked}
        keyboardLabels={labels}
        showLabel={t('keyboard.show')}
        hideLabel={t('keyboard.hide')}
        phonePrefixLabel={t('keyboard.phonePrefix')}
        maxLength={80}
      />
      <div className="screen__actions">
        <BigButton onClick={() => setText('')}>{t('practice.clear')}</BigButton>
        <BigButton onClick={() => goTo('insertKey')}>{t('practice.back')}</BigButton>
      </div>
    </div>
  );
}
