import '../screens/SignIn/signin.css';
import { useId } from 'react';
import { Toggle } from '../components/Toggle';
import { useT } from '../i18n/useT';
import { useUiStore } from '../stores/ui';
import { useSpeechStore } from './speech-store';
import { useVoiceAvailable } from './use-speech-mode';

/**
 * The speech-mode switch on the welcome screen. Where the platform has no voice for the visitor's
 * language the switch says so and stays off, instead of pretending to speak.
 */
export function SpeechToggle() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const enabled = useSpeechStore((s) => s.enabled);
  const available = useVoiceAvailable(language);
  const noteId = useId();

  if (!available) {
    return (
      <div className="speech-toggle">
        <button
          type="button"
          role="switch"
          aria-checked={false}
          aria-disabled="true"
          aria-describedby={noteId}
          className="toggle"
        >
          <span className="toggle__label">{t('speech.toggle')}</span>
          <span className="toggle__track" aria-hidden="true">
            <span className="toggle__thumb" />
          </span>
        </button>
        <p id={noteId} className="speech-toggle__note">
          {t('speech.noVoice')}
        </p>
      </div>
    );
  }
  return (
    <div className="speech-toggle">
      <Toggle
        label={t('speech.toggle')}
        checked={enabled}
        onChange={(on) => useSpeechStore.getState().setEnabled(on)}
      />
      <p className="speech-toggle__note">{t('speech.hint')}</p>
    </div>
  );
}
