import { describe, expect, it } from 'vitest';
import { trainingToolLines } from './training-tools';

describe('trainingToolLines', () => {
  it('names the sandbox and each tool a trainer uses, at the sandbox’s own address', () => {
    const lines = trainingToolLines('http://127.0.0.1:43210');
    expect(lines[0]).toBe('Training sandbox (eHealth simulator): http://127.0.0.1:43210');
    const text = lines.join('\n');
    for (const path of [
      '/sandbox/personas',
      '/sandbox/sms?phone=',
      '/sandbox/faults',
      '/sandbox/clock',
      '/sandbox/health',
    ])
      expect(text).toContain(`http://127.0.0.1:43210${path}`);
    expect(text).toMatch(/SMS inbox/);
    expect(text).toMatch(/faults/);
    // never a line a test could take for the host's ready line
    for (const line of lines) expect(line).not.toMatch(/ready: /);
  });
});
