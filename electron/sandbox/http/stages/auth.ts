import { authenticate } from '../../auth/tokens';
import { ApiError } from '../../errors';
import { requireActor } from '../../rules/capacity';
import { renderError } from '../envelope';
import { headerOf, type Exchange, type Front, type Verdict } from '../exchange';

function check(x: Exchange, { state }: Front): void {
  const access = x.route?.access;
  if (!access) throw new Error('authentication before routing');
  if (access.kind !== 'none' && access.kind !== 'nonce') {
    const apiKey = headerOf(x.headers, 'api-key');
    if (!apiKey) throw new ApiError(401, 'access_denied', 'API-KEY header required');
    if (apiKey !== state.config.apiKey) throw new ApiError(401, 'access_denied', 'Invalid API-KEY');
  }
  if (access.kind !== 'user') return;
  const user = authenticate(state.db, headerOf(x.headers, 'authorization'), state.now());
  x.user = user;
  if (access.scope && !user.scope.includes(access.scope)) {
    throw new ApiError(
      403,
      'forbidden',
      `Your scope does not allow to access this resource. Missing allowances: ${access.scope}`,
    );
  }
  if (access.acting) requireActor(state.db, user, state.now());
}

/** The route's access: api-key (401), then for a patient's route the bearer token (401), its scope (403) and legal capacity (403). */
export function auth(x: Exchange, front: Front): Verdict {
  try {
    check(x, front);
  } catch (e) {
    if (e instanceof ApiError) return { reply: renderError(e, x.meta) };
    throw e;
  }
  return undefined;
}
