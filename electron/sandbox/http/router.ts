import type { Reply } from './reply';
import type { RequestContext } from './context';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * How a route authenticates: `none` (sandbox tools), `api-key` (directory, addresses,
 * dictionaries, OAuth), `user` (a patient's bearer token with the named scope).
 */
export type Access =
  | { kind: 'none' }
  | { kind: 'api-key' }
  /** the trusted PIS's sign-in nonce as `Authorization: Bearer` (phone verification at registration) */
  | { kind: 'nonce' }
  /** `acting`: the patient must have legal capacity (adult, or 14–17 with it confirmed) */
  | { kind: 'user'; scope?: string; acting?: boolean };

export interface Route {
  method: Method;
  /** `/api/pis/declarations/:id/actions/terminate` */
  pattern: string;
  access: Access;
  handler: (ctx: RequestContext) => Promise<Reply> | Reply;
}

interface Compiled extends Route {
  segments: string[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: Compiled[] = [];

  add(...routes: Route[]): this {
    for (const r of routes) this.routes.push({ ...r, segments: r.pattern.split('/').filter(Boolean) });
    return this;
  }

  /** Literal segments beat `:param` segments, like the spec matcher. `methodMismatch` when only the method differs. */
  match(method: string, path: string): Match | { methodMismatch: boolean } {
    const parts = path.split('/').filter(Boolean);
    let best: { route: Compiled; params: Record<string, string>; literals: number } | null = null;
    let pathMatched = false;
    for (const r of this.routes) {
      if (r.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = r.segments[i] as string;
        const part = parts[i] as string;
        if (seg.startsWith(':')) {
          try {
            params[seg.slice(1)] = decodeURIComponent(part);
          } catch {
            ok = false;
            break;
          }
        } else if (seg === part) literals += 1;
        else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      if (!best || literals > best.literals) best = { route: r, params, literals };
    }
    return best ? { route: best.route, params: best.params } : { methodMismatch: pathMatched };
  }
}
