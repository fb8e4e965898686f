import type { RequestContext } from '../http/context';
import { invalidEntry, notFound, validationFailed } from '../errors';
import { ok } from '../http/reply';
import type { Route } from '../http/router';
import { enumParam, pageOf, paging, pathUuid } from '../http/validate';
import { foldText } from '../text';

/** The address register (uaddresses): regions, districts, settlements and streets, searchable by name. */

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Case-insensitive for Cyrillic too (SQLite's LIKE folds ASCII only). */
const fold = (s: string) => foldText(s);

interface Filter {
  where: string[];
  args: unknown[];
}

function listPage(
  ctx: RequestContext,
  from: string,
  select: string,
  f: Filter,
  order: string,
  map: (r: Record<string, unknown>) => unknown,
) {
  const page = pageOf(ctx.query, {
    size: ctx.state.config.pageSizeDefault,
    max: ctx.state.config.pageSizeMax,
  });
  const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : '';
  const { db } = ctx.state;
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} ${where}`).get(...f.args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${select} FROM ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...f.args, page.size, page.offset) as Record<string, unknown>[];
  return ok(rows.map(map), { paging: paging(page, total) });
}

function nameFilter(ctx: RequestContext, f: Filter, column: string, param = 'name') {
  const v = ctx.query.get(param);
  if (v) {
    f.where.push(`lower_uk(${column}) LIKE ? ESCAPE '\\'`);
    f.args.push(like(fold(v)));
  }
}

function exact(ctx: RequestContext, f: Filter, column: string, param: string) {
  const v = ctx.query.get(param);
  if (v) {
    f.where.push(`${column} = ?`);
    f.args.push(v);
  }
}

function regions(ctx: RequestContext) {
  const f: Filter = { where: [], args: [] };
  nameFilter(ctx, f, 'name');
  exact(ctx, f, 'koatuu', 'koatuu');
  return listPage(ctx, 'regions', 'id, name, koatuu', f, 'name', (r) => ({
    id: r.id,
    region: r.name,
    koatuu: r.koatuu,
  }));
}

function districts(ctx: RequestContext) {
  const regionId = ctx.query.get('region_id');
  const region = ctx.query.get('region');
  if (!regionId && !region) {
    throw validationFailed([
      invalidEntry('$.region_id', 'required', 'region_id or region is required', 'query_param'),
    ]);
  }
  const f: Filter = { where: [], args: [] };
  if (regionId) {
    f.where.push('d.region_id = ?');
    f.args.push(regionId.toLowerCase());
  }
  if (region) {
    f.where.push('lower_uk(r.name) = ?');
    f.args.push(fold(region));
  }
  nameFilter(ctx, f, 'd.name');
  exact(ctx, f, 'd.koatuu', 'koatuu');
  return listPage(
    ctx,
    'districts d JOIN regions r ON r.id = d.region_id',
    'd.id, d.name, d.koatuu, r.name AS region, r.id AS region_id',
    f,
    'd.name',
    (r) => ({
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
  if (!ctx.state.db.prepare('SELECT 1 FROM regions WHERE id = ?').get(id)) throw notFound('Region not found');
  const f: Filter = { where: ['region_id = ?'], args: [id] };
  nameFilter(ctx, f, 'name');
  exact(ctx, f, 'koatuu', 'koatuu');
  return listPage(ctx, 'districts', 'id, name', f, 'name', (r) => ({ id: r.id, district: r.name }));
}

const SETTLEMENT_FROM =
  'settlements s JOIN regions r ON r.id = s.region_id LEFT JOIN districts d ON d.id = s.district_id';
const SETTLEMENT_SELECT =
  's.id, s.name, s.type, s.koatuu, s.mountain_group, r.name AS region, r.id AS region_id, d.name AS district, d.id AS district_id';
const settlementView = (r: Record<string, unknown>) => ({
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
  const f: Filter = { where: [], args: [] };
  const region = ctx.query.get('region');
  const regionId = ctx.query.get('region_id');
  if (!region && !regionId)
    throw validationFailed([invalidEntry('$.region', 'required', 'region is required', 'query_param')]);
  if (region) {
    f.where.push('lower_uk(r.name) = ?');
    f.args.push(fold(region));
  }
  if (regionId) {
    f.where.push('s.region_id = ?');
    f.args.push(regionId.toLowerCase());
  }
  const district = ctx.query.get('district');
  if (district) {
    f.where.push('lower_uk(d.name) = ?');
    f.args.push(fold(district));
  }
  nameFilter(ctx, f, 's.name');
  exact(ctx, f, 's.koatuu', 'koatuu');
  const type = enumParam(ctx.query, 'type', ['CITY', 'TOWNSHIP', 'VILLAGE', 'SETTLEMENT'] as const, true);
  if (type) {
    f.where.push('s.type = ?');
    f.args.push(type);
  }
  const mountain = enumParam(ctx.query, 'mountain_group', ['true', 'false'] as const, true);
  if (mountain) {
    f.where.push('s.mountain_group = ?');
    f.args.push(mountain === 'true' ? 1 : 0);
  }
  return listPage(
    ctx,
    SETTLEMENT_FROM,
    SETTLEMENT_SELECT,
    f,
    "CASE s.type WHEN 'CITY' THEN 0 WHEN 'TOWNSHIP' THEN 1 ELSE 2 END, s.name, s.id",
    settlementView,
  );
}

function settlement(ctx: RequestContext) {
  const id = pathUuid(ctx.params.id, 'Settlement');
  const row = ctx.state.db
    .prepare(`SELECT ${SETTLEMENT_SELECT} FROM ${SETTLEMENT_FROM} WHERE s.id = ?`)
    .get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound('Settlement not found');
  return ok(settlementView(row));
}

function districtSettlements(ctx: RequestContext) {
  const id = pathUuid(ctx.params.id, 'District');
  if (!ctx.state.db.prepare('SELECT 1 FROM districts WHERE id = ?').get(id))
    throw notFound('District not found');
  const f: Filter = { where: ['district_id = ?'], args: [id] };
  nameFilter(ctx, f, 'name');
  exact(ctx, f, 'koatuu', 'koatuu');
  return listPage(ctx, 'settlements', 'id, name', f, 'name, id', (r) => ({
    id: r.id,
    settlement_name: r.name,
  }));
}

function streets(ctx: RequestContext) {
  const settlementId = ctx.query.get('settlement_id');
  if (!settlementId)
    throw validationFailed([
      invalidEntry('$.settlement_id', 'required', 'settlement_id is required', 'query_param'),
    ]);
  const f: Filter = { where: ['settlement_id = ?'], args: [settlementId.toLowerCase()] };
  nameFilter(ctx, f, 'name');
  const type = ctx.query.get('type');
  if (type) {
    f.where.push('type = ?');
    f.args.push(type.toUpperCase());
  }
  return listPage(ctx, 'streets', 'id, settlement_id, type, name', f, 'name, id', (r) => ({
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
