import { beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { BrowserWindow as FakeWindow, electronMock, fakeOf } from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { guardKioskWindow, type PageLostCause } from './page-guard';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

function guarded(kiosk = true) {
  const window = new FakeWindow({ kiosk });
  const state = { quitting: false };
  const lost: [PageLostCause, string | null][] = [];
  guardKioskWindow(fakeOf<BrowserWindow>(window), {
    quitting: () => state.quitting,
    onPageLost: (cause, detail) => lost.push([cause, detail]),
    log: silentLogger(),
  });
  return { window, state, lost };
}

describe('kiosk window guard', () => {
  it('refuses a close in kiosk mode, unless the app quits or the OS ends its session', () => {
    const g = guarded();
    expect(g.window.fire('close').defaultPrevented).toBe(true);
    g.state.quitting = true;
    expect(g.window.fire('close').defaultPrevented).toBe(false);
    const os = guarded();
    os.window.fire('session-end');
    expect(os.window.fire('close').defaultPrevented).toBe(false);
    // a window outside kiosk mode (development) may close
    expect(guarded(false).window.fire('close').defaultPrevented).toBe(false);
  });

  it('reports a crashed or hung page with its cause', () => {
    const g = guarded();
    g.window.webContents.fire('render-process-gone', {}, { reason: 'oom', exitCode: 133 });
    g.window.fire('unresponsive');
    expect(g.lost).toEqual([
      ['render-process-gone', 'oom'],
      ['renderer-unresponsive', null],
    ]);
  });
});
