/**
 * The browser host's WebSocket carries the same contract as Electron IPC. These are its messages:
 * the page sends `call`s; the host answers each with a `result` (same id) and pushes `event`s.
 * Everything arriving from the other side is parsed against these schemas before use.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors';

/**
 * Path of the WebSocket endpoint; the per-launch token travels as `?token=`. The page's first
 * connection may instead bring the one-time launch code (`?code=`, from the URL the host printed or
 * gave Chromium): the host accepts it once and answers with a `session` message carrying the token,
 * so the token itself never appears on a command line or on stdout.
 */
export const BRIDGE_PATH = '/bridge';
export const BRIDGE_TOKEN_PARAM = 'token';
export const BRIDGE_CODE_PARAM = 'code';
/** A random id per page load (`?page=`): the host tells a reconnecting page from a new one. */
export const BRIDGE_PAGE_PARAM = 'page';
/** Larger messages are refused by the host (the contract has no bulk uploads). */
export const BRIDGE_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export const BridgeCall = z
  .object({
    type: z.literal('call'),
    id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    channel: z.string().max(128),
    payload: z.unknown(),
  })
  .strict();
export type BridgeCall = z.infer<typeof BridgeCall>;

export const WireResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
]);

export const BridgeServerMessage = z.discriminatedUnion('type', [
  /** `id` is null when the call was too malformed to carry one. */
  z.object({ type: z.literal('result'), id: z.number().int().nullable(), result: WireResult }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  /** The first message on a connection opened with the launch code: the token for every later one. */
  z.object({ type: z.literal('session'), token: z.string().min(1).max(256) }),
]);
export type BridgeServerMessage = z.infer<typeof BridgeServerMessage>;
