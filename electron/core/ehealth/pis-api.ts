import { addressesApi } from './api/addresses';
import { appsApi } from './api/apps';
import { authApi } from './api/auth';
import { bulkApi } from './api/bulk';
import { declarationRequestsApi, declarationsApi } from './api/declarations';
import { personApi } from './api/person';
import { EhealthClient, type EhealthClientOptions } from './client';
import { EhealthConfig, type EhealthConfigInput } from './config';
import { PatientTokens, tokenSetFrom, type Renew, type TokenSet } from './tokens';

/** The PIS endpoints the kiosk uses, grouped by area, over one EhealthClient. */
export function createPisApi(client: EhealthClient) {
  const auth = authApi(client);
  const renew: Renew = async (refreshToken) => {
    const r = await auth.refresh(refreshToken);
    return r.ok ? { ok: true, value: r.value.data } : r;
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
      return new PatientTokens(set, renew, onChange, now);
    },
    tokenSetFrom,
  };
}
export type PisApi = ReturnType<typeof createPisApi>;

export function createPisApiFromConfig(config: EhealthConfigInput, opts: EhealthClientOptions = {}): PisApi {
  return createPisApi(new EhealthClient(EhealthConfig.parse(config), opts));
}
