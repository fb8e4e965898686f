import { queries, sql, sqlWhere, type Sql } from '../../core/db';
import type { RequestContext } from './context';
import { ok, type Reply } from './reply';
import { dateParam, pageOf, paging } from './validate';

/** One of eHealth's paged lists: where its rows come from, which of them, in which order. */
export interface ListSpec {
  /** `declarations`, or a join (`apps a JOIN clients c ON c.id = a.client_id`) */
  from: Sql;
  /** the columns (default `*`) */
  select?: Sql;
  /** the conditions, all of them met; a falsy one is no condition (a filter the query did not ask for) */
  where: readonly (Sql | null | false | undefined)[];
  orderBy: Sql;
  /** the query's names of the page and its size (eHealth's cabinet API: `page_number`, `page_size`) */
  names?: { page: string; size: string };
}

/**
 * A page of a list as eHealth answers it: the page and its size from the query (the sandbox's default
 * and maximum size), the rows of that page and `paging` with the total — counted with the same
 * conditions. Every value is a bound parameter; the SQL text comes only from the route's own pieces.
 */
export function pagedList<Row, Item>(ctx: RequestContext, spec: ListSpec, toItem: (row: Row) => Item): Reply {
  const { pageSizeDefault, pageSizeMax } = ctx.state.config;
  const page = pageOf(ctx.query, { size: pageSizeDefault, max: pageSizeMax }, spec.names);
  const where = sqlWhere(spec.where);
  const q = queries(ctx.state.db);
  const total = q.value<number>(sql`SELECT count(*) AS n FROM ${spec.from} ${where}`) ?? 0;
  const rows = q.all<Row>(
    sql`SELECT ${spec.select ?? sql`*`} FROM ${spec.from} ${where} ORDER BY ${spec.orderBy} LIMIT ${page.size} OFFSET ${page.offset}`,
  );
  return ok(rows.map(toItem), { paging: paging(page, total) });
}

/**
 * The date filters of declarations and their requests (`start_date_from` … `end_date_to`), each a
 * condition when the query gives it; a date that is not one is refused (422) in that order.
 */
export function termFilters(q: URLSearchParams): (Sql | null)[] {
  const startFrom = dateParam(q, 'start_date_from');
  const startTo = dateParam(q, 'start_date_to');
  const endFrom = dateParam(q, 'end_date_from');
  const endTo = dateParam(q, 'end_date_to');
  return [
    startFrom ? sql`start_date >= ${startFrom}` : null,
    startTo ? sql`start_date <= ${startTo}` : null,
    endFrom ? sql`end_date >= ${endFrom}` : null,
    endTo ? sql`end_date <= ${endTo}` : null,
  ];
}
