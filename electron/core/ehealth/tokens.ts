import { err, ok, type Result } from '#shared/result';
import type { TokenSource } from './client';
import type { AccessToken } from './schemas/auth';
import type { ServerClock } from './server-clock';

/**
 * A patient's tokens. `expiresAt`: unix seconds on the kiosk clock when the access token ends
 * (eHealth's `expires_at` moved by the measured clock offset, so its lifetime counts from when it
 * was received); null when unknown.
 */
export interface TokenSet {
  accessToken: string | null;
  refreshToken: string | null;
  expiresAt: number | null;
}

/**
 * Turns eHealth's Access_Token into a TokenSet, keeping the old refresh token when none is returned.
 * With eHealth's clock (the client's), the expiry is put on the kiosk clock.
 */
export function tokenSetFrom(
  token: AccessToken,
  previousRefresh: string | null = null,
  clock?: Pick<ServerClock, 'toLocalMs'>,
): TokenSet {
  const exp = token.expires_at;
  const serverExpiry =
    typeof exp === 'number' ? exp : typeof exp === 'string' && /^\d+$/.test(exp) ? Number(exp) : null;
  const expiresAt =
    serverExpiry === null || !clock ? serverExpiry : Math.floor(clock.toLocalMs(serverExpiry * 1000) / 1000);
  return {
    accessToken: token.value,
    refreshToken: token.details?.refresh_token ?? previousRefresh,
    expiresAt,
  };
}

/**
 * Renews an access token with a refresh token (POST /oauth/tokens, grant refresh_token). The new
 * set keeps `refreshToken` null when eHealth returned none (the holder keeps the one it has).
 */
export type Renew = (refreshToken: string) => Promise<Result<TokenSet>>;

/** Seconds before expiry at which a token is treated as expired (request duration, clock jitter). */
const EXPIRY_MARGIN_SECONDS = 30;

/**
 * Holds one patient's tokens in memory, refreshes on demand (one refresh at a time even when
 * several calls hit 401 together) and reports every change so the outbox can persist it encrypted.
 */
export class PatientTokens implements TokenSource {
  private inFlight: Promise<Result<void>> | null = null;

  constructor(
    private set: TokenSet,
    private readonly renew: Renew,
    private readonly onChange: (set: TokenSet) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  current(): TokenSet {
    return { ...this.set };
  }

  accessToken(): string | null {
    const { accessToken, expiresAt } = this.set;
    if (!accessToken) return null;
    if (expiresAt !== null && expiresAt - EXPIRY_MARGIN_SECONDS <= this.now().getTime() / 1000) return null;
    return accessToken;
  }

  refresh(): Promise<Result<void>> {
    this.inFlight ??= this.doRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async doRefresh(): Promise<Result<void>> {
    const refreshToken = this.set.refreshToken;
    if (!refreshToken) {
      return err('EHEALTH_UNAUTHORIZED', 'no refresh token: the patient must sign in again', {
        retryable: false,
        refreshFailed: true,
      });
    }
    const renewed = await this.renew(refreshToken);
    if (!renewed.ok) return renewed;
    this.set = { ...renewed.value, refreshToken: renewed.value.refreshToken ?? refreshToken };
    this.onChange(this.current());
    return ok(undefined);
  }
}
