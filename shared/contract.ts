/**
 * The whole renderer ↔ main contract. Every channel has a zod request and response schema; main
 * parses every request and every response; the preload exposes exactly one function per channel.
 * Add a channel: declare it in shared/contract/<domain>.ts, spread it into `channels` below, add its
 * handler in electron/ipc/handlers/<domain>.ts (the type checker insists), and its messages in
 * renderer/src/i18n.
 */
import { z } from 'zod';
import { actingChannels } from './contract/acting';
import { appChannels, Connectivity, ConnectivityCause } from './contract/app';
import { appsChannels } from './contract/apps';
import { declarationsChannels } from './contract/declarations';
import { documentsChannels } from './contract/documents';
import { doctorsChannels, doctorsEvents } from './contract/doctors';
import { receiptsChannels } from './contract/receipts';
import { outboxChannels, outboxEvents } from './contract/outbox';
import { personChannels } from './contract/person';
import { registrarChannels, registrarEvents } from './contract/registrar';
import { sessionChannels, sessionEvents } from './contract/session';
import { signinChannels, signinEvents } from './contract/signin';
import type { Result } from './result';

export const channels = {
  ...appChannels,
  ...sessionChannels,
  ...outboxChannels,
  ...personChannels,
  ...documentsChannels,
  ...doctorsChannels,
  ...declarationsChannels,
  ...appsChannels,
  ...receiptsChannels,
  ...signinChannels,
  ...actingChannels,
  ...registrarChannels,
} as const;

export const events = {
  ...sessionEvents,
  /** `cause` says why the link is not online (null when online or unknown). */
  connectivityChanged: z.object({ state: Connectivity, cause: ConnectivityCause.nullable().optional() }),
  ...outboxEvents,
  ...doctorsEvents,
  ...signinEvents,
  ...registrarEvents,
} as const;

export type ChannelName = keyof typeof channels;
export type EventName = keyof typeof events;

export type ChannelRequest<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequest<C extends ChannelName> = z.output<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<(typeof channels)[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The IPC channel string for a contract channel (Electron ipcMain/ipcRenderer, WebSocket bridge). */
export const ipcChannel = (name: ChannelName): string => `kiosk:${name}`;
export const ipcEvent = (name: EventName): string => `kiosk-event:${name}`;

export type KioskApi = {
  [C in ChannelName]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;
};

export type KioskEvents = {
  [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** What the preload exposes as `window.kiosk`, and what the WebSocket bridge imitates. */
export interface KioskBridge {
  api: KioskApi;
  events: KioskEvents;
}
