import { err, ok, type Result } from '#shared/result';
import type { TokenSource } from './client';
import type { AccessToken } from './schemas/auth';

/** A patient's tokens. `expiresAt` is in unix seconds as eHealth sends it; null when unknown. */
export interface TokenSet {
  accessToken: string | null;
  refreshToken: string | null;
  expiresAt: number | null;
}

/** Turns eHealth's Access_Token into a TokenSet, keeping the old refresh token when none is returned. */
export function tokenSetFrom(token: AccessToken, previousRefresh: string | null = null): TokenSet {
  const exp = token.expires_at;
  const expiresAt =
    typeof exp === 'number' ? exp : typeof exp === 'string' && /^\d+$/.test(exp) ? Number(exp) : null;
  return {
    accessToken: token.value,
    refreshToken: token.details?.refresh_token ?? previousRefresh,
    expiresAt,
  };
}

/** Renews an access token with a refresh token (POST /oauth/tokens, grant refresh_token). */
export type Renew = (refreshToken: string) => Promise<Result<AccessToken>>;

/** Seconds before expiry at which a token is treated as expired (clock skew, request duration). */
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
    this.set = tokenSetFrom(renewed.value, refreshToken);
    this.onChange(this.current());
    return ok(undefined);
  }
}
