import { addressesApi } from './api/addresses';
import { appsApi } from './api/apps';
import { authApi } from './api/auth';
import { bulkApi } from './api/bulk';
import { declarationRequestsApi, declarationsApi } from './api/declarations';
import { personApi } from './api/person';
import { EhealthClient, type EhealthClientOptions } from './client';
import { EhealthConfig, requestDeadline, type EhealthConfigInput } from './config';
import type { AccessToken } from './schemas/auth';
import { PatientTokens, tokenSetFrom, type Renew, type TokenSet } from './tokens';

/** The PIS endpoints the kiosk uses, grouped by area, over one EhealthClient. */
export function createPisApi(client: EhealthClient) {
  const auth = authApi(client);
  const clock = client.serverClock;
  const renew: Renew = async (refreshToken) => {
    const r = await auth.refresh(refreshToken);
    return r.ok ? { ok: true, value: tokenSetFrom(r.value.data, null, clock) } : r;
  };
  return {
    client,
    auth,
    person: personApi(client),
    declarations: declarationsApi(client),
    declarationRequests: declarationRequestsApi(client),
    apps: appsApi(client),
    bulk: bulkApi(client),
    addresses: addressesApi(client),
    /** Renews an access token with a refresh token (for token holders and the outbox worker). */
    renew,
    /** A token holder for one patient that renews through POST /oauth/tokens. */
    patientTokens(set: TokenSet, onChange?: (set: TokenSet) => void, now?: () => Date): PatientTokens {
      return new PatientTokens(set, renew, onChange, now ?? clock.localNow);
    },
    /** A token answer as a TokenSet, its expiry on the kiosk clock (see ServerClock). */
    tokenSetFrom: (token: AccessToken, previousRefresh: string | null = null): TokenSet =>
      tokenSetFrom(token, previousRefresh, clock),
    /** eHealth's clock as measured from its answers. */
    serverClock: clock,
    /** When a request eHealth created at `createdAt` (kiosk clock) expires there: a signed act's deadline. */
    requestDeadline: (createdAt: Date): Date => requestDeadline(client.config, createdAt),
  };
}
export type PisApi = ReturnType<typeof createPisApi>;

export function createPisApiFromConfig(config: EhealthConfigInput, opts: EhealthClientOptions = {}): PisApi {
  return createPisApi(new EhealthClient(EhealthConfig.parse(config), opts));
}
