import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { KeyboardField } from '../../components/OnScreenKeyboard/KeyboardField';
import type { KeyboardLayoutId } from '../../components/OnScreenKeyboard/layouts';
import { useKeyboardLabels, useT } from '../../i18n/useT';

export interface FieldEditorProps {
  label: string;
  initial: string;
  layout: KeyboardLayoutId;
  masked?: boolean;
  maxLength: number;
  /** Returns false to keep the editor open (the panel shows why). */
  onSave(value: string): Promise<boolean>;
  onCancel(): void;
}

/**
 * One setting typed on the on-screen keyboard, alone on the screen (one keyboard at a time). A
 * secret starts empty and is hidden while typed; it goes to main once and is never shown again.
 */
export function FieldEditor({
  label,
  initial,
  layout,
  masked,
  maxLength,
  onSave,
  onCancel,
}: FieldEditorProps) {
  const t = useT();
  const labels = useKeyboardLabels();
  const [value, setValue] = useState(initial);
  const [saving, setSaving] = useState(false);
  return (
    <div className="registrar__section">
      <KeyboardField
        label={label}
        value={value}
        onChange={setValue}
        layout={layout}
        masked={masked ?? false}
        keyboardLabels={labels}
        showLabel={t('keyboard.show')}
        hideLabel={t('keyboard.hide')}
        phonePrefixLabel={t('keyboard.phonePrefix')}
        maxLength={maxLength}
      />
      <div className="screen__actions">
        <BigButton
          variant="primary"
          disabled={saving}
          onClick={async () => {
            setSaving(true);
            const done = await onSave(value.trim());
            setSaving(false);
            if (done) setValue('');
          }}
        >
          {t('registrar.save')}
        </BigButton>
        <BigButton onClick={onCancel}>{t('registrar.cancel')}</BigButton>
      </div>
    </div>
  );
}
