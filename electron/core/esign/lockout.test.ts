import { describe, expect, it } from 'vitest';
import { err, ok } from '#shared/result';
import { openKioskDatabase } from '../db/kiosk-db';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KeyLockout,
  LOCK_MS,
  LOCKOUT_SALT_FILE,
  MAX_WRONG_PASSWORDS,
  loadLockoutSalt,
  withLockout,
} from './lockout';

function setup() {
  let t = new Date('2025-03-01T10:00:00Z').getTime();
  const clock = { advance: (ms: number) => (t += ms) };
  const db = openKioskDatabase(':memory:');
  const lockout = new KeyLockout(db, new Uint8Array(32).fill(7), () => new Date(t));
  return { db, lockout, clock };
}

const wrong = async () => err('KEY_WRONG_PASSWORD', 'wrong password for this key file');

describe('key lockout', () => {
  it('locks a key file for 15 minutes after 5 wrong passwords, with attempts and time left', async () => {
    const { lockout, clock } = setup();
    const fp = lockout.fingerprint(new Uint8Array([1, 2, 3]));
    const left: unknown[] = [];
    for (let i = 0; i < MAX_WRONG_PASSWORDS - 1; i++) {
      const r = await withLockout(lockout, fp, wrong);
      left.push(!r.ok && r.error.details?.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await withLockout(lockout, fp, wrong);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED', details: { secondsLeft: 900 } } });

    // even the right password is refused while locked, and the time left shrinks
    clock.advance(10 * 60 * 1000);
    let tried = false;
    const locked = await withLockout(lockout, fp, async () => {
      tried = true;
      return ok(1);
    });
    expect(tried).toBe(false);
    expect(locked).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED', details: { secondsLeft: 300 } } });

    clock.advance(LOCK_MS);
    expect(await withLockout(lockout, fp, async () => ok(1))).toEqual({ ok: true, value: 1 });
    expect(lockout.check(fp)).toEqual({ ok: true, value: { attemptsLeft: 5 } });
  });

  it('counts per key file and forgets failures after a success', async () => {
    const { lockout } = setup();
    const a = lockout.fingerprint(new Uint8Array([1]));
    const b = lockout.fingerprint(new Uint8Array([2]));
    expect(a).not.toBe(b);
    await withLockout(lockout, a, wrong);
    await withLockout(lockout, a, wrong);
    expect(lockout.check(b)).toEqual({ ok: true, value: { attemptsLeft: 5 } });
    expect(lockout.check(a)).toEqual({ ok: true, value: { attemptsLeft: 3 } });
    await withLockout(lockout, a, async () => ok(true));
    expect(lockout.check(a)).toEqual({ ok: true, value: { attemptsLeft: 5 } });
  });

  it('stores only an HMAC fingerprint of the file, not its path or owner', async () => {
    const { db, lockout } = setup();
    const fp = lockout.fingerprint(new Uint8Array([9]));
    await withLockout(lockout, fp, wrong);
    const rows = db.prepare('SELECT * FROM key_lockouts').all() as { key_fingerprint: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key_fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('lockout salt', () => {
  it('is created once per kiosk, private to the owner, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockout-salt-'));
    try {
      const a = loadLockoutSalt(dir);
      const b = loadLockoutSalt(dir);
      expect(a.length).toBe(32);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      if (process.platform !== 'win32')
        expect(statSync(join(dir, LOCKOUT_SALT_FILE)).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
