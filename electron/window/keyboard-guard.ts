/**
 * Browser shortcuts a visitor could use to escape or disturb the kiosk: zoom, reload (which would
 * drop the renderer's state mid-flow) and, unless the dev flag is on, DevTools.
 */
import type { Input, WebContents } from 'electron';

export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'shift' | 'alt'>;

const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

export function isBlockedShortcut(input: KeyInput, opts: { devTools: boolean }): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const mod = input.control || input.meta;
  const key = input.key.toLowerCase();
  if (mod && (ZOOM_KEYS.has(input.key) || ZOOM_CODES.has(input.code))) return true;
  if (input.key === 'F5' || (mod && key === 'r')) return true;
  if (!opts.devTools) {
    if (input.key === 'F12') return true;
    if (mod && input.shift && ['i', 'j', 'c'].includes(key)) return true;
    if (input.meta && input.alt && ['i', 'j', 'c'].includes(key)) return true;
  }
  return false;
}

export function guardShortcuts(wc: WebContents, opts: { devTools: boolean }): void {
  wc.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, opts)) event.preventDefault();
  });
}
