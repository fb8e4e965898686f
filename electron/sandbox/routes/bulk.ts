import { queries, sql, sqlName } from '../../core/db';
import type { RequestContext } from '../http/context';
import { invalidEntry, validationFailed } from '../errors';
import type { Reply } from '../http/reply';
import type { Route } from '../http/router';
import { isoDateTime } from '../time';

/**
 * Directory replication (api-key only). `depth=N` returns the rows changed in the last N days;
 * without it, everything. The answer carries `meta.date`, the moment the data is valid for.
 */
function depthCutoff(ctx: RequestContext): string | null {
  const raw = ctx.query.get('depth');
  if (raw === null || raw === '') return null;
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) > 36_500) {
    throw validationFailed([
      invalidEntry('$.depth', 'number', 'depth must be a number of days from 0 to 36500', 'query_param'),
    ]);
  }
  return isoDateTime(new Date(ctx.now().getTime() - Number(raw) * 86_400_000));
}

/** The tables eHealth's bulk endpoints dump, and the column each one's changes are dated by. */
const DUMPED = [
  'parties',
  'employees',
  'employee_roles',
  'healthcare_services',
  'divisions',
  'legal_entities',
  'contract_divisions',
] as const;
const CHANGED_AT = ['updated_at', 'changed_at'] as const;

function dump(
  table: (typeof DUMPED)[number],
  column: (typeof CHANGED_AT)[number] = 'updated_at',
  contentType?: string,
) {
  const from = sqlName(table, DUMPED);
  const changed = sqlName(column, CHANGED_AT);
  return (ctx: RequestContext): Reply => {
    const cutoff = depthCutoff(ctx);
    const rows = queries(ctx.state.db).rows(
      cutoff === null
        ? sql`SELECT doc FROM ${from} ORDER BY rowid`
        : sql`SELECT doc FROM ${from} WHERE ${changed} >= ${cutoff} ORDER BY rowid`,
    );
    return {
      kind: 'raw-list',
      status: 200,
      items: rows.map((r) => String(r[0])),
      meta: { date: isoDateTime(ctx.now()) },
      ...(contentType ? { contentType } : {}),
    };
  };
}

interface LimitRow {
  id: string;
  declarations_limit: number;
  count: number;
}

/** Limit and current count of declarations per doctor (seeded patients plus the sandbox's own). */
function declarationsLimit(ctx: RequestContext): Reply {
  const rows = queries(ctx.state.db).all<LimitRow>(
    sql`SELECT p.id, p.declarations_limit, p.declarations_base_count + coalesce(d.n, 0) AS count FROM parties p
         LEFT JOIN (SELECT party_id, count(*) AS n FROM declarations WHERE status IN ('active', 'pending_verification') GROUP BY party_id) d ON d.party_id = p.id
        WHERE p.declarations_limit > 0 ORDER BY p.rowid`,
  );
  return {
    kind: 'raw-list',
    status: 200,
    items: rows.map(
      ({ id, declarations_limit: limit, count }) =>
        `{"party_id":${JSON.stringify(id)},"declarations_limit":${limit},"declarations_count":${count}}`,
    ),
    meta: { date: isoDateTime(ctx.now()) },
    contentType: 'application/octet-stream',
  };
}

const apiKey = { kind: 'api-key' } as const;

export const bulkRoutes: Route[] = [
  { method: 'GET', pattern: '/api/pis/bulk/parties', access: apiKey, handler: dump('parties') },
  { method: 'GET', pattern: '/api/pis/bulk/employees', access: apiKey, handler: dump('employees') },
  { method: 'GET', pattern: '/api/pis/bulk/employee_roles', access: apiKey, handler: dump('employee_roles') },
  {
    method: 'GET',
    pattern: '/api/pis/bulk/healthcare_services',
    access: apiKey,
    handler: dump('healthcare_services'),
  },
  { method: 'GET', pattern: '/api/pis/bulk/divisions', access: apiKey, handler: dump('divisions') },
  { method: 'GET', pattern: '/api/pis/bulk/legal_entities', access: apiKey, handler: dump('legal_entities') },
  {
    method: 'GET',
    pattern: '/api/pis/bulk/contract_divisions',
    access: apiKey,
    handler: dump('contract_divisions', 'changed_at', 'application/octet-stream'),
  },
  { method: 'GET', pattern: '/api/pis/bulk/declarations_limit', access: apiKey, handler: declarationsLimit },
];
