// @ts-check
/**
 * kiosk/boundaries — the import directions of docs/ARCHITECTURE.md, checked on every import,
 * export-from, dynamic import() and require() with a literal specifier.
 *
 *   shared            → shared only (no electron, no node:*, no DOM; DOM globals are banned separately)
 *   renderer          → renderer, shared (no electron, no node:*); its api module and the stores'
 *                       bridge only from stores/, api/ and main.tsx (renderer-bridge.js)
 *   electron/core     → core, shared, packages (never 'electron', window, ipc, hosts, sandbox)
 *   electron/sandbox  → sandbox, shared, electron/core/esign, electron/core/db, packages (never 'electron')
 *   electron/preload  → 'electron' and shared/contract only
 *   everything        → never renderer (except renderer), never anything outside the project;
 *                       shared code is imported as '#shared/…' (package.json "imports"), never by '../…'
 *
 * and inside electron/core, for every file but tests (test/**, *.test.ts(x), *test-support.ts):
 *
 *   a module (a folder of electron/core) is imported from outside only through its index.ts;
 *   a file never imports its own module's index (its siblings directly);
 *   module a imports module b only when b is in CORE_DEPS[a] (type-only imports too);
 *   no module imports the composition roots services.ts and status.ts (hosts and the CLI do);
 *   the shared leaves log.ts, events.ts and paths.ts may be imported by any module and import none.
 *
 * One message per import: the first broken rule, in the order above (zones first).
 */
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { rendererBridgeViolation } from './renderer-bridge.js';

/** The project's own shared/ folder, imported through package.json "imports". */
const SHARED_ALIAS = '#shared/';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Core module → the core modules it may import. Acyclic (build/lint/module-graph.test.ts checks it,
 * and that every folder of electron/core is listed here and has an index.ts). Adding a module: its
 * folder, its index.ts and a row here.
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const CORE_DEPS = {
  apps: ['ehealth', 'outbox', 'receipts', 'session'],
  backend: ['crypto', 'db', 'directory', 'ehealth', 'kiosk', 'outbox'],
  crypto: [],
  db: [],
  declarations: ['apps', 'directory', 'ehealth', 'outbox', 'receipts', 'session'],
  directory: ['db', 'ehealth', 'kiosk'],
  documents: ['ehealth', 'esign', 'io', 'session'],
  ehealth: ['io'],
  esign: ['db', 'io'],
  io: [],
  kiosk: ['crypto', 'db', 'ehealth'],
  logging: [],
  outbox: ['crypto', 'db', 'ehealth', 'esign', 'kiosk'],
  person: ['documents', 'ehealth', 'esign', 'outbox', 'session'],
  receipts: ['outbox'],
  registrar: ['backend', 'crypto', 'db', 'directory', 'ehealth', 'esign', 'kiosk', 'outbox', 'session'],
  registration: ['ehealth', 'kiosk', 'outbox', 'person', 'session'],
  session: ['db', 'ehealth', 'esign', 'kiosk', 'outbox'],
};

/** Files directly in electron/core that every module may import; they import no module. */
export const CORE_LEAVES = ['log.ts', 'events.ts', 'paths.ts'];

/** Files directly in electron/core that compose the modules: hosts and the CLI import them, no module does. */
export const CORE_ROOTS = ['services.ts', 'status.ts'];

/** Test files: exempt from the core module rules (not from the zones). @param {string} rel */
export function isTestFile(rel) {
  return (
    rel.startsWith('test/') ||
    rel.startsWith('renderer/test/') ||
    /\.test\.tsx?$/.test(rel) ||
    /test-support\.ts$/.test(rel)
  );
}

const CORE = 'electron/core/';

/**
 * Where a path lies in electron/core: a module (folder) and whether the path is its index, or a
 * file directly in core; null outside core. A name directly in core without an extension is a
 * module when that folder exists ('../outbox'), else a file ('../log').
 * @param {string} rel
 * @param {string} root the project folder
 * @returns {{ module: string, index: boolean } | { root: string } | null}
 */
function corePlace(rel, root) {
  if (!rel.startsWith(CORE)) return null;
  const rest = rel.slice(CORE.length).replace(/\/$/, '');
  if (rest === '') return null;
  const slash = rest.indexOf('/');
  if (slash < 0) {
    if (/\.(ts|tsx|js)$/.test(rest)) return { root: rest };
    return isFolder(path.join(root, CORE, rest)) ? { module: rest, index: true } : { root: `${rest}.ts` };
  }
  const module = rest.slice(0, slash);
  const inner = rest.slice(slash + 1);
  return { module, index: inner === 'index.ts' || inner === 'index' || inner === '' };
}

/** @param {string} abs */
function isFolder(abs) {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The core module rules for a non-test file importing another project file.
 * @param {string} from the importing file, relative to the project
 * @param {string} target the imported file or folder, relative to the project
 * @param {string} root the project folder
 * @returns {string | null}
 */
export function coreViolation(from, target, root) {
  const to = corePlace(target, root);
  if (!to) return null;
  const at = corePlace(from, root);
  const own = at && 'module' in at ? at.module : null;
  if ('root' in to) {
    if (own !== null && !CORE_LEAVES.includes(to.root))
      return `electron/core/${to.root} is not a shared leaf (${CORE_LEAVES.join(', ')}): composition roots are imported by hosts only`;
    return null;
  }
  if (own === to.module)
    return to.index ? 'a module never imports its own index.ts (import the file itself)' : null;
  if (own !== null) {
    const allowed = CORE_DEPS[own] ?? [];
    if (!allowed.includes(to.module))
      return `core/${own} may import only ${allowed.length ? allowed.join(', ') : 'no module'} (CORE_DEPS), not core/${to.module}`;
  } else if (at && 'root' in at && CORE_LEAVES.includes(at.root)) {
    return `electron/core/${at.root} is a shared leaf: it imports no core module`;
  }
  return to.index ? null : `import electron/core/${to.module} through its index.ts`;
}

/** @param {string} rel */
function zoneOf(rel) {
  if (rel.startsWith('shared/')) return 'shared';
  if (rel.startsWith('renderer/')) return 'renderer';
  if (rel === 'electron/preload.ts') return 'preload';
  if (rel.startsWith('electron/core/')) return 'core';
  if (rel.startsWith('electron/sandbox/')) return 'sandbox';
  if (rel.startsWith('electron/')) return 'main';
  return 'tooling';
}

/**
 * @param {string} zone
 * @param {{ kind: 'package', name: string } | { kind: 'file', rel: string }} target
 * @returns {string | null} why it is forbidden, or null when allowed
 */
function violation(zone, target) {
  if (target.kind === 'file') {
    // a directory import ('../core/esign') means that directory's index: compare with a trailing slash
    const t =
      target.rel.endsWith('.ts') || target.rel.endsWith('.tsx') || target.rel.endsWith('.js')
        ? target.rel
        : `${target.rel}/`;
    if (t.startsWith('../')) return 'imports from outside the project';
    if (t.startsWith('renderer/') && zone !== 'renderer' && zone !== 'tooling')
      return 'only the renderer may import renderer code';
    switch (zone) {
      case 'shared':
        return t.startsWith('shared/') ? null : 'shared may import only shared';
      case 'renderer':
        return t.startsWith('renderer/') || t.startsWith('shared/')
          ? null
          : 'the renderer may import only renderer and shared';
      case 'core':
        return t.startsWith('electron/core/') || t.startsWith('shared/')
          ? null
          : 'electron/core may import only core and shared';
      case 'sandbox':
        return t.startsWith('electron/sandbox/') ||
          t.startsWith('shared/') ||
          t.startsWith('electron/core/esign/') ||
          t.startsWith('electron/core/db/')
          ? null
          : 'the sandbox may import only sandbox, shared, core/esign and core/db';
      case 'preload':
        return t === 'shared/contract.ts' || t === 'shared/contract'
          ? null
          : 'the preload may import only shared/contract';
      default:
        return null;
    }
  }
  const name = target.name;
  const isElectron = name === 'electron' || name.startsWith('electron/');
  const isNode = NODE_BUILTINS.has(name) || name.startsWith('node:');
  switch (zone) {
    case 'shared':
      if (isElectron || isNode) return 'shared runs anywhere: no electron or node modules';
      return null;
    case 'renderer':
      if (isElectron || isNode) return 'the renderer is a sandboxed web page: no electron or node modules';
      return null;
    case 'core':
    case 'sandbox':
      return isElectron
        ? `${zone === 'core' ? 'electron/core' : 'the sandbox'} must not import electron (inject a port)`
        : null;
    case 'preload':
      return name === 'electron' ? null : 'the preload may import only electron and shared/contract';
    default:
      return null;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the kiosk process and layer boundaries' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { forbidden: "Import of '{{spec}}' breaks the architecture: {{why}}." },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (rel.startsWith('..')) return {};
    const zone = zoneOf(rel);

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return;
      /** @type {{ kind: 'package', name: string } | { kind: 'file', rel: string }} */
      let target;
      if (source.startsWith(SHARED_ALIAS)) {
        // package.json "imports": "#shared/*" → "./shared/*.ts"
        target = { kind: 'file', rel: `shared/${source.slice(SHARED_ALIAS.length)}` };
        if (target.rel === 'shared/contract') target = { kind: 'file', rel: 'shared/contract.ts' };
      } else if (source.startsWith('.') || source.startsWith('/')) {
        const abs = path.resolve(path.dirname(file), source);
        const targetRel = path.relative(root, abs).split(path.sep).join('/');
        target = {
          kind: 'file',
          rel: targetRel.startsWith('..') || path.isAbsolute(targetRel) ? `../${targetRel}` : targetRel,
        };
        if (target.rel === 'shared/contract') target = { kind: 'file', rel: 'shared/contract.ts' };
        if (zone !== 'shared' && (target.rel === 'shared' || target.rel.startsWith('shared/'))) {
          context.report({
            node,
            messageId: 'forbidden',
            data: {
              spec: source,
              why: `import the project's shared code as '${SHARED_ALIAS}…', not by a relative path`,
            },
          });
          return;
        }
      } else {
        target = { kind: 'package', name: source };
      }
      const why =
        violation(zone, target) ??
        (target.kind === 'file' && !isTestFile(rel) ? coreViolation(rel, target.rel, root) : null);
      if (why) context.report({ node, messageId: 'forbidden', data: { spec: source, why } });
      // the renderer's own clause (renderer-bridge.js); one message per import
      else if (target.kind === 'file') {
        const rendererWhy = rendererBridgeViolation(rel, target.rel);
        if (rendererWhy)
          context.report({ node, messageId: 'forbidden', data: { spec: source, why: rendererWhy } });
      }
    }

    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      CallExpression: (n) => {
        if (
          n.callee.type === 'Identifier' &&
          n.callee.name === 'require' &&
          n.arguments[0]?.type === 'Literal'
        ) {
          check(n, n.arguments[0].value);
        }
      },
    };
  },
};

export default { meta: { name: 'kiosk' }, rules: { boundaries: rule } };
