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
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { rendererBridgeViolation } from './renderer-bridge.js';

/** The project's own shared/ folder, imported through package.json "imports". */
const SHARED_ALIAS = '#shared/';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

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
      const why = violation(zone, target);
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
