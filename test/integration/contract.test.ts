/**
 * The contract under attack: for every channel of shared/contract.ts (channels added later included),
 * malformed payloads and foreign senders are rejected with an error value, nothing throws, and the
 * handler is never reached for a rejected call. Real router, real services (SQLite in memory), the
 * real Electron IPC binding in front of it.
 */
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, channels, ipcChannel, type ChannelName } from '#shared/contract';
import { isErrorCode, type ErrorCode } from '#shared/errors';
import { silentLogger } from '../../electron/core/log';
import { createServices } from '../../electron/core/services';
import { bindIpcMain } from '../../electron/ipc/electron-ipc';
import { createHandlers } from '../../electron/ipc/handlers';
import { createRouter, type Handler, type Handlers } from '../../electron/ipc/router';
import { isKioskOrigin, KIOSK_ORIGIN } from '../../electron/window/origin';
import {
  allPaths,
  objectPaths,
  stringPaths,
  validRequests,
  withExtraKey,
  withValueAt,
} from './contract-samples';

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const services = createServices({ dataDir: ':memory:', log: silentLogger(), version: 'contract-test' });
afterAll(() => services.close());

const reached = new Map<string, number>();
const real = createHandlers(services);
const spied = Object.fromEntries(
  CHANNEL_NAMES.map((name) => {
    const h = real[name] as Handler<ChannelName>;
    return [name, (req: never, ctx: never) => (reached.set(name, (reached.get(name) ?? 0) + 1), h(req, ctx))];
  }),
) as unknown as Handlers;
const dispatch = createRouter({ handlers: spied, isAllowedOrigin: isKioskOrigin, log: silentLogger() });

// The Electron transport in front of the router, with a stand-in for ipcMain's registry.
const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
bindIpcMain(
  {
    handle: (channel: string, fn: (event: never, payload: unknown) => Promise<unknown>) =>
      void ipcHandlers.set(channel, fn as never),
    removeHandler: (channel: string) => void ipcHandlers.delete(channel),
  } as never,
  dispatch,
);
const viaIpc = (channel: ChannelName, payload: unknown, frame: { url: string; parent: unknown } | null) =>
  (ipcHandlers.get(ipcChannel(channel)) as (e: unknown, p: unknown) => Promise<unknown>)(
    { senderFrame: frame },
    payload,
  );
const kioskFrame = { url: 'app://kiosk/index.html', parent: null };

beforeEach(() => reached.clear());

const ResultShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z
    .object({
      ok: z.literal(false),
      error: z
        .object({
          code: z.string().refine(isErrorCode),
          message: z.string().min(1),
          details: z.record(z.string(), z.unknown()).optional(),
        })
        .strict(),
    })
    .strict(),
]);

function expectRejected(result: unknown, code: ErrorCode, channel: string): void {
  expect(ResultShape.safeParse(result).success, 'a Result envelope').toBe(true);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(reached.get(channel) ?? 0, `handler of ${channel} reached`).toBe(0);
}

const NUM_RUNS = 60;
const HUGE = 'я'.repeat(1 << 20);
const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
];
const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, 2 ** 53, '', 'x', true, false, [], [1], {}, { a: 1 }];

/** Values a renderer could send: anything JSON, plus what Electron's structured clone carries. */
const anyPayload = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    undefined,
    NaN,
    Infinity,
    -0,
    new Date(0),
    new Uint8Array([1, 2]),
    new Map([[1, 2]]),
    new Set([1]),
    10n,
  ),
  fc.dictionary(fc.constantFrom(...POLLUTION_KEYS, 'a', 'b'), fc.jsonValue(), { maxKeys: 4 }),
  fc.jsonValue().map((v) => JSON.parse(`{"__proto__": ${JSON.stringify(v) ?? 'null'}}`) as unknown),
);

type TopSchema = { type?: string; additionalProperties?: unknown; anyOf?: TopSchema[]; oneOf?: TopSchema[] };
/** An object that refuses unknown keys, or a union of such objects. */
const isStrictObject = (s: TopSchema): boolean => {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return branches.length > 0 && branches.every(isStrictObject);
  return s.type === 'object' && s.additionalProperties === false;
};

describe('contract rules every channel obeys', () => {
  it.each(CHANNEL_NAMES)('%s: the request is a strict object (unknown keys are an error)', (name) => {
    const json = z.toJSONSchema(channels[name].request, { io: 'input', unrepresentable: 'any' }) as TopSchema;
    expect(isStrictObject(json), JSON.stringify(json).slice(0, 300)).toBe(true);
  });

  it('the strictness rule itself tells strict from loose', () => {
    const strict = z.object({ a: z.string() }).strict();
    const loose = z.object({ a: z.string() });
    const schema = (t: z.ZodType) => z.toJSONSchema(t, { io: 'input' }) as TopSchema;
    expect(isStrictObject(schema(strict))).toBe(true);
    expect(isStrictObject(schema(strict.or(z.object({ b: z.number() }).strict())))).toBe(true);
    expect(isStrictObject(schema(loose))).toBe(false);
    expect(isStrictObject(schema(strict.or(loose)))).toBe(false);
    expect(isStrictObject(schema(z.string()))).toBe(false);
  });
});

describe.each(CHANNEL_NAMES)('channel %s', (name) => {
  const schema = channels[name].request;
  const samples = validRequests(schema);
  const valid = samples.valid;
  if (!valid) console.warn(`contract test: ${name}: mutation properties skipped — ${samples.reason}`);

  it('rejects random payloads the schema rejects, never reaching the handler', async () => {
    await fc.assert(
      fc.asyncProperty(anyPayload, async (payload) => {
        reached.clear();
        if (schema.safeParse(payload).success) return; // a valid request is not this test's business
        expectRejected(await viaIpc(name, payload, kioskFrame), 'BAD_REQUEST', name);
        expectRejected(await dispatch(name, payload, { origin: KIOSK_ORIGIN }), 'BAD_REQUEST', name);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('rejects anything that is not an object', async () => {
    for (const payload of [undefined, null, 0, 'x', true, [], [{}], HUGE]) {
      reached.clear();
      expectRejected(await viaIpc(name, payload, kioskFrame), 'BAD_REQUEST', name);
    }
  });

  it.runIf(valid)(
    'rejects extra and prototype-pollution keys, at the top and in nested objects',
    async () => {
      const key = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ minLength: 1, maxLength: 20 }));
      await fc.assert(
        fc.asyncProperty(
          valid as fc.Arbitrary<unknown>,
          key,
          fc.jsonValue(),
          fc.nat(),
          async (sample, k, v, pick) => {
            const places = objectPaths(sample).filter((p) => {
              let o: unknown = sample;
              for (const seg of p) o = (o as Record<string | number, unknown>)[seg];
              return !Array.isArray(o) && !Object.prototype.hasOwnProperty.call(o, k);
            });
            if (!places.length) return;
            const mutated = withExtraKey(sample, places[pick % places.length] as (string | number)[], k, v);
            if (schema.safeParse(mutated).success) {
              // Only a record-like object (z.record) may legitimately take a new key; never the top level.
              expect(
                places[pick % places.length]?.length,
                `top-level extra key "${k}" accepted`,
              ).toBeGreaterThan(0);
              return;
            }
            reached.clear();
            expectRejected(await viaIpc(name, mutated, kioskFrame), 'BAD_REQUEST', name);
          },
        ),
        { numRuns: NUM_RUNS },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it.runIf(valid)('rejects values of the wrong type wherever the schema does', async () => {
    await fc.assert(
      fc.asyncProperty(
        valid as fc.Arbitrary<unknown>,
        fc.nat(),
        fc.constantFrom(...WRONG_TYPES),
        async (sample, pick, wrong) => {
          const paths = allPaths(sample);
          if (!paths.length) return;
          const mutated = withValueAt(sample, paths[pick % paths.length] as (string | number)[], wrong);
          if (schema.safeParse(mutated).success) return;
          reached.clear();
          expectRejected(await viaIpc(name, mutated, kioskFrame), 'BAD_REQUEST', name);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it.runIf(valid)('rejects a huge string in any string field', async () => {
    await fc.assert(
      fc.asyncProperty(valid as fc.Arbitrary<unknown>, fc.nat(), async (sample, pick) => {
        const paths = stringPaths(sample);
        if (!paths.length) return;
        const mutated = withValueAt(sample, paths[pick % paths.length] as (string | number)[], HUGE);
        reached.clear();
        expectRejected(await viaIpc(name, mutated, kioskFrame), 'BAD_REQUEST', name);
      }),
      { numRuns: 10 },
    );
  });

  it('refuses foreign senders before looking at the payload', async () => {
    const foreign = [
      null,
      { url: 'file:///home/kiosk/index.html', parent: null },
      { url: 'http://evil', parent: null },
      { url: 'https://evil.example/', parent: null },
      { url: 'http://127.0.0.1:5173/', parent: null },
      { url: 'app://kiosk.evil/index.html', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'app://kiosk:444/index.html', parent: null },
      { url: 'app://kiosk@evil/', parent: null },
      { url: 'about:blank', parent: null },
      { url: 'data:text/html,<script></script>', parent: null },
      { url: 'devtools://devtools/bundled/inspector.html', parent: null },
      { url: '', parent: null },
      { url: 'app://kiosk/index.html', parent: { url: 'app://kiosk/index.html' } },
    ];
    const payloads = [undefined, {}, ...(valid ? fc.sample(valid, { numRuns: 3, seed: 1 }) : [])];
    for (const frame of foreign) {
      for (const payload of payloads) {
        reached.clear();
        expectRejected(await viaIpc(name, payload, frame), 'FORBIDDEN_SENDER', name);
      }
    }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.webUrl().map((u) => new URL(u).origin),
        ),
        anyPayload,
        async (origin, payload) => {
          if (origin === KIOSK_ORIGIN) return;
          reached.clear();
          expectRejected(await dispatch(name, payload, { origin }), 'FORBIDDEN_SENDER', name);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    for (const ctx of [undefined, null, {}, { origin: 42 }]) {
      reached.clear();
      expectRejected(await dispatch(name, {}, ctx as never), 'FORBIDDEN_SENDER', name);
    }
  });
});

describe('router as a whole', () => {
  it('answers unknown channels with an error value', async () => {
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'kiosk:appInfo',
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(names, anyPayload, async (channel, payload) => {
        if (Object.prototype.hasOwnProperty.call(channels, channel)) return;
        const r = await dispatch(channel, payload, { origin: KIOSK_ORIGIN });
        expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
        expect([...reached.values()].reduce((a, b) => a + b, 0)).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('reaches the handler for a valid call from the kiosk (the control for every "not reached" above)', async () => {
    const r = await viaIpc('appInfo', {}, kioskFrame);
    expect(r).toMatchObject({ ok: true, value: { version: 'contract-test' } });
    expect(reached.get('appInfo')).toBe(1);
  });

  it('has teeth: a loose, unbounded schema would fail the strictness and huge-string checks', () => {
    const loose = z.object({ q: z.string(), n: z.object({ k: z.string() }) });
    const sample = fc.sample(validRequests(loose).valid as fc.Arbitrary<unknown>, { numRuns: 1, seed: 3 })[0];
    expect(loose.safeParse(withExtraKey(sample, [], 'injected', 1)).success).toBe(true);
    expect(loose.safeParse(withExtraKey(sample, ['n'], '__proto__', { polluted: 1 })).success).toBe(true);
    expect(loose.safeParse(withValueAt(sample, stringPaths(sample)[0] as string[], HUGE)).success).toBe(true);
    const json = z.toJSONSchema(loose, { io: 'input' }) as { additionalProperties?: unknown };
    expect(json.additionalProperties).not.toBe(false);
  });

  it('left Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    const probe: Record<string, unknown> = {};
    for (const k of ['polluted', 'a', 'b', 'isAdmin']) expect(probe[k]).toBeUndefined();
  });
});
