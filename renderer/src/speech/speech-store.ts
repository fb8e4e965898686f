import { create } from 'zustand';
import { registerReset } from '../stores/reset';

/**
 * Speech mode: on or off, and how loud. Belongs to one visitor: a wipe turns it off and puts the
 * volume back to the default (EN 301 549 / 49 CFR 27.71: volume reset after each user).
 */
export interface SpeechState {
  enabled: boolean;
  volume: number;
}

export interface SpeechActions {
  setEnabled(on: boolean): void;
  louder(): void;
  quieter(): void;
}

export const DEFAULT_VOLUME = 0.8;
const STEP = 0.2;
const MIN_VOLUME = 0.2;

export const initialSpeechState: SpeechState = { enabled: false, volume: DEFAULT_VOLUME };

const round = (v: number) => Math.round(v * 10) / 10;

export const useSpeechStore = create<SpeechState & SpeechActions>()((set, get) => ({
  ...initialSpeechState,
  setEnabled: (enabled) => set({ enabled }),
  louder: () => set({ volume: round(Math.min(1, get().volume + STEP)) }),
  quieter: () => set({ volume: round(Math.max(MIN_VOLUME, get().volume - STEP)) }),
}));

/** Listeners told when a wipe resets speech mode (the hook stops the voice mid-sentence). */
const onResetListeners = new Set<() => void>();
export const onSpeechReset = (listener: () => void): (() => void) => {
  onResetListeners.add(listener);
  return () => onResetListeners.delete(listener);
};

registerReset(() => {
  useSpeechStore.setState(initialSpeechState);
  for (const l of onResetListeners) l();
});
