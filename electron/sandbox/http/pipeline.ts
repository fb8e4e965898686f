import type { IncomingMessage } from 'node:http';
import { exchangeOf, type Exchange, type Front, type Stage, type Verdict } from './exchange';
import { auth } from './stages/auth';
import { jsonBody, receive } from './stages/body';
import { answeredFaults, linkFaults } from './stages/faults';
import { handler } from './stages/handler';
import { idempotency } from './stages/idempotency';
import { record, type Outgoing } from './stages/record';
import { route } from './stages/route';
import { storage } from './stages/storage';

/**
 * The sandbox's HTTP front, in the order eHealth's gateway and eHealth itself meet a request:
 * faults on the link (outage: dropped unread) → the body received → faults that answer in eHealth's
 * place (captive portal, injected 429/503/500) → an upload to the document storage answered there →
 * the body read as eHealth does (413, 415, 400) →
 * the route (404, 405) → its access (api-key, token, scope, capacity) → idempotency (422, 409,
 * replay) → the handler (latency, commit, drops) → record (the answer on the wire, the traffic file).
 * Each stage passes the exchange on or decides its fate; the first decision wins.
 */
export const STAGES: readonly Stage[] = [
  linkFaults,
  receive,
  answeredFaults,
  storage,
  jsonBody,
  route,
  auth,
  idempotency,
  handler,
];

/** Runs the stages until one decides. */
export async function decide(x: Exchange, front: Front, stages: readonly Stage[] = STAGES): Promise<Verdict> {
  for (const stage of stages) {
    const verdict = await stage(x, front);
    if (verdict) return verdict;
  }
  return undefined;
}

/** One request through the front: the stages' verdict, then the record stage puts it on the wire. */
export async function runFront(req: IncomingMessage, front: Front, out: Outgoing): Promise<void> {
  const x = exchangeOf(req, req, front.state.baseUrl);
  record(x, await decide(x, front), out, front);
}
