import { z } from 'zod';
import type { EhealthClient, EhealthResult, TokenSource } from '../client';
import { PIS_PATHS } from '../paths';
import { App } from '../schemas/apps';
import type { Mutation } from './person';

/** E-cabinets / client applications with access to the patient's data. */
export const appsApi = (client: EhealthClient) => ({
  list: (
    auth: TokenSource,
    q: { client_names?: string; client_ids?: string; page_number?: number; page_size?: number } = {},
  ): Promise<EhealthResult<App[]>> =>
    client.call({ method: 'GET', path: PIS_PATHS.apps, auth, query: q, data: z.array(App) }),

  get: (auth: TokenSource, id: string): Promise<EhealthResult<App>> =>
    client.call({ method: 'GET', path: PIS_PATHS.app(id), auth, data: App }),

  /** DELETE → 204. Refresh for that client is refused afterwards. */
  revoke: (auth: TokenSource, id: string, m: Mutation = {}): Promise<EhealthResult<unknown>> =>
    client.call({ method: 'DELETE', path: PIS_PATHS.app(id), auth, ...m }),
});
