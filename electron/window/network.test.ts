import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from 'electron';
import { electronMock, fakeOf, type FakeSession } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { blockRendererNetwork, isAllowedRendererRequest } from './network';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

describe('renderer network', () => {
  it('allows only the kiosk origin and inline resources', () => {
    const prod = { devTools: false };
    expect(isAllowedRendererRequest('app://kiosk/assets/a.js', prod)).toBe(true);
    expect(isAllowedRendererRequest('data:image/png;base64,AA==', prod)).toBe(true);
    expect(isAllowedRendererRequest('blob:app://kiosk/1234', prod)).toBe(true);
    for (const url of [
      'https://ehealth.example/api',
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1:1/',
      'file:///etc/passwd',
      'app://kiosk.evil/',
      'blob:https://evil/1',
      'devtools://devtools/x',
    ])
      expect(isAllowedRendererRequest(url, prod), url).toBe(false);
    expect(isAllowedRendererRequest('devtools://devtools/x', { devTools: true })).toBe(true);
  });

  it('cancels everything else before it leaves', () => {
    const ses = fakeOf<FakeSession>(session.fromPartition('kiosk-n'));
    blockRendererNetwork(fakeOf(ses), silentLogger(), { devTools: false });
    expect(ses.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
    const decide = (url: string) => {
      const cb = vi.fn();
      ses.beforeRequest?.listener({ url }, cb);
      return cb.mock.calls[0]?.[0];
    };
    expect(decide('https://example.org/')).toEqual({ cancel: true });
    expect(decide('app://kiosk/index.html')).toEqual({ cancel: false });
  });
});
