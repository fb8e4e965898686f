// @ts-check
/**
 * kiosk/table-owners — one owner per table. Every SQL text of a file under electron/ (string and
 * template literals, `sql` tagged templates included) that names a known table after FROM, JOIN,
 * INTO, UPDATE, TABLE or DELETE FROM must be in that table's owner: a file, or a folder (ending in
 * '/') that is one owner on purpose. Others go through the owner's methods.
 *
 * Not checked: tests (`test/**`, `*.test.ts(x)`, `*test-support.ts`) read and plant rows anywhere;
 * migrations (`electron/core/db/migrations/**`, `electron/sandbox/db/**`) are the schema's, DDL
 * only. The check reads SQL as the project writes it — keywords in capitals, table names spelt
 * out; a table chosen at run time (`sqlName`) is not seen.
 */
import path from 'node:path';

/**
 * Table → owner (path from the project root). Every CREATE TABLE of the kiosk's and the sandbox's
 * migrations has an entry (build/lint/tables.test.ts checks it, and that every owner exists).
 * @type {Readonly<Record<string, string>>}
 */
export const TABLE_OWNERS = Object.freeze({
  // the kiosk's database (electron/core/db/migrations)
  outbox_operations: 'electron/core/outbox/outbox-store.ts',
  outbox_credentials: 'electron/core/outbox/outbox-store.ts',
  outbox_worker_lease: 'electron/core/outbox/lease.ts',
  settings: 'electron/core/kiosk/settings.ts',
  audit_log: 'electron/core/kiosk/audit.ts',
  registrar_accounts: 'electron/core/registrar/accounts.ts',
  registrar_lockout: 'electron/core/registrar/accounts.ts',
  registrar_enrollment: 'electron/core/registrar/enrollment.ts',
  key_lockouts: 'electron/core/esign/lockout.ts',
  // the directory's replica and its generation files: the directory module is one owner (its
  // store, replica, search, index and sync share one schema that changes as one)
  dir_meta: 'electron/core/directory/',
  dir_legal_entities: 'electron/core/directory/',
  dir_divisions: 'electron/core/directory/',
  dir_healthcare_services: 'electron/core/directory/',
  dir_parties: 'electron/core/directory/',
  dir_employees: 'electron/core/directory/',
  dir_employee_roles: 'electron/core/directory/',
  dir_declaration_limits: 'electron/core/directory/',
  dir_doctors: 'electron/core/directory/',
  dir_index: 'electron/core/directory/',
  dir_sync_state: 'electron/core/directory/',
  // the sandbox's own database (electron/sandbox/db): the sandbox plays eHealth as one program and
  // is one owner of what it keeps (electron/sandbox/README.md says why); the record of applied
  // idempotent requests has one file of its own
  idempotency: 'electron/sandbox/http/idempotency.ts',
  applied_operations: 'electron/sandbox/http/idempotency.ts',
  ...Object.fromEntries(
    [
      'apps',
      'auth_method_requests',
      'auth_methods',
      'clients',
      'confidant_relations',
      'confidant_sign_ins',
      'contract_divisions',
      'declaration_requests',
      'declarations',
      'districts',
      'divisions',
      'employee_roles',
      'employees',
      'healthcare_services',
      'legal_entities',
      'meta',
      'nonces',
      'otps',
      'parties',
      'person_documents',
      'person_requests',
      'persons',
      'regions',
      'settlements',
      'sms',
      'streets',
      'tokens',
      'users',
    ].map((t) => [t, 'electron/sandbox/']),
  ),
});

/** Files the rule never looks at: tests and test support, and the migrations (the schema). */
export function isExempt(/** @type {string} */ rel) {
  return (
    !rel.startsWith('electron/') ||
    /\.test\.tsx?$/.test(rel) ||
    /test-support\.ts$/.test(rel) ||
    rel.startsWith('electron/core/db/migrations/') ||
    rel.startsWith('electron/sandbox/db/')
  );
}

/** Whether `rel` (a project path) is `owner` or inside it. */
export function owns(/** @type {string} */ owner, /** @type {string} */ rel) {
  return owner.endsWith('/') ? rel.startsWith(owner) : rel === owner;
}

const NAMES = Object.keys(TABLE_OWNERS).sort((a, b) => b.length - a.length);
const MENTION = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(${NAMES.join('|')})(?![A-Za-z0-9_])`, 'g');

/** The known tables a SQL text names after FROM/JOIN/INTO/UPDATE/TABLE (DELETE FROM included). */
export function tablesNamed(/** @type {string} */ text) {
  /** @type {Set<string>} */
  const found = new Set();
  for (const m of text.matchAll(MENTION)) if (m[1]) found.add(m[1]);
  return [...found];
}

/** @type {import('eslint').Rule.RuleModule} */
export const tableOwnersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL on a table only in its owner (TABLE_OWNERS)' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { foreign: 'SQL on {{table}} belongs to {{owner}}.' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const rel = path.relative(root, context.filename).split(path.sep).join('/');
    if (rel.startsWith('..') || isExempt(rel)) return {};

    /** @param {import('estree').Node} node @param {string} text */
    function check(node, text) {
      for (const table of tablesNamed(text)) {
        const owner = TABLE_OWNERS[table];
        if (owner && !owns(owner, rel))
          context.report({ node, messageId: 'foreign', data: { table, owner } });
      }
    }

    return {
      Literal: (n) => {
        if (typeof n.value === 'string') check(n, n.value);
      },
      // a `sql` tagged template is a TemplateLiteral too; its pieces are read joined
      TemplateLiteral: (n) => check(n, n.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ')),
    };
  },
};
