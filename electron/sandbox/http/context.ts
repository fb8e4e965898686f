import type { AuthUser } from '../auth/tokens';
import type { SandboxState } from '../state';
import type { Reply } from './reply';

export interface RequestContext {
  state: SandboxState;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  requestId: string;
  user: AuthUser | null;
  now(): Date;
  /**
   * Applies a change: runs `fn` in one SQLite transaction together with the idempotency record and
   * the applied-operations log, so a retried request either sees the change and its response or neither.
   */
  commit(fn: () => Reply): Reply;
}

/** The authenticated patient; routes with `user` access always have one. */
export function userOf(ctx: RequestContext) {
  if (!ctx.user) throw new Error('route without a user');
  return ctx.user;
}
