import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { TEST_KEYS_DIR } from './sandbox-helpers';
import { runWalk } from './sandbox-walk';

let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'small' });
});
afterAll(async () => {
  await sb?.close();
});

describe('scripted walk', () => {
  it('goes through every patient endpoint with the personas’ keys', async () => {
    const steps = await runWalk(sb);
    expect(steps.length).toBeGreaterThan(40);
    expect(steps.filter((s) => s.status !== s.expected)).toEqual([]);
  });
});
