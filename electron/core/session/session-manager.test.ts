import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SessionEndReason } from '#shared/contract/session';
import { SecretBox } from '../crypto/secret-box';
import { openKioskDatabase } from '../db/kiosk-db';
import { EventBus } from '../events';
import type { Timers } from '../kiosk/timers';
import { AuditLog } from '../kiosk/audit';
import { SessionManager } from './session-manager';

const MIN = 60_000;

/** A virtual clock and the timers that follow it: `advance` fires what falls due, in order. */
function virtualTime(start = Date.parse('2026-04-06T08:00:00.000Z')) {
  let t = start;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { at: t + ms, fn });
      return next++;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  const advance = (ms: number) => {
    const until = t + ms;
    for (;;) {
      const due = [...pending.entries()]
        .filter(([, p]) => p.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      t = due[1].at;
      due[1].fn();
    }
    t = until;
  };
  return { now: () => new Date(t), timers, advance, pending: () => pending.size };
}

function setup(backstopMs = 12 * MIN) {
  const time = virtualTime();
  const db = openKioskDatabase(':memory:');
  const audit = new AuditLog(db, new SecretBox(randomBytes(32)), time.now);
  const events = new EventBus();
  const ended: SessionEndReason[] = [];
  events.on('sessionEnded', ({ reason }) => ended.push(reason));
  const sessions = new SessionManager(events, time.now, {
    audit,
    timers: time.timers,
    backstopMs: () => backstopMs,
  });
  const cleaned: string[] = [];
  sessions.onEnd((s, reason) => void cleaned.push(`${s.id}:${reason}`));
  return { time, audit, sessions, ended, cleaned };
}

describe('a patient session’s life (one owner)', () => {
  it('activity keeps it for hours: a patient thinking twelve minutes over a form is never cut off', async () => {
    const k = setup();
    const s = k.sessions.start();
    for (let minute = 0; minute < 3 * 60; minute += 11) {
      k.time.advance(11 * MIN); // eleven quiet minutes, then a touch on the on-screen keyboard
      k.sessions.touch();
      await Promise.resolve();
    }
    expect(k.sessions.active?.id).toBe(s.id);
    expect(k.ended).toEqual([]);
  });

  it('a silent renderer ends it after the backstop, with every cleanup run and the cause audited', async () => {
    const k = setup();
    const s = k.sessions.start();
    k.time.advance(5 * MIN);
    k.sessions.touch();
    k.time.advance(12 * MIN - 1);
    expect(k.sessions.active).not.toBeNull();
    k.time.advance(1);
    await new Promise((r) => setImmediate(r));
    expect(k.sessions.active).toBeNull();
    expect(k.ended).toEqual(['idle']);
    expect(k.cleaned).toEqual([`${s.id}:idle`]);
    expect(k.audit.list(1)[0]).toMatchObject({
      action: 'session.end',
      subject: s.id,
      detail: JSON.stringify({ reason: 'idle', cause: 'renderer-silent' }),
    });
    // nothing left scheduled once it ended
    expect(k.time.pending()).toBe(0);
  });

  it('every end is audited once, whoever asked for it, and a later session gets its own backstop', async () => {
    const k = setup();
    const first = k.sessions.start();
    expect(await k.sessions.end('finish')).toBe(true);
    expect(await k.sessions.end('finish')).toBe(false);
    const second = k.sessions.start();
    expect(await k.sessions.end('error', 'signer-crashed')).toBe(true);
    expect(
      k.audit
        .list(10)
        .reverse()
        .map((e) => [e.subject, e.detail]),
    ).toEqual([
      [first.id, JSON.stringify({ reason: 'finish' })],
      [second.id, JSON.stringify({ reason: 'error', cause: 'signer-crashed' })],
    ]);
    expect(k.time.pending()).toBe(0);
  });
});
