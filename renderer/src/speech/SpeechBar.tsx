import { BigButton } from '../components/BigButton';
import { useT } from '../i18n/useT';
import { useUiStore } from '../stores/ui';
import { useSpeechStore } from './speech-store';
import { announceScreen, useVoiceAvailable } from './use-speech-mode';

/** While speech mode is on, on every screen: repeat, quieter, louder, off — and a word if the voice is missing. */
export function SpeechBar() {
  const t = useT();
  const enabled = useSpeechStore((s) => s.enabled);
  const volume = useSpeechStore((s) => s.volume);
  const language = useUiStore((s) => s.language);
  const available = useVoiceAvailable(language);
  if (!enabled) return null;
  const { louder, quieter, setEnabled } = useSpeechStore.getState();
  return (
    <section className="speech-bar" aria-label={t('speech.controls')}>
      <BigButton onClick={() => announceScreen()}>{t('speech.repeat')}</BigButton>
      <BigButton onClick={quieter}>{t('speech.quieter')}</BigButton>
      <BigButton onClick={louder}>{t('speech.louder')}</BigButton>
      <span role="status">{t('speech.volume', { percent: Math.round(volume * 100) })}</span>
      <BigButton onClick={() => setEnabled(false)}>{t('speech.off')}</BigButton>
      {!available && <p role="status">{t('speech.noVoice')}</p>}
    </section>
  );
}
