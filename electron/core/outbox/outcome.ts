import type { ActionOutcome } from '#shared/contract/declarations';
import type { OperationView } from '#shared/contract/outbox';
import { isErrorCode, type ErrorCode } from '#shared/errors';
import { err, ok, type KioskError, type Result } from '#shared/result';
import type { EhealthFailure } from '../ehealth';
import type { Outbox, Settled } from './outbox';

const QUEUED_STATES = new Set(['captured', 'waiting-network', 'sending']);

export interface WaitOptions {
  /** How long to wait for eHealth's answer before telling the patient "queued, will be delivered". */
  waitMs: number;
  /**
   * Stop waiting as soon as the first attempt failed for lack of network (the operation is then
   * `waiting-network`): there is no point keeping the patient at the screen.
   */
  stopOnNetworkWait?: boolean;
}

/**
 * Waits until the operation settles, the link is seen down, or the time is up — whichever comes
 * first — and returns the operation as it then is, with eHealth's answer when it was delivered
 * in this process.
 */
export function waitForOperation(outbox: Outbox, view: OperationView, opts: WaitOptions): Promise<Settled> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (s: Settled) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    };
    const timer = setTimeout(() => finish({ view: outbox.get(view.id) ?? view }), opts.waitMs);
    const unsubscribe = outbox.subscribe((v) => {
      if (v.id !== view.id) return;
      if (opts.stopOnNetworkWait !== false && v.state === 'waiting-network') finish({ view: v });
    });
    outbox.whenSettled(view.id).then(finish, () => finish({ view: outbox.get(view.id) ?? view }));
    // it may have moved before we subscribed
    const now = outbox.get(view.id);
    if (now && opts.stopOnNetworkWait !== false && now.state === 'waiting-network') finish({ view: now });
  });
}

/** eHealth's refusal of an operation as a kiosk error the patient can read (no personal data). */
export function operationError(
  view: OperationView,
  refine?: (v: OperationView) => ErrorCode | null,
): KioskError {
  const refined = refine?.(view) ?? null;
  const stored = view.error?.code;
  const code: ErrorCode = refined ?? (isErrorCode(stored) ? stored : 'EHEALTH_REJECTED');
  return {
    code,
    message: `the action was not accepted (${view.state}): ${view.error?.message ?? 'no detail'}`,
    details: { referenceCode: view.referenceCode, state: view.state },
  };
}

/** Turns an operation's state after waiting into what the patient is told. */
export function outcomeOf(
  view: OperationView,
  refine?: (v: OperationView) => ErrorCode | null,
): Result<ActionOutcome> {
  if (view.state === 'done' || QUEUED_STATES.has(view.state)) {
    return ok({
      operationId: view.id,
      referenceCode: view.referenceCode,
      state: view.state === 'done' ? 'done' : 'queued',
      at: view.completedAt ?? view.createdAt,
    });
  }
  const e = operationError(view, refine);
  return { ok: false, error: e };
}

/**
 * An eHealth call's failure for the renderer: the code and a short message; eHealth's own error
 * text stays in main (it may quote personal data back).
 */
export function publicFailure(e: EhealthFailure | KioskError): Result<never> {
  const d = (e.details ?? {}) as { status?: unknown; retryable?: unknown };
  return err(e.code, e.message, {
    ...(typeof d.status === 'number' ? { status: d.status } : {}),
    ...(typeof d.retryable === 'boolean' ? { retryable: d.retryable } : {}),
  });
}
