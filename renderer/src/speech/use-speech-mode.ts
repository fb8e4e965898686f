import { useEffect, useState } from 'react';
import type { Language } from '../i18n/types';
import { translate } from '../i18n/translate';
import { useUiStore } from '../stores/ui';
import { speaker } from './speaker-instance';
import { onSpeechReset, useSpeechStore } from './speech-store';
import { controlName, joinSentences, screenText, speakableText } from './speech-text';

const ALERTS = '[role="alert"]';

function say(text: string): void {
  const { volume } = useSpeechStore.getState();
  speaker().say(text, useUiStore.getState().language, volume);
}

const alertText = (language: Language, el: Element): string => {
  const text = speakableText(el);
  return text ? translate(language, 'speech.error', { text }) : '';
};

/** Says the current screen again: its title, its prompt and any error on it. */
export function announceScreen(): void {
  if (typeof document === 'undefined') return;
  const main = document.querySelector('main') ?? document.body;
  const language = useUiStore.getState().language;
  const alerts = [...document.querySelectorAll(ALERTS)].map((a) => alertText(language, a)).filter(Boolean);
  say(joinSentences([screenText(main), ...alerts]));
}

/** Whether the platform has a voice for `language` (follows `voiceschanged`: voices load late). */
export function useVoiceAvailable(language: Language): boolean {
  const [available, setAvailable] = useState(() => speaker().hasVoice(language));
  useEffect(() => {
    const update = () => setAvailable(speaker().hasVoice(language));
    update();
    return speaker().onVoicesChanged(update);
  }, [language]);
  return available;
}

/**
 * Speech mode for the whole page (closed functionality, EN 301 549 5.1.3): while it is on, each
 * screen's title and prompt, the focused control and every error are read aloud in the visitor's
 * language. What is marked private, passwords and on-screen keyboard keys are never spoken (see
 * speech-text.ts). A wipe switches it off and stops the voice.
 */
export function useSpeechMode(): void {
  const enabled = useSpeechStore((s) => s.enabled);
  const screen = useUiStore((s) => s.screen);
  const language = useUiStore((s) => s.language);

  useEffect(() => onSpeechReset(() => speaker().stop()), []);

  // a new screen (or language, or speech just switched on): title, prompt, errors
  useEffect(() => {
    if (!enabled) {
      speaker().stop();
      return;
    }
    announceScreen();
  }, [enabled, screen, language]);

  useEffect(() => {
    if (!enabled) return undefined;
    const spokenAlerts = new WeakMap<Element, string>();
    for (const a of document.querySelectorAll(ALERTS)) spokenAlerts.set(a, speakableText(a));

    const onFocus = (e: FocusEvent): void => {
      const target = e.target;
      // the frame focuses a new screen's heading: the screen announcement covers it
      if (!(target instanceof Element) || target.tagName === 'H1' || target === document.body) return;
      const name = controlName(target);
      if (name) say(name);
    };
    const observer = new MutationObserver(() => {
      const lang = useUiStore.getState().language;
      for (const a of document.querySelectorAll(ALERTS)) {
        const text = speakableText(a);
        if (text && spokenAlerts.get(a) !== text) {
          spokenAlerts.set(a, text);
          say(alertText(lang, a));
        }
      }
    });
    document.addEventListener('focusin', onFocus);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      document.removeEventListener('focusin', onFocus);
      observer.disconnect();
    };
  }, [enabled]);
}
