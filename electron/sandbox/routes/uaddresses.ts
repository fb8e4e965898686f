import { queries, sql, type Sql } from '../../core/db';
import type { RequestContext } from '../http/context';
import { invalidEntry, notFound, validationFailed } from '../errors';
import { ok } from '../http/reply';
import type { Route } from '../http/router';
import { pagedList } from '../http/paged-list';
import { enumParam, pathUuid } from '../http/validate';
import { foldText } from '../text';

/** The address register (uaddresses): regions, districts, settlements and streets, searchable by name. */

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Case-insensitive for Cyrillic too (SQLite's LIKE folds ASCII only). */
const fold = (s: string) => foldText(s);

/** A row of the register as a list selects it (its columns vary by list). */
type Row = Record<string, unknown>;

type Condition = Sql | null;

/** `name` (or `param`) of the query as a case-insensitive substring of `column`. */
function nameFilter(ctx: RequestContext, column: Sql, param = 'name'): Condition {
  const v = ctx.query.get(param);
  return v ? sql`lower_uk(${column}) LIKE ${like(fold(v))} ESCAPE '\\'` : null;
}

function exact(ctx: RequestContext, column: Sql, param: string): Condition {
  const v = ctx.query.get(param);
  return v ? sql`${column} = ${v}` : null;
}

function regions(ctx: RequestContext) {
  const where = [nameFilter(ctx, sql`name`), exact(ctx, sql`koatuu`, 'koatuu')];
  const spec = { from: sql`regions`, select: sql`id, name, koatuu`, where, orderBy: sql`name` };
  return pagedList(ctx, spec, (r: Row) => ({ id: r.id, region: r.name, koatuu: r.koatuu }));
}

function districts(ctx: RequestContext) {
  const regionId = ctx.query.get('region_id');
  const region = ctx.query.get('region');
  if (!regionId && !region) {
    throw validationFailed([
      invalidEntry('$.region_id', 'required', 'region_id or region is required', 'query_param'),
    ]);
  }
  const where = [
    regionId ? sql`d.region_id = ${regionId.toLowerCase()}` : null,
    region ? sql`lower_uk(r.name) = ${fold(region)}` : null,
    nameFilter(ctx, sql`d.name`),
    exact(ctx, sql`d.koatuu`, 'koatuu'),
  ];
  return pagedList(
    ctx,
    {
      from: sql`districts d JOIN regions r ON r.id = d.region_id`,
      select: sql`d.id, d.name, d.koatuu, r.name AS region, r.id AS region_id`,
      where,
      orderBy: sql`d.name`,
    },
    (r: Row) => ({
      id: r.id,
      region: r.region,
      region_id: r.region_id,
      district: r.name,
      koatuu: r.koatuu,
    }),
  );
}

function regionDistricts(ctx: RequestContext) {
  const id = pathUuid(ctx.params.id, 'Region');
  if (!queries(ctx.state.db).one(sql`SELECT 1 FROM regions WHERE id = ${id}`))
    throw notFound('Region not found');
  const where = [sql`region_id = ${id}`, nameFilter(ctx, sql`name`), exact(ctx, sql`koatuu`, 'koatuu')];
  const spec = { from: sql`districts`, select: sql`id, name`, where, orderBy: sql`name` };
  return pagedList(ctx, spec, (r: Row) => ({ id: r.id, district: r.name }));
}

const SETTLEMENT_FROM = sql`settlements s JOIN regions r ON r.id = s.region_id LEFT JOIN districts d ON d.id = s.district_id`;
const SETTLEMENT_SELECT = sql`s.id, s.name, s.type, s.koatuu, s.mountain_group, r.name AS region, r.id AS region_id, d.name AS district, d.id AS district_id`;
const settlementView = (r: Row) => ({
  id: r.id,
  region: r.region,
  region_id: r.region_id,
  ...(r.district ? { district: r.district, district_id: r.district_id } : {}),
  name: r.name,
  mountain_group: String(r.mountain_group),
  type: r.type,
  koatuu: r.koatuu,
});

function settlements(ctx: RequestContext) {
  const region = ctx.query.get('region');
  const regionId = ctx.query.get('region_id');
  if (!region && !regionId)
    throw validationFailed([invalidEntry('$.region', 'required', 'region is required', 'query_param')]);
  const district = ctx.query.get('district');
  const where: Condition[] = [
    region ? sql`lower_uk(r.name) = ${fold(region)}` : null,
    regionId ? sql`s.region_id = ${regionId.toLowerCase()}` : null,
    district ? sql`lower_uk(d.name) = ${fold(district)}` : null,
    nameFilter(ctx, sql`s.name`),
    exact(ctx, sql`s.koatuu`, 'koatuu'),
  ];
  const type = enumParam(ctx.query, 'type', ['CITY', 'TOWNSHIP', 'VILLAGE', 'SETTLEMENT'] as const, true);
  if (type) where.push(sql`s.type = ${type}`);
  const mountain = enumParam(ctx.query, 'mountain_group', ['true', 'false'] as const, true);
  if (mountain) where.push(sql`s.mountain_group = ${mountain === 'true' ? 1 : 0}`);
  return pagedList(
    ctx,
    {
      from: SETTLEMENT_FROM,
      select: SETTLEMENT_SELECT,
      where,
      orderBy: sql`CASE s.type WHEN 'CITY' THEN 0 WHEN 'TOWNSHIP' THEN 1 ELSE 2 END, s.name, s.id`,
    },
    settlementView,
  );
}

function settlement(ctx: RequestContext) {
  const id = pathUuid(ctx.params.id, 'Settlement');
  const row = queries(ctx.state.db).one<Row>(
    sql`SELECT ${SETTLEMENT_SELECT} FROM ${SETTLEMENT_FROM} WHERE s.id = ${id}`,
  );
  if (!row) throw notFound('Settlement not found');
  return ok(settlementView(row));
}

function districtSettlements(ctx: RequestContext) {
  const id = pathUuid(ctx.params.id, 'District');
  if (!queries(ctx.state.db).one(sql`SELECT 1 FROM districts WHERE id = ${id}`))
    throw notFound('District not found');
  const where = [sql`district_id = ${id}`, nameFilter(ctx, sql`name`), exact(ctx, sql`koatuu`, 'koatuu')];
  const spec = { from: sql`settlements`, select: sql`id, name`, where, orderBy: sql`name, id` };
  return pagedList(ctx, spec, (r: Row) => ({ id: r.id, settlement_name: r.name }));
}

function streets(ctx: RequestContext) {
  const settlementId = ctx.query.get('settlement_id');
  if (!settlementId)
    throw validationFailed([
      invalidEntry('$.settlement_id', 'required', 'settlement_id is required', 'query_param'),
    ]);
  const type = ctx.query.get('type');
  const where = [
    sql`settlement_id = ${settlementId.toLowerCase()}`,
    nameFilter(ctx, sql`name`),
    type ? sql`type = ${type.toUpperCase()}` : null,
  ];
  const spec = {
    from: sql`streets`,
    select: sql`id, settlement_id, type, name`,
    where,
    orderBy: sql`name, id`,
  };
  return pagedList(ctx, spec, (r: Row) => ({
    id: r.id,
    settlement_id: r.settlement_id,
    type: r.type,
    name: r.name,
    aliases: [],
  }));
}

const apiKey = { kind: 'api-key' } as const;

export const uaddressRoutes: Route[] = [
  { method: 'GET', pattern: '/api/uaddresses/regions', access: apiKey, handler: regions },
  {
    method: 'GET',
    pattern: '/api/uaddresses/regions/:id/districts',
    access: apiKey,
    handler: regionDistricts,
  },
  { method: 'GET', pattern: '/api/uaddresses/districts', access: apiKey, handler: districts },
  {
    method: 'GET',
    pattern: '/api/uaddresses/districts/:id/settlements',
    access: apiKey,
    handler: districtSettlements,
  },
  { method: 'GET', pattern: '/api/uaddresses/settlements', access: apiKey, handler: settlements },
  { method: 'GET', pattern: '/api/uaddresses/settlements/:id', access: apiKey, handler: settlement },
  { method: 'GET', pattern: '/api/uaddresses/streets', access: apiKey, handler: streets },
];
