import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { electronMock, fakeOf, type FakeWebContents } from '../../test/mocks/electron';
import { guardShortcuts, isBlockedShortcut, type KeyInput } from './keyboard-guard';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

const key = (k: string, mods: Partial<KeyInput> = {}, code = ''): KeyInput => ({
  type: 'keyDown',
  key: k,
  code,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('keyboard guard', () => {
  it('blocks zoom and reload combinations', () => {
    const prod = { devTools: false };
    for (const input of [
      key('+', { control: true }),
      key('=', { control: true }, 'Equal'),
      key('-', { control: true }, 'Minus'),
      key('0', { control: true }, 'Digit0'),
      key('+', { meta: true }),
      key('Add', { control: true }, 'NumpadAdd'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('F5'),
    ])
      expect(isBlockedShortcut(input, prod), JSON.stringify(input)).toBe(true);
  });

  it('blocks DevTools shortcuts unless the dev flag is on', () => {
    const combos = [
      key('F12'),
      key('I', { control: true, shift: true }),
      key('j', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
    ];
    for (const c of combos) {
      expect(isBlockedShortcut(c, { devTools: false })).toBe(true);
      expect(isBlockedShortcut(c, { devTools: true })).toBe(false);
    }
  });

  it('lets typing through', () => {
    for (const input of [
      key('a'),
      key('0'),
      key('-'),
      key('+', { shift: true }),
      key('Backspace'),
      key('r'),
      key('Enter'),
    ])
      expect(isBlockedShortcut(input, { devTools: false })).toBe(false);
    expect(isBlockedShortcut({ ...key('+', { control: true }), type: 'keyUp' }, { devTools: false })).toBe(
      false,
    );
  });

  it('prevents blocked input on the page', () => {
    const wc = new BrowserWindow().webContents;
    guardShortcuts(wc, { devTools: false });
    const fake = fakeOf<FakeWebContents>(wc);
    expect(fake.fire('before-input-event', {}, key('+', { control: true })).defaultPrevented).toBe(true);
    expect(fake.fire('before-input-event', {}, key('a')).defaultPrevented).toBe(false);
  });
});
