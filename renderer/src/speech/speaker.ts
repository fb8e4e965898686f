/**
 * The platform's speech synthesis (Web Speech API) behind a small port, so speech mode can be
 * tested with a fake and works the same in Electron and in the browser host. One utterance at a
 * time: a new one interrupts the old (the visitor moved on).
 */
import type { Language } from '../i18n/types';

/** The part of `window.speechSynthesis` the kiosk uses. */
export interface SynthesisPort {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

const LANG_TAGS: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };

/** The installed voice for a language, preferring the exact region (uk-UA, en-GB), then any. */
export function voiceFor(
  voices: readonly SpeechSynthesisVoice[],
  language: Language,
): SpeechSynthesisVoice | null {
  const tag = LANG_TAGS[language].toLowerCase();
  const lower = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  return (
    voices.find((v) => lower(v) === tag) ?? voices.find((v) => lower(v).split('-')[0] === language) ?? null
  );
}

export class Speaker {
  constructor(
    private readonly synth: SynthesisPort | null,
    private readonly utterance: UtteranceFactory | null,
  ) {}

  /** The speaker of this page, or one that can say nothing (no Web Speech API). */
  static ofWindow(w: Window | undefined = typeof window === 'undefined' ? undefined : window): Speaker {
    const synth = (w as { speechSynthesis?: SynthesisPort } | undefined)?.speechSynthesis ?? null;
    const Ctor = (w as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance } | undefined)
      ?.SpeechSynthesisUtterance;
    return new Speaker(synth, Ctor ? (text) => new Ctor(text) : null);
  }

  get available(): boolean {
    return this.synth !== null && this.utterance !== null;
  }

  hasVoice(language: Language): boolean {
    if (!this.synth) return false;
    try {
      return voiceFor(this.synth.getVoices(), language) !== null;
    } catch {
      return false;
    }
  }

  onVoicesChanged(listener: () => void): () => void {
    this.synth?.addEventListener?.('voiceschanged', listener);
    return () => this.synth?.removeEventListener?.('voiceschanged', listener);
  }

  /** Says `text` in `language` at `volume` (0–1), interrupting whatever was being said. */
  say(text: string, language: Language, volume: number): boolean {
    const clean = text.trim();
    if (!clean || !this.synth || !this.utterance) return false;
    const voice = voiceFor(this.synth.getVoices(), language);
    if (!voice) return false;
    const u = this.utterance(clean);
    u.lang = voice.lang;
    u.voice = voice;
    u.volume = Math.min(1, Math.max(0, volume));
    this.synth.cancel();
    this.synth.speak(u);
    return true;
  }

  stop(): void {
    this.synth?.cancel();
  }
}
