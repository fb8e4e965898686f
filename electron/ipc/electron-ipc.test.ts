import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, ipcMain } from 'electron';
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '#shared/contract';
import {
  electronMock,
  fakeOf,
  ipcMain as fakeIpcMain,
  type FakeWebContents,
} from '../../test/mocks/electron';
import { EventBus } from '../core/events';
import { silentLogger } from '../core/log';
import { bindIpcMain, forwardEvents, senderOrigin } from './electron-ipc';
import type { Dispatch } from './router';

vi.mock('electron', () => import('../../test/mocks/electron'));

beforeEach(() => electronMock.reset());

const frame = (url: string, parent: unknown = null) => ({ senderFrame: fakeOf<never>({ url, parent }) });

describe('sender origin', () => {
  it('is the parsed origin of the top frame', () => {
    expect(senderOrigin(frame('app://kiosk/index.html'))).toBe('app://kiosk');
    expect(senderOrigin(frame('app://kiosk.evil/index.html'))).toBe('app://kiosk.evil');
    expect(senderOrigin(frame('http://evil/'))).toBe('http://evil');
  });
  it('is empty for sub-frames, missing or destroyed frames and origin-less URLs', () => {
    expect(senderOrigin(frame('app://kiosk/index.html', { url: 'app://kiosk/' }))).toBe('');
    expect(senderOrigin({ senderFrame: null })).toBe('');
    const destroyed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderOrigin(destroyed)).toBe('');
    expect(senderOrigin(frame('file:///index.html'))).toBe('');
    expect(senderOrigin(frame('about:blank'))).toBe('');
  });
});

describe('ipcMain binding', () => {
  it('registers exactly one handler per contract channel, routing with the sender origin', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 1 }));
    const unbind = bindIpcMain(ipcMain, dispatch);
    expect([...fakeIpcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    for (const name of CHANNEL_NAMES) {
      const handler = fakeIpcMain.handlers.get(ipcChannel(name));
      await handler?.(frame('app://kiosk/index.html'), { x: 1 }, 'ignored extra argument');
      expect(dispatch).toHaveBeenLastCalledWith(name, { x: 1 }, { origin: 'app://kiosk' });
    }
    await fakeIpcMain.handlers.get(ipcChannel(CHANNEL_NAMES[0] as never))?.(frame('https://evil/'), {});
    expect(dispatch).toHaveBeenLastCalledWith(CHANNEL_NAMES[0], {}, { origin: 'https://evil' });
    unbind();
    expect(fakeIpcMain.handlers.size).toBe(0);
  });
});

describe('push events', () => {
  it('reach only live pages that show the kiosk UI', async () => {
    const bus = new EventBus();
    const kiosk = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    await kiosk.loadURL('app://kiosk/index.html');
    const foreign = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    await foreign.loadURL('https://evil.example/');
    const gone = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    await gone.loadURL('app://kiosk/index.html');
    gone.destroyed = true;
    const log = silentLogger();
    const stop = forwardEvents(bus, () => fakeOf([kiosk, foreign, gone]), log);
    bus.emit('sessionEnded', { reason: 'idle' });
    expect(kiosk.sent).toEqual([{ channel: ipcEvent('sessionEnded'), args: [{ reason: 'idle' }] }]);
    expect(foreign.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
    stop();
    bus.emit('sessionEnded', { reason: 'finish' });
    expect(kiosk.sent).toHaveLength(1);
  });

  it('log a failed delivery instead of throwing', async () => {
    const bus = new EventBus();
    const wc = fakeOf<FakeWebContents>(new BrowserWindow().webContents);
    await wc.loadURL('app://kiosk/index.html');
    wc.send = () => {
      throw new Error('gone');
    };
    const log = silentLogger();
    const error = vi.spyOn(log, 'error');
    forwardEvents(bus, () => fakeOf([wc]), log);
    expect(() => bus.emit('sessionEnded', { reason: 'idle' })).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
  });
});
