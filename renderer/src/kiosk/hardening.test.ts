import { afterEach, describe, expect, it } from 'vitest';
import { installKioskHardening } from './hardening';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  document.body.innerHTML = '';
});

const dispatch = (target: EventTarget, event: Event): boolean => {
  target.dispatchEvent(event);
  return event.defaultPrevented;
};
const key = (init: KeyboardEventInit) =>
  new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

describe('kiosk hardening', () => {
  it('blocks the context menu, dragging and text selection outside fields', () => {
    uninstall = installKioskHardening(window);
    const p = document.body.appendChild(document.createElement('p'));
    const input = document.body.appendChild(document.createElement('input'));
    expect(dispatch(p, new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(p, new Event('dragstart', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(p, new Event('selectstart', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(input, new Event('selectstart', { bubbles: true, cancelable: true }))).toBe(false);
  });

  it('blocks Ctrl+wheel zoom but not scrolling', () => {
    uninstall = installKioskHardening(window);
    const wheel = (ctrlKey: boolean) =>
      new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey, deltaY: 50 });
    expect(dispatch(document.body, wheel(true))).toBe(true);
    expect(dispatch(document.body, wheel(false))).toBe(false);
  });

  it('blocks zoom, reload, print and find shortcuts but not typing', () => {
    uninstall = installKioskHardening(window);
    for (const k of ['+', '=', '-', '0', 'r', 'P', 'f'])
      expect(dispatch(document.body, key({ key: k, ctrlKey: true }))).toBe(true);
    expect(dispatch(document.body, key({ key: 'F5' }))).toBe(true);
    for (const k of ['r', 'а', '0', '-', 'Backspace'])
      expect(dispatch(document.body, key({ key: k }))).toBe(false);
  });

  it('blocks two-finger gestures but not a one-finger scroll', () => {
    uninstall = installKioskHardening(window);
    const touch = (n: number) => {
      const event = new Event('touchmove', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'touches', { value: { length: n } });
      return event;
    };
    expect(dispatch(document.body, touch(2))).toBe(true);
    expect(dispatch(document.body, touch(1))).toBe(false);
  });

  it('can be removed again', () => {
    installKioskHardening(window)();
    expect(dispatch(document.body, new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(
      false,
    );
  });
});
