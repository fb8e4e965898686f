import { z } from 'zod';
import type { EhealthClient, EhealthResult } from '../client';
import { failure } from '../errors';
import { PIS_PATHS } from '../paths';
import { AccessToken, Nonce, SignUp, SmsVerification } from '../schemas/auth';

type ClientCredentials = { clientId: string; clientSecret: string };

function credentials(client: EhealthClient): ClientCredentials | null {
  const { clientId, clientSecret } = client.config;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

const notConfigured = <T>(): EhealthResult<T> => ({
  ok: false,
  error: failure('NOT_AVAILABLE', 'the eHealth client id and secret are not configured', {
    retryable: false,
  }),
});

/** Sign-in of a trusted PIS: nonce → the patient signs {"jwt": nonce} → pis_auth grant; refresh; logout. */
export const authApi = (client: EhealthClient) => ({
  /** POST /oauth/nonce — a one-time JWT (about 15 minutes) for the patient to sign. */
  nonce(): Promise<EhealthResult<z.infer<typeof Nonce>>> {
    const c = credentials(client);
    if (!c) return Promise.resolve(notConfigured());
    return client.call({
      method: 'POST',
      path: PIS_PATHS.nonce,
      body: { client_id: c.clientId, client_secret: c.clientSecret },
      data: Nonce,
    });
  },

  /** POST /api/pis/sign-in (grant pis_auth) with the base64 CMS of `{"jwt": nonce}`. */
  signIn(signedContent: string, scope = client.config.scope ?? ''): Promise<EhealthResult<AccessToken>> {
    const c = credentials(client);
    if (!c) return Promise.resolve(notConfigured());
    return client.call({
      method: 'POST',
      path: PIS_PATHS.signIn,
      body: {
        token: {
          grant_type: 'pis_auth',
          client_id: c.clientId,
          client_secret: c.clientSecret,
          signed_content: signedContent,
          signed_content_encoding: 'base64',
          scope,
        },
      },
      data: AccessToken,
    });
  },

  /**
   * POST /api/pis/confidant/sign-in: the signed-in person (parent, guardian) signs content that
   * identifies a related patient; eHealth checks the relation and answers with a token acting for
   * that patient (`details.applicant_person_id` names the one who acts).
   */
  confidantSignIn(
    signedContent: string,
    scope = client.config.scope ?? '',
  ): Promise<EhealthResult<AccessToken>> {
    const c = credentials(client);
    if (!c) return Promise.resolve(notConfigured());
    return client.call({
      method: 'POST',
      path: PIS_PATHS.confidantSignIn,
      body: {
        signed_content: signedContent,
        signed_content_encoding: 'base64',
        token: { grant_type: 'pis_auth', client_id: c.clientId, client_secret: c.clientSecret, scope },
      },
      data: AccessToken,
    });
  },

  /**
   * POST /api/sms_verifications — a code by SMS to the phone a registering person gives (or
   * "Verified" when eHealth needs none), authorized by the PIS's nonce. `contentHash` is eHealth's
   * MD5 "of content with the phone number".
   */
  smsVerification(
    nonce: string,
    phone: string,
    contentHash: string,
  ): Promise<EhealthResult<SmsVerification>> {
    return client.call({
      method: 'POST',
      path: PIS_PATHS.smsVerifications,
      body: { factor: phone, type: 'SMS', content_hash: contentHash },
      auth: { bearer: nonce },
      data: SmsVerification,
    });
  },

  /** POST /api/pis/sign-up — the signed registration (with the nonce inside) and the SMS code; signs the new person in. */
  signUp(
    signedContent: string,
    otp: number | null,
    scope = client.config.scope ?? '',
  ): Promise<EhealthResult<SignUp>> {
    const c = credentials(client);
    if (!c) return Promise.resolve(notConfigured());
    return client.call({
      method: 'POST',
      path: PIS_PATHS.signUp,
      body: {
        signed_content: signedContent,
        signed_content_encoding: 'base64',
        ...(otp === null ? {} : { otp }),
        token: { grant_type: 'pis_auth', client_id: c.clientId, client_secret: c.clientSecret, scope },
      },
      data: SignUp,
    });
  },

  /** POST /oauth/tokens (grant refresh_token). The answer carries a new access token only. */
  refresh(refreshToken: string): Promise<EhealthResult<AccessToken>> {
    const c = credentials(client);
    if (!c) return Promise.resolve(notConfigured());
    return client.call({
      method: 'POST',
      path: PIS_PATHS.tokens,
      body: {
        token: {
          grant_type: 'refresh_token',
          client_id: c.clientId,
          client_secret: c.clientSecret,
          refresh_token: refreshToken,
        },
      },
      data: AccessToken,
    });
  },

  /** POST /auth/logout — ends the access token and its session's refresh token. */
  logout(accessToken: string): Promise<EhealthResult<unknown>> {
    return client.call({ method: 'POST', path: PIS_PATHS.logout, auth: { bearer: accessToken } });
  },
});
