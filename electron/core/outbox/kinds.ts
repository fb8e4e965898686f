import { z } from 'zod';
import type { OperationKind } from '#shared/contract/outbox';
import { PIS_PATHS, type HttpMethod } from '../ehealth';

export interface OutboundRequest {
  method: HttpMethod;
  path: string;
  body?: unknown;
}

/** The kiosk's own client credentials, read from its configuration when the request is sent (never stored). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  scope: string;
}

interface KindSpec<P> {
  params: z.ZodType<P>;
  /** `client` is given only to kinds sent as the kiosk (`auth: 'client'`). */
  request(p: P, client: ClientCredentials | null): OutboundRequest;
  /** The eHealth object the receipt refers to. */
  ehealthId(data: unknown, p: P): string | null;
  /** Needs the patient's signature attached before it may be sent (it is "held" until then). */
  signed: boolean;
  /**
   * Who it is sent as: `patient` (default) with the patient's stored tokens; `client`, as the
   * kiosk's PIS client with no patient tokens at all (a registration: the person has none yet) —
   * its rows carry no patient key, and the client id and secret go into the body at send time.
   */
  auth?: 'patient' | 'client';
}

const id = z.string().min(1).max(128);
const signature = z.string().min(16).max(4_000_000);

const dataField = (data: unknown, field: string): string | null => {
  const v = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' ? v : null;
};

const spec = <P>(s: KindSpec<P>): KindSpec<P> => s;

/**
 * Every mutating PIS call the kiosk makes, as an operation kind: its parameters (validated when
 * queued and again when read back), the HTTP request they become, and where the eHealth id of the
 * result is. Multi-step flows are sequences of these (declaration: create request → sign).
 */
export const OPERATION_KINDS = {
  'app.revoke': spec({
    params: z.object({ appId: id }),
    request: (p) => ({ method: 'DELETE', path: PIS_PATHS.app(p.appId) }),
    ehealthId: (_d, p) => p.appId,
    signed: false,
  }),
  'declaration.terminate': spec({
    params: z.object({ declarationId: id, reasonDescription: z.string().max(1000).optional() }),
    request: (p) => ({
      method: 'PATCH',
      path: PIS_PATHS.declarationTerminate(p.declarationId),
      body: p.reasonDescription ? { reason_description: p.reasonDescription } : {},
    }),
    ehealthId: (_d, p) => p.declarationId,
    signed: false,
  }),
  'declaration-request.create': spec({
    params: z.object({ employeeId: id, divisionId: id }),
    request: (p) => ({
      method: 'POST',
      path: PIS_PATHS.declarationRequests,
      body: { employee_id: p.employeeId, division_id: p.divisionId },
    }),
    ehealthId: (d) => dataField(d, 'id'),
    signed: false,
  }),
  'declaration-request.sign': spec({
    params: z.object({ requestId: id, signedContent: signature }),
    request: (p) => ({
      method: 'PATCH',
      path: PIS_PATHS.declarationRequestSign(p.requestId),
      body: { signed_content: p.signedContent, signed_content_encoding: 'base64' },
    }),
    ehealthId: (d, p) => dataField(d, 'declaration_id') ?? p.requestId,
    signed: true,
  }),
  'declaration-request.reject': spec({
    params: z.object({ requestId: id }),
    request: (p) => ({ method: 'PATCH', path: PIS_PATHS.declarationRequestReject(p.requestId) }),
    ehealthId: (_d, p) => p.requestId,
    signed: false,
  }),
  'person-request.create': spec({
    params: z.object({
      person: z.record(z.string(), z.unknown()),
      patientSigned: z.boolean(),
      processDisclosureDataConsent: z.boolean(),
    }),
    request: (p) => ({
      method: 'POST',
      path: PIS_PATHS.personRequests,
      body: {
        person: p.person,
        patient_signed: p.patientSigned,
        process_disclosure_data_consent: p.processDisclosureDataConsent,
      },
    }),
    ehealthId: (d) => dataField(d, 'id'),
    signed: false,
  }),
  'person-request.complete': spec({
    params: z.object({ requestId: id, signedContent: signature }),
    request: (p) => ({
      method: 'PATCH',
      path: PIS_PATHS.personRequestComplete(p.requestId),
      body: { signed_content: p.signedContent, signed_content_encoding: 'base64' },
    }),
    ehealthId: (d, p) => dataField(d, 'id') ?? p.requestId,
    signed: true,
  }),
  'person-request.reject': spec({
    params: z.object({ requestId: id }),
    request: (p) => ({ method: 'PATCH', path: PIS_PATHS.personRequestReject(p.requestId) }),
    ehealthId: (_d, p) => p.requestId,
    signed: false,
  }),
  'auth-method-request.create': spec({
    params: z.object({
      phoneNumber: z.string().regex(/^\+38\d{10}$/),
      alias: z.string().max(100).optional(),
    }),
    request: (p) => ({
      method: 'POST',
      path: PIS_PATHS.authenticationMethodRequests,
      body: {
        authentication_method: {
          type: 'OTP',
          phone_number: p.phoneNumber,
          ...(p.alias ? { alias: p.alias } : {}),
        },
      },
    }),
    ehealthId: (d) => dataField(d, 'id'),
    signed: false,
  }),
  'auth-method-request.approve': spec({
    params: z.object({ requestId: id, verificationCode: z.number().int().min(0).max(9999) }),
    request: (p) => ({
      method: 'PATCH',
      path: PIS_PATHS.authenticationMethodRequestApprove(p.requestId),
      body: { verification_code: p.verificationCode },
    }),
    ehealthId: (_d, p) => p.requestId,
    signed: false,
  }),
  'auth-method.deactivate': spec({
    params: z.object({ methodId: id }),
    request: (p) => ({ method: 'PATCH', path: PIS_PATHS.authenticationMethodDeactivate(p.methodId) }),
    ehealthId: (_d, p) => p.methodId,
    signed: false,
  }),
  'auth-method.set-alias': spec({
    params: z.object({ methodId: id, alias: z.string().min(1).max(100) }),
    request: (p) => ({
      method: 'PATCH',
      path: PIS_PATHS.authenticationMethod(p.methodId),
      body: { alias: p.alias },
    }),
    ehealthId: (_d, p) => p.methodId,
    signed: false,
  }),
  /**
   * The registration of a person eHealth does not know (POST /api/pis/sign-up): the patient's signed
   * registration, with the sign-in nonce inside, and the SMS code. Sent as the kiosk's client; its
   * deadline is the nonce's expiry.
   */
  'registration.sign-up': spec({
    params: z.object({
      signedContent: signature,
      otp: z.number().int().min(0).max(9999).nullable(),
    }),
    request: (p, client) => ({
      method: 'POST',
      path: PIS_PATHS.signUp,
      body: {
        signed_content: p.signedContent,
        signed_content_encoding: 'base64',
        ...(p.otp === null ? {} : { otp: p.otp }),
        token: {
          grant_type: 'pis_auth',
          client_id: client?.clientId ?? '',
          client_secret: client?.clientSecret ?? '',
          scope: client?.scope ?? '',
        },
      },
    }),
    ehealthId: (d) => {
      const person = d && typeof d === 'object' ? (d as Record<string, unknown>).person : null;
      return dataField(person, 'id');
    },
    signed: true,
    auth: 'client',
  }),
} satisfies Record<OperationKind, { signed: boolean; params: z.ZodType; auth?: 'patient' | 'client' }>;

export type KindParams<K extends OperationKind> = z.infer<(typeof OPERATION_KINDS)[K]['params']>;

export const isOperationKind = (k: string): k is OperationKind =>
  Object.prototype.hasOwnProperty.call(OPERATION_KINDS, k);

/**
 * Validates parameters for a kind and builds the request; null when they do not fit the kind, or
 * when a kind sent as the kiosk's client finds no client credentials configured.
 */
export function buildRequest(
  kind: string,
  params: unknown,
  client: ClientCredentials | null = null,
): { request: OutboundRequest; ehealthId: (data: unknown) => string | null } | null {
  if (!isOperationKind(kind)) return null;
  const s = OPERATION_KINDS[kind] as unknown as KindSpec<unknown>;
  const parsed = s.params.safeParse(params);
  if (!parsed.success) return null;
  const asClient = s.auth === 'client';
  if (asClient && !client) return null;
  return {
    request: s.request(parsed.data, asClient ? client : null),
    ehealthId: (data) => s.ehealthId(data, parsed.data),
  };
}

export const isSignedKind = (kind: OperationKind): boolean => OPERATION_KINDS[kind].signed;

/** Sent as the kiosk's PIS client, without any patient tokens (see `KindSpec.auth`). */
export const isClientKind = (kind: string): boolean =>
  isOperationKind(kind) && (OPERATION_KINDS[kind] as { auth?: string }).auth === 'client';
