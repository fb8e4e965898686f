import { sql, sqlList } from '../../core/db';
import { userOf, type RequestContext } from '../http/context';
import { forbidden, notFound } from '../errors';
import { noContent, ok } from '../http/reply';
import type { Route } from '../http/router';
import { pagedList } from '../http/paged-list';
import { pathUuid } from '../http/validate';
import { isoDateTime } from '../time';

interface AppRow {
  id: string;
  user_id: string;
  client_id: string;
  client_name: string;
  applicant_user_id: string;
  scope: string;
  created_at: string;
  updated_at: string;
}

const view = (a: AppRow) => ({
  id: a.id,
  created_at: a.created_at,
  updated_at: a.updated_at,
  user_id: a.user_id,
  applicant_user_id: a.applicant_user_id,
  client_name: a.client_name,
  client_id: a.client_id,
  scope: a.scope,
});

const SELECT = 'SELECT a.*, c.name AS client_name FROM apps a JOIN clients c ON c.id = a.client_id';
const csv = (v: string | null) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** Only active approvals of the signed-in patient; filters by client names or ids (comma lists). */
function listApps(ctx: RequestContext) {
  const user = userOf(ctx);
  const names = csv(ctx.query.get('client_names'));
  const ids = csv(ctx.query.get('client_ids')).map((i) => i.toLowerCase());
  return pagedList(
    ctx,
    {
      from: sql`apps a JOIN clients c ON c.id = a.client_id`,
      select: sql`a.*, c.name AS client_name`,
      where: [
        sql`a.user_id = ${user.userId}`,
        sql`a.deleted_at IS NULL`,
        names.length > 0 && sql`c.name IN (${sqlList(names)})`,
        ids.length > 0 && sql`a.client_id IN (${sqlList(ids)})`,
      ],
      orderBy: sql`a.created_at, a.id`,
      names: { page: 'page_number', size: 'page_size' },
    },
    view,
  );
}

function ownApp(ctx: RequestContext): AppRow {
  const id = pathUuid(ctx.params.id, 'App');
  const row = ctx.state.db.prepare(`${SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as
    AppRow | undefined;
  if (!row) throw notFound('App not found');
  if (row.user_id !== userOf(ctx).userId) throw forbidden('App belongs to another user');
  return row;
}

const getApp = (ctx: RequestContext) => ok(view(ownApp(ctx)));

/** Revokes an approval: refreshing tokens of it is refused; issued access tokens live until they expire. */
function deleteApp(ctx: RequestContext) {
  const app = ownApp(ctx);
  return ctx.commit(() => {
    const stamp = isoDateTime(ctx.now());
    ctx.state.db
      .prepare('UPDATE apps SET deleted_at = ?, updated_at = ? WHERE id = ?')
      .run(stamp, stamp, app.id);
    return noContent();
  });
}

export const appRoutes: Route[] = [
  { method: 'GET', pattern: '/api/pis/apps', access: { kind: 'user', scope: 'app:read' }, handler: listApps },
  {
    method: 'GET',
    pattern: '/api/pis/apps/:id',
    access: { kind: 'user', scope: 'app:read' },
    handler: getApp,
  },
  {
    method: 'DELETE',
    pattern: '/api/pis/apps/:id',
    access: { kind: 'user', scope: 'app:delete' },
    handler: deleteApp,
  },
];
