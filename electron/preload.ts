/**
 * The bridge into the sandboxed, context-isolated kiosk page: `window.kiosk = { api, events }` with
 * exactly one function per contract channel and one subscribe function per push event, derived from
 * the contract's name lists. Nothing generic: no invoke(channel), no ipcRenderer, no process.env.
 * Imports only `electron` and shared/contract (lint-enforced); bundled as CJS with zod inlined.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  ipcChannel,
  ipcEvent,
  type ChannelName,
  type EventName,
  type KioskApi,
  type KioskBridge,
  type KioskEvents,
} from '#shared/contract';

/** Main never throws across IPC; a rejected invoke means the transport itself failed. */
const transportFailure = {
  ok: false,
  error: { code: 'NOT_AVAILABLE', message: 'the kiosk main process did not answer' },
} as const;

function channelFunction(name: ChannelName) {
  const channel = ipcChannel(name);
  return (request: unknown) => ipcRenderer.invoke(channel, request).catch(() => transportFailure);
}

function eventFunction(name: EventName) {
  const channel = ipcEvent(name);
  return (listener: (payload: unknown) => void) => {
    if (typeof listener !== 'function') return () => undefined;
    // The page gets the payload only — never the IpcRendererEvent (it carries `sender`).
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  };
}

export function buildBridge(): KioskBridge {
  const api = Object.fromEntries(CHANNEL_NAMES.map((n) => [n, channelFunction(n)])) as unknown as KioskApi;
  const events = Object.fromEntries(EVENT_NAMES.map((n) => [n, eventFunction(n)])) as unknown as KioskEvents;
  return { api, events };
}

contextBridge.exposeInMainWorld('kiosk', buildBridge());
