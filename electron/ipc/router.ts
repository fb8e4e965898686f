import { channels, type ChannelName, type ChannelResponse, type ParsedRequest } from '#shared/contract';
import { err, type Result } from '#shared/result';
import type { Logger } from '../core/log';

export interface CallContext {
  /** Origin of the calling frame, already parsed by the transport (e.g. "app://kiosk"). */
  origin: string;
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequest<C>,
  ctx: CallContext,
) => Promise<Result<ChannelResponse<C>>> | Result<ChannelResponse<C>>;

/** Every channel of the contract must have a handler: the type checker enforces completeness. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface RouterOptions {
  handlers: Handlers;
  /** Decides whether a frame's origin may call the kiosk API at all. */
  isAllowedOrigin: (origin: string) => boolean;
  log: Logger;
  /** Called before every accepted call (the session's activity clock). */
  onCall?: (channel: ChannelName) => void;
}

export type Dispatch = (channel: string, payload: unknown, ctx: CallContext) => Promise<Result<unknown>>;

const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(channels, name);

/**
 * sender origin → channel lookup → request schema → handler → response schema → Result.
 * Never throws: every failure becomes an error value, and nothing of the payload is logged.
 */
export function createRouter(opts: RouterOptions): Dispatch {
  return async (channel, payload, ctx) => {
    try {
      if (typeof ctx?.origin !== 'string' || !opts.isAllowedOrigin(ctx.origin)) {
        opts.log.warn({ channel: String(channel).slice(0, 64) }, 'ipc call from a foreign origin refused');
        return err('FORBIDDEN_SENDER', 'caller origin is not the kiosk');
      }
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return err('UNKNOWN_CHANNEL', 'no such channel');
      }
      const def = channels[channel];
      const parsed = def.request.safeParse(payload);
      if (!parsed.success) {
        return err('BAD_REQUEST', 'request does not match the contract', {
          issues: parsed.error.issues
            .slice(0, 5)
            .map((i) => ({ path: i.path.map(String).join('.'), code: i.code })),
        });
      }
      opts.onCall?.(channel);
      const handler = opts.handlers[channel] as Handler<typeof channel>;
      const result = await handler(parsed.data as never, ctx);
      if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
        opts.log.error({ channel }, 'handler returned something that is not a Result');
        return err('INTERNAL', 'internal error');
      }
      if (!result.ok) return result;
      const checked = def.response.safeParse(result.value);
      if (!checked.success) {
        opts.log.error(
          { channel, issues: checked.error.issues.length },
          'handler response does not match the contract',
        );
        return err('INTERNAL', 'internal error');
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      opts.log.error(
        { channel: typeof channel === 'string' ? channel.slice(0, 64) : null, err: e },
        'ipc handler threw',
      );
      return err('INTERNAL', 'internal error');
    }
  };
}
