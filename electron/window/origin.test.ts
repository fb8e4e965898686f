import { describe, expect, it } from 'vitest';
import { isKioskOrigin, isKioskUrl, KIOSK_ORIGIN, originOf } from './origin';

describe('originOf', () => {
  it.each([
    ['app://kiosk/index.html', 'app://kiosk'],
    ['app://kiosk/assets/a.js?x=1#y', 'app://kiosk'],
    ['app://kiosk.evil/index.html', 'app://kiosk.evil'],
    ['app://kiosk:8080/', 'app://kiosk:8080'],
    ['app://evil/', 'app://evil'],
    ['http://127.0.0.1:5173/x', 'http://127.0.0.1:5173'],
    ['https://example.org/a', 'https://example.org'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'file:///etc/passwd',
    'data:text/html,hi',
    'about:blank',
    'javascript:alert(1)',
    'app://kiosk@evil/',
    'app://user:pass@kiosk/',
    'app:///index.html',
    'not a url',
    '',
  ])('%s has no usable origin', (url) => {
    expect(originOf(url)).toBeNull();
  });
});

describe('kiosk origin', () => {
  it('accepts only app://kiosk itself', () => {
    expect(isKioskOrigin(KIOSK_ORIGIN)).toBe(true);
    for (const o of ['app://kiosk.evil', 'app://kiosk:1', 'app://KIOSK ', 'http://kiosk', 'null', ''])
      expect(isKioskOrigin(o)).toBe(false);
    expect(isKioskUrl('app://kiosk/')).toBe(true);
    expect(isKioskUrl('app://kiosk.evil/')).toBe(false);
    expect(isKioskUrl('app://kiosk@evil/')).toBe(false);
  });
});
