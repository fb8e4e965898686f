import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rendererBridgeViolation } from './renderer-bridge.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file `file` (relative to the project) with the project's own config. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kiosk/boundaries').map((m) => m.message);
}

describe('kiosk/boundaries: screens and components reach main through a store', () => {
  it.each([
    ['renderer/src/screens/Planted/Planted.tsx', "import { callKiosk } from '../../stores/bridge';"],
    ['renderer/src/components/Planted.tsx', "import { kiosk } from '../api';"],
    ['renderer/src/components/Planted.tsx', "import { setBridgeFactory } from '../api/index';"],
    ['renderer/src/kiosk/planted.ts', "import { listenKiosk } from '../stores/bridge.ts';"],
    ['renderer/src/documents/planted.ts', "const api = await import('../api');"],
    ['renderer/src/screens/Planted/Planted.tsx', "export { kiosk } from '../../api';"],
  ])('%s: %s is refused', async (file, code) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('screens and components reach main through a store');
  });

  it.each([
    ['renderer/src/stores/planted.ts', "import { kiosk } from '../api';"],
    ['renderer/src/stores/planted.ts', "import { callKiosk } from './bridge';"],
    ['renderer/src/api/planted.ts', "import { kiosk } from './index';"],
    ['renderer/src/main.tsx', "import { setBridgeFactory } from './api';"],
    ['renderer/src/screens/Planted/Planted.test.tsx', "import { setKioskForTests } from '../../api';"],
    [
      'renderer/src/screens/Planted/Planted.tsx',
      "import { useDocumentsStore } from '../../stores/documents';",
    ],
    ['renderer/test/planted.ts', "import { setKioskForTests } from '../src/api';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  it('reads a folder import as its index and leaves files outside the renderer to the zones', () => {
    expect(rendererBridgeViolation('renderer/src/App.tsx', 'renderer/src/api/')).not.toBeNull();
    expect(rendererBridgeViolation('renderer/src/App.tsx', 'renderer/src/apis/x')).toBeNull();
    expect(rendererBridgeViolation('electron/main.ts', 'renderer/src/api')).toBeNull();
  });
});
