import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, ipcChannel, ipcEvent, type KioskBridge } from '#shared/contract';
import { contextBridge, ipcRenderer } from '../test/mocks/electron';

vi.mock('electron', () => import('../test/mocks/electron'));

let bridge: KioskBridge;
beforeAll(async () => {
  await import('./preload');
  bridge = contextBridge.exposed.get('kiosk') as KioskBridge;
});

describe('preload bridge', () => {
  it('exposes only window.kiosk = { api, events }', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'events']);
  });

  it('has exactly one function per contract channel and one subscribe function per event', () => {
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(bridge.events).sort()).toEqual([...EVENT_NAMES].sort());
    for (const f of [...Object.values(bridge.api), ...Object.values(bridge.events)])
      expect(f).toBeTypeOf('function');
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer', 'process', 'env'])
      expect(Object.keys({ ...bridge, ...bridge.api, ...bridge.events })).not.toContain(generic);
  });

  it('each channel function invokes only its own channel, with the request as given', async () => {
    for (const name of CHANNEL_NAMES) {
      ipcRenderer.invocations.length = 0;
      const request = { probe: name };
      const call = bridge.api[name] as (r: unknown) => Promise<unknown>;
      await expect(call(request)).resolves.toEqual({ ok: true, value: { channel: ipcChannel(name) } });
      expect(ipcRenderer.invocations).toEqual([{ channel: ipcChannel(name), args: [request] }]);
    }
  });

  it('turns a failed invoke into an error value', async () => {
    ipcRenderer.reply = () => Promise.reject(new Error('frame gone'));
    const call = bridge.api[CHANNEL_NAMES[0] as never] as (r: unknown) => Promise<unknown>;
    await expect(call({})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('each event subscription listens on its own channel, passes only the payload and unsubscribes', () => {
    for (const name of EVENT_NAMES) {
      const got: unknown[] = [];
      const subscribe = bridge.events[name] as (l: (p: unknown) => void) => () => void;
      const off = subscribe((...args: unknown[]) => got.push(args));
      expect(ipcRenderer.listeners.get(ipcEvent(name))?.size).toBe(1);
      ipcRenderer.deliver(ipcEvent(name), { some: 'payload' });
      expect(got).toEqual([[{ some: 'payload' }]]);
      off();
      expect(ipcRenderer.listeners.get(ipcEvent(name))?.size).toBe(0);
      ipcRenderer.deliver(ipcEvent(name), { late: true });
      expect(got).toHaveLength(1);
    }
  });

  it('ignores a subscription without a function', () => {
    const subscribe = bridge.events[EVENT_NAMES[0] as never] as (l: unknown) => () => void;
    const before = ipcRenderer.listeners.get(ipcEvent(EVENT_NAMES[0] as never))?.size ?? 0;
    expect(subscribe('not a function')).toBeTypeOf('function');
    expect(ipcRenderer.listeners.get(ipcEvent(EVENT_NAMES[0] as never))?.size ?? 0).toBe(before);
  });
});
