/**
 * A stand-in for main in renderer unit tests (there is no main side in jsdom): answers every
 * contract channel, records the calls, and can push events. E2E tests use the real browser host.
 */
import { CHANNEL_NAMES, EVENT_NAMES } from '#shared/contract';
import type {
  ChannelName,
  ChannelRequest,
  ChannelResponse,
  EventName,
  EventPayload,
  KioskApi,
  KioskBridge,
  KioskEvents,
} from '#shared/contract';
import type { AppInfo } from '#shared/contract/app';
import type { Result } from '#shared/result';
import { err, ok } from '#shared/result';
import { setKioskForTests } from '../src/api';

export const TEST_APP_INFO: AppInfo = {
  version: '0.0.0-test',
  environment: 'training',
  trainingMode: true,
  connectivity: 'online',
  defaults: {
    language: 'uk',
    largeText: false,
    highContrast: false,
    idleTimeoutSeconds: 90,
    idleWarningSeconds: 20,
  },
};

type Handler<C extends ChannelName> = (request: ChannelRequest<C>) => Result<ChannelResponse<C>>;
type Handlers = { [C in ChannelName]?: Handler<C> };

export interface FakeKiosk {
  bridge: KioskBridge;
  calls: { channel: ChannelName; request: unknown }[];
  callsTo(channel: ChannelName): unknown[];
  respond<C extends ChannelName>(channel: C, handler: Handler<C>): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function createFakeKiosk(appInfo: AppInfo = TEST_APP_INFO): FakeKiosk {
  const calls: FakeKiosk['calls'] = [];
  const handlers: Handlers = {
    appInfo: () => ok(appInfo),
    sessionEnd: () => ok({ ended: true }),
  };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const call = async (channel: ChannelName, request: unknown): Promise<Result<unknown>> => {
    calls.push({ channel, request });
    const handler = handlers[channel] as ((r: unknown) => Result<unknown>) | undefined;
    return handler ? handler(request) : err('UNKNOWN_CHANNEL', `fake kiosk has no handler for ${channel}`);
  };

  // Built from the channel list so a channel added to the contract never breaks these tests; the
  // casts only restate the contract's own types for this generic table.
  const api = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => call(channel, request)]),
  ) as unknown as KioskApi;
  const events = Object.fromEntries(
    EVENT_NAMES.map((event) => [
      event,
      (listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    ]),
  ) as unknown as KioskEvents;

  return {
    bridge: { api, events },
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.request),
    respond: (channel, handler) => {
      (handlers as Record<string, unknown>)[channel] = handler;
    },
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

/** Installs a fresh fake as the renderer's bridge (undone after each test by setup.ts). */
export function installFakeKiosk(appInfo?: AppInfo): FakeKiosk {
  const fake = createFakeKiosk(appInfo);
  setKioskForTests(fake.bridge);
  return fake;
}
