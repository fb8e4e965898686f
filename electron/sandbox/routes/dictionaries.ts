import type { RequestContext } from '../http/context';
import { ok } from '../http/reply';
import type { Route } from '../http/router';
import { enumParam } from '../http/validate';
import { foldText } from '../text';
import { DICTIONARIES } from './dictionary-data';

/** `GET /api/v2/dictionaries` with its filters (name, is_active, value_code, value_description, value_is_active). */
function dictionaries(ctx: RequestContext) {
  const name = ctx.query.get('name');
  const active = enumParam(ctx.query, 'is_active', ['true', 'false'] as const, true);
  const code = ctx.query.get('value_code');
  const description = ctx.query.get('value_description');
  const valueActive = enumParam(ctx.query, 'value_is_active', ['true', 'false'] as const, true);
  const out = [];
  for (const [dictName, dict] of Object.entries(DICTIONARIES)) {
    if (name && dictName !== name) continue;
    if (active === 'false') continue;
    let values = Object.entries(dict.values).map(([c, d]) => ({
      code: c,
      description: d,
      is_active: true,
      child_values: [] as unknown[],
    }));
    if (code) values = values.filter((v) => v.code === code);
    if (description) values = values.filter((v) => foldText(v.description).includes(foldText(description)));
    if (valueActive === 'false') values = [];
    if ((code || description || valueActive) && values.length === 0) continue;
    out.push({ name: dictName, description: dict.description, values, labels: ['SYSTEM'], is_active: true });
  }
  return ok(out);
}

export const dictionaryRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v2/dictionaries', access: { kind: 'api-key' }, handler: dictionaries },
];
