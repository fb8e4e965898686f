import type { Exchange, Front, Verdict } from '../exchange';
import { queryObject } from '../recorder';

/** The connection a verdict goes out on. */
export interface Outgoing {
  send(status: number, headers: Record<string, string>, body: Buffer | Uint8Array | null): void;
  /** kills the connection: no answer at all */
  drop(): void;
}

/**
 * Puts the verdict on the wire. The sandbox's answers carry X-Request-ID, a Date on the sandbox
 * clock (eHealth's time: the kiosk measures its clock offset from it), their content type and
 * length; eHealth's exchanges go to the traffic recorder. A foreign page goes out as it is.
 */
export function record(x: Exchange, verdict: Verdict, out: Outgoing, { state, recorder }: Front): void {
  if (!verdict) throw new Error('no stage answered the request');
  if ('drop' in verdict) return out.drop();
  if ('foreign' in verdict)
    return out.send(verdict.foreign.status, verdict.foreign.headers, verdict.foreign.body);
  const r = verdict.reply;
  const headers: Record<string, string> = {
    ...r.headers,
    'x-request-id': x.requestId,
    date: state.now().toUTCString(),
  };
  if (r.contentType) headers['content-type'] = r.contentType;
  const payload = r.bytes ?? (r.body !== null ? Buffer.from(r.body, 'utf8') : null);
  if (payload) headers['content-length'] = String(payload.length);
  out.send(r.status, headers, payload);
  if (recorder && x.kind === 'ehealth') {
    recorder.write({
      method: x.method,
      path: x.url.pathname,
      query: queryObject(x.url.searchParams),
      status: r.status,
      requestJson: x.requestJson,
      responseJson: r.bytes ? null : r.body,
    });
  }
}
