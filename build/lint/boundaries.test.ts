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

  // core modules: surfaces, allowed dependencies, composition roots (one message per import)
  it.each([
    // another module's internals, from a module, a host, the CLI, the sandbox (type-only too)
    [
      'electron/core/registrar/planted.ts',
      "import { OutboxStore } from '../outbox/outbox-store';",
      'through its index.ts',
    ],
    [
      'electron/core/registrar/planted.ts',
      "import type { OutboxStore } from '../outbox/outbox-store';",
      'through its index.ts',
    ],
    [
      'electron/core/registrar/planted.ts',
      "export { Outbox } from '../outbox/outbox';",
      'through its index.ts',
    ],
    [
      'electron/core/registrar/planted.ts',
      "const m = await import('../outbox/worker');",
      'through its index.ts',
    ],
    [
      'electron/hosts/planted.ts',
      "import { SessionManager } from '../core/session/session-manager';",
      'through its index.ts',
    ],
    [
      'electron/cli/planted.ts',
      "import { openKioskDatabase } from '../core/db/kiosk-db';",
      'through its index.ts',
    ],
    [
      'electron/main.ts',
      "import { createKioskLogger } from './core/logging/kiosk-logger';",
      'through its index.ts',
    ],
    [
      'electron/sandbox/planted.ts',
      "import { openDatabase } from '../core/db/database';",
      'through its index.ts',
    ],
    [
      'electron/sandbox/seed/planted.ts',
      "import type { Db } from '../../core/db/database';",
      'through its index.ts',
    ],
    ['electron/core/status.ts', "import { isProcessAlive } from './outbox/lease';", 'through its index.ts'],
    // a module's own index
    ['electron/core/outbox/planted.ts', "import { Outbox } from '.';", 'own index'],
    ['electron/core/outbox/planted.ts', "import { Outbox } from './index';", 'own index'],
    ['electron/core/esign/pki/planted.ts', "import { signJson } from '..';", 'own index'],
    // a module not in CORE_DEPS of the importer (through the index, and type-only, still refused)
    ['electron/core/outbox/planted.ts', "import { RegistrarAccounts } from '../registrar';", 'CORE_DEPS'],
    ['electron/core/outbox/planted.ts', "import type { Registrar } from '../registrar';", 'CORE_DEPS'],
    ['electron/core/db/planted.ts', "import type { AuditLog } from '../kiosk';", 'CORE_DEPS'],
    ['electron/core/outbox/planted.ts', "import { AuditLog } from '../registrar/audit';", 'CORE_DEPS'],
    [
      'electron/core/session/planted.ts',
      "import { RegistrationService } from '../registration';",
      'CORE_DEPS',
    ],
    // composition roots, and leaves that reach into modules
    [
      'electron/core/registrar/planted.ts',
      "import { createServices } from '../services';",
      'composition roots',
    ],
    ['electron/core/outbox/planted.ts', "import type { KioskStatus } from '../status';", 'composition roots'],
    ['electron/core/log.ts', "import { Outbox } from './outbox';", 'shared leaf'],
  ])('%s: %s is refused (%s)', async (file, code, why) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(why);
  });

  it.each([
    ['electron/core/registrar/planted.ts', "import { Outbox } from '../outbox';"],
    ['electron/core/registrar/planted.ts', "import type { OperationRow } from '../outbox/index';"],
    [
      'electron/core/outbox/planted.ts',
      "import { OutboxStore } from './outbox-store';\nimport { x } from '../log';",
    ],
    [
      'electron/core/esign/pki/planted.ts',
      "import { Der } from '../der';\nimport { y } from './certificate';",
    ],
    [
      'electron/core/session/planted.ts',
      "import { EventBus } from '../events';\nimport { p } from '../paths';",
    ],
    ['electron/core/services.ts', "import { createRegistrar } from './registrar';"],
    ['electron/hosts/planted.ts', "import { SessionManager } from '../core/session';"],
    ['electron/sandbox/seed/planted.ts', "import type { Db } from '../../core/db';"],
    // tests may reach a module's internals (they are exempt from the module rules, not from the zones)
    ['electron/core/registrar/planted.test.ts', "import { OutboxStore } from '../outbox/outbox-store';"],
    [
      'test/integration/planted.test.ts',
      "import { SessionManager } from '../../electron/core/session/session-manager';",
    ],
    [
      'electron/core/outbox/test-support.test-support.ts',
      "import { Registrar } from '../registrar/compose';",
    ],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
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
      "import { openDatabase } from '../core/db';\nimport { x } from '../core/esign';",
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
