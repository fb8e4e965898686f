/**
 * A fake of the platform's speech synthesis for jsdom tests: voices as given, every utterance
 * recorded (text, language, volume). Installed on `window` and picked up by a fresh speaker.
 */
import { resetSpeakerForTests } from './speaker-instance';

export interface SpokenUtterance {
  text: string;
  lang: string;
  volume: number;
}

export interface FakeSynthesis {
  spoken: SpokenUtterance[];
  cancels: number;
  setVoices(langs: string[]): void;
  texts(): string[];
  uninstall(): void;
}

class FakeUtterance {
  lang = '';
  voice: unknown = null;
  volume = 1;
  constructor(public text: string) {}
}

export function installFakeSynthesis(langs: string[] = ['uk-UA', 'en-GB']): FakeSynthesis {
  let voices = langs.map((lang) => ({
    lang,
    name: lang,
    default: false,
    localService: true,
    voiceURI: lang,
  }));
  const listeners = new Set<() => void>();
  const fake: FakeSynthesis = {
    spoken: [],
    cancels: 0,
    setVoices(next) {
      voices = next.map((lang) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }));
      for (const l of listeners) l();
    },
    texts: () => fake.spoken.map((s) => s.text),
    uninstall() {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
      resetSpeakerForTests();
    },
  };
  const synth = {
    speak: (u: FakeUtterance) => fake.spoken.push({ text: u.text, lang: u.lang, volume: u.volume }),
    cancel: () => {
      fake.cancels += 1;
    },
    getVoices: () => voices,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  resetSpeakerForTests();
  return fake;
}
