import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SHARED = 'shared';
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file `file` (relative to the project) with the project's own config. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kiosk/boundaries').map((m) => m.message);
}

describe('kiosk/boundaries in eslint.config.js', () => {
  it.each([
    ['renderer/src/planted.ts', "import { openDatabase } from '../../electron/core/db/database';"],
    ['renderer/src/planted.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/planted.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/planted.ts', "import { createHash } from 'node:crypto';"],
    ['shared/planted.ts', "import { App } from '../renderer/src/App';"],
    ['shared/planted.ts', "export * from '../electron/core/log';"],
    ['electron/core/planted.ts', "import { app } from 'electron';"],
    ['electron/core/session/planted.ts', "import { createRouter } from '../../ipc/router';"],
    ['electron/core/planted.ts', "const m = await import('../hosts/browser');"],
    ['electron/core/planted.ts', "import { x } from '../sandbox/server';"],
    ['electron/core/planted.ts', "import { x } from '../window/navigation';"],
    ['electron/sandbox/planted.ts', "import { OutboxStore } from '../core/outbox/store';"],
    ['electron/sandbox/planted.ts', "import { Outbox } from '../core/outbox';"],
    ['electron/sandbox/planted.ts', "import { createServices } from '../core';"],
    ['electron/sandbox/planted.ts', "import { BrowserWindow } from 'electron';"],
    ['electron/preload.ts', "import { ok } from '#shared/result';"],
    ['electron/preload.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/main.ts', "import { App } from '../renderer/src/App';"],
    ['electron/main.ts', "import doc from '../../reference/DESIGN.md';"],
    // spelled through a constant so this file itself never names a relative path into shared
    ['electron/core/planted.ts', `import { ok } from '../../${SHARED}/result';`],
    ['renderer/src/planted.ts', `import { channels } from '../../../${SHARED}/contract';`],
    ['electron/cli.ts', "const x = require('../renderer/src/api');"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await boundaryErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/planted.ts', "import { channels } from '#shared/contract';"],
    ['shared/planted.ts', "import { z } from 'zod';"],
    [
      'electron/core/planted.ts',
      "import { createHash } from 'node:crypto';\nimport { ok } from '#shared/result';",
    ],
    [
      'electron/sandbox/planted.ts',
      "import { openDatabase } from '../core/db/database';\nimport { x } from '../core/esign/verify';",
    ],
    [
      'electron/preload.ts',
      "import { contextBridge } from 'electron';\nimport { channels } from '#shared/contract';",
    ],
    ['electron/main.ts', "import { app } from 'electron';\nimport { createRouter } from './ipc/router';"],
    ['electron/hosts/planted.ts', "import { createServices } from '../core/services';"],
    ['electron/sandbox/planted.ts', "import { verifySignedContent } from '../core/esign';"],
    ['electron/core/planted.ts', "import { x } from './esign';\nimport { y } from '.';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
