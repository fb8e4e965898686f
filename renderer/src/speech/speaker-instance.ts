import { Speaker } from './speaker';

let instance: Speaker | null = null;

/** The page's one speaker (created on first use from `window.speechSynthesis`). */
export function speaker(): Speaker {
  instance ??= Speaker.ofWindow();
  return instance;
}

/** Tests: forget the speaker so the next use picks up a replaced `speechSynthesis`. */
export function resetSpeakerForTests(): void {
  instance?.stop();
  instance = null;
}
