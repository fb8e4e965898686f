/**
 * Window and page resilience of the Electron kiosk (mocked `electron`): a close is refused while the
 * kiosk runs, a crashed or hung page ends the patient session (every cleanup: signer, tokens), is
 * audited, and the welcome screen comes back on a fresh window; only the registrar's quit closes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '#shared/contract';
import {
  app as fakeApp,
  BrowserWindow as FakeWindow,
  electronMock,
  ipcMain,
} from '../../test/mocks/electron';
import { silentLogger } from '../core/log';
import { startKioskApp, type RunningKiosk } from './kiosk-app';

vi.mock('electron', () => import('../../test/mocks/electron'));

let dataDir: string;
let running: RunningKiosk | null = null;
beforeEach(() => {
  electronMock.reset();
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-recovery-'));
});
afterEach(async () => {
  await running?.stop();
  running = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<RunningKiosk> {
  const kiosk = await startKioskApp({
    args: { devTools: false, training: false, dataDir },
    log: silentLogger(),
    rendererDir: '/nowhere',
    preloadPath: '/p/preload.cjs',
    startSandbox: null,
  });
  if (!kiosk) throw new Error('kiosk did not start');
  running = kiosk;
  return kiosk;
}

const call = (channel: string, payload: unknown) =>
  ipcMain.handlers.get(ipcChannel(channel as never))?.(
    { senderFrame: { url: 'app://kiosk/index.html', parent: null } },
    payload,
  );

const window = () => FakeWindow.getAllWindows()[0] as FakeWindow;
const audited = (k: RunningKiosk) => k.services.audit.list(20).map((e) => [e.action, e.detail]);

describe('Electron page recovery', () => {
  for (const [event, cause, fire] of [
    [
      'render-process-gone',
      'render-process-gone',
      (w: FakeWindow) => w.webContents.fire('render-process-gone', {}, { reason: 'crashed' }),
    ],
    ['unresponsive', 'renderer-unresponsive', (w: FakeWindow) => w.fire('unresponsive')],
  ] as const) {
    it(`${event}: the patient session ends with every cleanup, it is audited, a fresh welcome page replaces it`, async () => {
      const k = await start();
      const crashed = window();
      const session = k.services.session.start();
      const cleaned: string[] = [];
      k.services.session.onEnd((s, reason) => void cleaned.push(`${s.id}:${reason}`));
      fire(crashed);
      await vi.waitFor(() => expect(crashed.isDestroyed()).toBe(true));
      expect(k.services.session.active).toBeNull();
      expect(cleaned).toEqual([`${session.id}:error`]);
      expect(k.services.patient.current()).toBeNull();
      const fresh = FakeWindow.getAllWindows();
      expect(fresh).toHaveLength(1);
      expect(fresh[0]).not.toBe(crashed);
      expect(fresh[0]?.webContents.loaded).toEqual(['app://kiosk/index.html']);
      expect(audited(k)).toEqual(
        expect.arrayContaining([
          ['kiosk.page-lost', expect.stringContaining(`"cause":"${cause}"`)],
          ['session.end', JSON.stringify({ reason: 'error', cause })],
        ]),
      );
    });
  }

  it('a crashed page with nobody signed in is still replaced and audited', async () => {
    const k = await start();
    const crashed = window();
    crashed.webContents.fire('render-process-gone', {}, { reason: 'oom' });
    await vi.waitFor(() => expect(crashed.isDestroyed()).toBe(true));
    expect(FakeWindow.getAllWindows()).toHaveLength(1);
    expect(audited(k)[0]).toEqual([
      'kiosk.page-lost',
      JSON.stringify({ cause: 'render-process-gone', detail: 'oom' }),
    ]);
  });

  it('a close is refused while the kiosk runs; the registrar’s quit closes it', async () => {
    const k = await start();
    expect(window().fire('close').defaultPrevented).toBe(true);
    expect(FakeWindow.getAllWindows()).toHaveLength(1);
    // nobody in the panel: refused
    await expect(call('registrarQuit', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'REGISTRAR_REQUIRED' },
    });
    const { code } = await k.services.registrar.accounts.enrollment.issue();
    await expect(
      call('registrarSetFirstPin', { registrarId: 'R-01', pin: '482915', enrollmentCode: code }),
    ).resolves.toMatchObject({ ok: true, value: { mode: 'panel' } });
    await expect(call('registrarOverview', {})).resolves.toMatchObject({
      ok: true,
      value: { canQuit: true },
    });
    await expect(call('registrarQuit', {})).resolves.toEqual({ ok: true, value: { quitting: true } });
    await vi.waitFor(() => expect(fakeApp.quitCalls).toBe(1));
    expect(k.services.audit.list(1)[0]).toMatchObject({ actor: 'registrar:R-01', action: 'registrar.quit' });
    // the app quitting: now the window may close
    const w = window();
    fakeApp.fire('before-quit');
    expect(w.fire('close').defaultPrevented).toBe(false);
    await vi.waitFor(() => expect(fakeApp.quitCalls).toBe(2));
    running = null;
  });
});
