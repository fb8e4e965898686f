import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskDatabase } from '../core/db/kiosk-db';
import { outboxRig, TOKENS } from '../core/outbox/test-support.test-support';
import { outboxGroup } from './outbox';

const HOUR = 3_600_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function list(dataDir: string): Promise<string> {
  let out = '';
  const code = await outboxGroup.run(['list'], {
    dataDir,
    io: { stdout: (t) => (out += `${t}\n`), stderr: () => undefined, readStdin: async () => Buffer.alloc(0) },
  });
  expect(code).toBe(0);
  return out;
}

describe('kiosk outbox list', () => {
  it('states each act’s deadline, and shows one past it as expired with its reason and reference code', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-cli-outbox-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // eHealth unreachable the whole time
    const r = await outboxRig(() => 'drop', { db: openKioskDatabase(dataDir) });
    cleanups.push(() => r.close());
    const held = r.outbox.hold({
      kind: 'declaration-request.sign',
      params: { requestId: 'dr-1' },
      patientKey: 'patient-a',
      credentials: TOKENS,
      deadline: new Date(r.clock.now().getTime() + 24 * HOUR),
    });
    if (!held.ok) throw new Error(held.error.message);
    const released = r.outbox.release(held.value.id, { signedContent: 'MIIB'.padEnd(96, 'x') });
    if (!released.ok) throw new Error(released.error.message);
    const op = released.value;
    const deadline = (op.expiresAt ?? 'none').replace('T', ' ').slice(0, 19);

    const waiting = await list(dataDir);
    expect(waiting.split('\n')[0]).toMatch(/DEADLINE \(UTC\)/);
    expect(waiting.split('\n').find((l) => l.includes(op.referenceCode))).toContain(deadline);

    r.worker.start();
    for (let h = 0; h < 25; h++) {
      r.clock.advance(HOUR);
      await r.worker.idle();
    }
    const line = (await list(dataDir)).split('\n').find((l) => l.includes(op.referenceCode)) ?? '';
    expect(line).toMatch(/expired/);
    expect(line).toContain('EXPIRED: not delivered before its deadline');
    expect(line).toContain(deadline);
  });
});
