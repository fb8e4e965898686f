import { z } from 'zod';
import type { EhealthClient, EhealthResult, TokenSource } from '../client';
import { PIS_PATHS } from '../paths';
import { JsonObject } from '../schemas/common';
import {
  AuthenticationMethod,
  AuthenticationMethodRequest,
  Otp,
  Person,
  PersonRequest,
  PersonRequestCompleted,
  PersonRequestListItem,
  PersonVerification,
} from '../schemas/person';

export interface Mutation {
  /** Sent as X-Idempotency-Key (the outbox always sets it). */
  idempotencyKey?: string;
}

export type PageQuery = {
  page?: number;
  page_size?: number;
};

/** The patient's own data: person, verification, authentication methods, person requests. */
export const personApi = (client: EhealthClient) => ({
  get: (auth: TokenSource): Promise<EhealthResult<Person>> =>
    client.call({ method: 'GET', path: PIS_PATHS.person, auth, data: Person }),

  verification: (auth: TokenSource): Promise<EhealthResult<PersonVerification>> =>
    client.call({ method: 'GET', path: PIS_PATHS.personVerification, auth, data: PersonVerification }),

  authenticationMethods: (auth: TokenSource): Promise<EhealthResult<AuthenticationMethod[]>> =>
    client.call({
      method: 'GET',
      path: PIS_PATHS.authenticationMethods,
      auth,
      data: z.array(AuthenticationMethod),
    }),

  /** Adds an OTP phone; eHealth sends an SMS code to it (approve with the code). */
  createAuthenticationMethodRequest: (
    auth: TokenSource,
    method: { type: 'OTP'; phone_number: string; alias?: string },
    m: Mutation = {},
  ): Promise<EhealthResult<z.infer<typeof AuthenticationMethodRequest>>> =>
    client.call({
      method: 'POST',
      path: PIS_PATHS.authenticationMethodRequests,
      auth,
      body: { authentication_method: method },
      data: AuthenticationMethodRequest,
      ...m,
    }),

  approveAuthenticationMethodRequest: (
    auth: TokenSource,
    requestId: string,
    verificationCode: number,
    m: Mutation = {},
  ): Promise<EhealthResult<z.infer<typeof AuthenticationMethodRequest>>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.authenticationMethodRequestApprove(requestId),
      auth,
      body: { verification_code: verificationCode },
      data: AuthenticationMethodRequest,
      ...m,
    }),

  resendOtp: (
    auth: TokenSource,
    requestId: string,
    m: Mutation = {},
  ): Promise<EhealthResult<z.infer<typeof Otp>>> =>
    client.call({
      method: 'POST',
      path: PIS_PATHS.authenticationMethodRequestResendOtp(requestId),
      auth,
      data: Otp,
      ...m,
    }),

  deactivateAuthenticationMethod: (
    auth: TokenSource,
    id: string,
    m: Mutation = {},
  ): Promise<EhealthResult<AuthenticationMethod>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.authenticationMethodDeactivate(id),
      auth,
      data: AuthenticationMethod,
      ...m,
    }),

  setAuthenticationMethodAlias: (
    auth: TokenSource,
    id: string,
    alias: string,
    m: Mutation = {},
  ): Promise<EhealthResult<AuthenticationMethod>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.authenticationMethod(id),
      auth,
      body: { alias },
      data: AuthenticationMethod,
      ...m,
    }),

  /** Starts a change of personal data; the answer's `content` is the printout the patient signs. */
  createPersonRequest: (
    auth: TokenSource,
    body: { person: JsonObject; patient_signed: boolean; process_disclosure_data_consent: boolean },
    m: Mutation = {},
  ): Promise<EhealthResult<PersonRequest>> =>
    client.call({ method: 'POST', path: PIS_PATHS.personRequests, auth, body, data: PersonRequest, ...m }),

  listPersonRequests: (
    auth: TokenSource,
    q: PageQuery & { status?: string; channel?: string } = {},
  ): Promise<EhealthResult<z.infer<typeof PersonRequestListItem>[]>> =>
    client.call({
      method: 'GET',
      path: PIS_PATHS.personRequests,
      auth,
      query: q,
      data: z.array(PersonRequestListItem),
    }),

  getPersonRequest: (auth: TokenSource, id: string): Promise<EhealthResult<PersonRequest>> =>
    client.call({ method: 'GET', path: PIS_PATHS.personRequest(id), auth, data: PersonRequest }),

  completePersonRequest: (
    auth: TokenSource,
    id: string,
    signedContent: string,
    m: Mutation = {},
  ): Promise<EhealthResult<z.infer<typeof PersonRequestCompleted>>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.personRequestComplete(id),
      auth,
      body: { signed_content: signedContent, signed_content_encoding: 'base64' },
      data: PersonRequestCompleted,
      ...m,
    }),

  rejectPersonRequest: (
    auth: TokenSource,
    id: string,
    m: Mutation = {},
  ): Promise<EhealthResult<PersonRequest>> =>
    client.call({
      method: 'PATCH',
      path: PIS_PATHS.personRequestReject(id),
      auth,
      data: PersonRequest,
      ...m,
    }),
});
