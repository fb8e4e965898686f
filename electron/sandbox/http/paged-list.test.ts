import { describe, expect, it } from 'vitest';
import { sql } from '../../core/db';
import { ApiError } from '../errors';
import type { RequestContext } from './context';
import { pagedList, termFilters } from './paged-list';
import { testFront } from './stages/stages.test-support';

interface RegionRow {
  id: string;
  name: string;
  koatuu: string;
}

/** A sandbox database with `n` regions (r01…), page sizes 50 by default and 300 at most. */
function withRegions(n: number, query = '') {
  const front = testFront();
  const insert = front.db.prepare('INSERT INTO regions (id, name, koatuu) VALUES (?, ?, ?)');
  for (let i = 1; i <= n; i++) {
    const id = `r${String(i).padStart(2, '0')}`;
    insert.run(id, `Region ${id}`, i % 2 ? 'odd' : 'even');
  }
  const ctx = { state: front.state, query: new URLSearchParams(query) } as RequestContext;
  return ctx;
}

const ids = (reply: ReturnType<typeof pagedList>) =>
  reply.kind === 'json' ? (reply.data as { id: string }[]).map((r) => r.id) : [];

const regionList = (ctx: RequestContext, where: Parameters<typeof pagedList>[1]['where']) =>
  pagedList(ctx, { from: sql`regions`, where, orderBy: sql`id` }, (r: RegionRow) => ({ id: r.id }));

describe('pagedList', () => {
  it('answers the page asked for with the total counted under the same conditions', () => {
    const ctx = withRegions(7, 'page=2&page_size=2');
    const reply = regionList(ctx, [sql`koatuu = ${'odd'}`]);
    // odd regions: r01 r03 r05 r07 — page 2 of size 2
    expect(ids(reply)).toEqual(['r05', 'r07']);
    expect(reply).toMatchObject({
      paging: { page_number: 2, page_size: 2, total_entries: 4, total_pages: 2 },
    });
  });

  it('skips conditions the query did not ask for, and lists everything without any', () => {
    const ctx = withRegions(3);
    const reply = regionList(ctx, [null, false, undefined]);
    expect(ids(reply)).toEqual(['r01', 'r02', 'r03']);
    expect(reply).toMatchObject({
      paging: { page_number: 1, page_size: 50, total_entries: 3, total_pages: 1 },
    });
  });

  it('binds values: a quote in a filter is a value, never SQL', () => {
    const ctx = withRegions(3);
    expect(ids(regionList(ctx, [sql`koatuu = ${"odd' OR '1' = '1"}`]))).toEqual([]);
    // an empty list still has one page
    expect(regionList(ctx, [sql`0`])).toMatchObject({ paging: { total_entries: 0, total_pages: 1 } });
  });

  it("reads the page under the list's own names (the cabinet's page_number) and refuses a size over the maximum", () => {
    const ctx = withRegions(5, 'page_number=3&page_size=2&page=1');
    const spec = { from: sql`regions`, where: [], orderBy: sql`id DESC` };
    const names = { page: 'page_number', size: 'page_size' };
    expect(ids(pagedList(ctx, { ...spec, names }, (r: RegionRow) => ({ id: r.id })))).toEqual(['r01']);
    const tooBig = withRegions(1, 'page_size=301');
    expect(() => pagedList(tooBig, spec, (r: RegionRow) => r)).toThrow(ApiError);
  });

  it('selects the given columns', () => {
    const ctx = withRegions(1);
    const reply = pagedList(
      ctx,
      { from: sql`regions`, select: sql`name`, where: [], orderBy: sql`name` },
      (r: Record<string, unknown>) => r,
    );
    expect(reply).toMatchObject({ data: [{ name: 'Region r01' }] });
  });
});

describe('termFilters', () => {
  it('makes a condition of each date given, bound', () => {
    const conds = termFilters(new URLSearchParams('start_date_from=2026-01-01&end_date_to=2026-12-31'));
    expect(conds.map((c) => c && { text: c.text, values: c.values })).toEqual([
      { text: 'start_date >= ?', values: ['2026-01-01'] },
      null,
      null,
      { text: 'end_date <= ?', values: ['2026-12-31'] },
    ]);
  });

  it('refuses what is not a date (422)', () => {
    expect(() => termFilters(new URLSearchParams("start_date_to=2026-01-01' OR 1"))).toThrow(ApiError);
  });
});
