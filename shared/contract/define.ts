import type { z } from 'zod';

/** One IPC channel: what the renderer may send and what main answers (inside a Result envelope). */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export const defineChannel = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelDef<Req, Res> => ({ request, response });
