/**
 * Helpers for the sandbox's integration tests: a small HTTP client with the eHealth headers, and
 * signing with the personas' real key files through the e-signature module and the sandbox's TSA.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyContainer, signJson, type OpenedKey } from '../../electron/core/esign';
import type { SandboxHandle } from '../../electron/sandbox';

/** Persona keys shared by the sandboxes of the test run (writing Key-6.dat files takes seconds). */
export const TEST_KEYS_DIR = join(tmpdir(), 'kiosk-sandbox-test-keys');

export interface ApiResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON envelopes
  body: any;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  apiKey?: string | null;
  headers?: Record<string, string>;
  rawBody?: string;
}

export async function call(
  sb: SandboxHandle,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  const apiKey = opts.apiKey === undefined ? sb.apiKey : opts.apiKey;
  if (apiKey !== null) headers['api-key'] = apiKey;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined = opts.rawBody;
  if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${sb.baseUrl}${path}`, {
    method,
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, body, headers: res.headers };
}

const keys = new Map<string, OpenedKey>();

/** Opens a persona's key once per test file (Key-6.dat decryption is slow on purpose). */
export async function personaKey(sb: SandboxHandle, personaId: string, at?: Date): Promise<OpenedKey> {
  const cacheKey = `${sb.baseUrl}:${personaId}:${at?.toISOString() ?? ''}`;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  const persona = sb.personas.find((p) => p.id === personaId);
  if (!persona) throw new Error(`no persona ${personaId}`);
  const opened = await openKeyContainer(
    new Uint8Array(readFileSync(persona.keyFile)),
    new Uint8Array(Buffer.from(persona.password, 'utf8')),
    {
      certificates: [new Uint8Array(readFileSync(persona.certificateFile))],
      now: () => at ?? sb.clock.now(),
    },
  );
  if (!opened.ok) throw new Error(`cannot open ${personaId}: ${opened.error.message}`);
  keys.set(cacheKey, opened.value);
  return opened.value;
}

export const tsaOf = (sb: SandboxHandle) => async (request: Uint8Array) => {
  const res = await fetch(sb.tsaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: request,
  });
  if (!res.ok) throw new Error(`TSA answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/** Signs JSON as the persona (attached CAdES, content time-stamp from the sandbox TSA). */
export async function signAs(
  sb: SandboxHandle,
  personaId: string,
  value: unknown,
  opts: { at?: Date; timestamp?: boolean } = {},
): Promise<string> {
  const key = await personaKey(sb, personaId, opts.at);
  const signed = await signJson(key, typeof value === 'string' ? value : JSON.stringify(value), {
    tsa: opts.timestamp === false ? null : tsaOf(sb),
    now: () => opts.at ?? sb.clock.now(),
  });
  if (!signed.ok) throw new Error(`signing failed: ${signed.error.message}`);
  return signed.value.signedContent;
}

export interface Session {
  access: string;
  refresh: string;
  userId: string;
  personId: string;
  appId: string;
  expiresAt: number;
}

export async function nonce(sb: SandboxHandle): Promise<string> {
  const r = await call(sb, 'POST', '/oauth/nonce', {
    body: { client_id: sb.clientId, client_secret: sb.clientSecret },
  });
  if (r.status !== 200) throw new Error(`nonce: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data.token as string;
}

export function signInBody(sb: SandboxHandle, signedContent: string, scope = sb.scope) {
  return {
    token: {
      grant_type: 'pis_auth',
      client_id: sb.clientId,
      client_secret: sb.clientSecret,
      signed_content: signedContent,
      signed_content_encoding: 'base64',
      scope,
    },
  };
}

/** The whole trusted-PIS sign-in: nonce → sign {"jwt": nonce} → POST /api/pis/sign-in. */
export async function signIn(sb: SandboxHandle, personaId: string, scope = sb.scope): Promise<Session> {
  const jwt = await nonce(sb);
  const signed = await signAs(sb, personaId, { jwt });
  const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed, scope) });
  if (r.status !== 201) throw new Error(`sign-in ${personaId}: ${r.status} ${JSON.stringify(r.body)}`);
  const d = r.body.data;
  return {
    access: d.value,
    refresh: d.details.refresh_token,
    userId: d.user_id,
    personId: d.details.applicant_person_id,
    appId: d.details.app_id,
    expiresAt: d.expires_at,
  };
}

export interface DirectoryView {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bulk rows are read as JSON
  employees: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bulk rows are read as JSON
  divisions: Map<string, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bulk rows are read as JSON
  legalEntities: Map<string, any>;
  limits: Map<string, { declarations_limit: number; declarations_count: number }>;
}

/** The directory as a PIS replicates it: through the bulk endpoints. */
export async function directoryOf(sb: SandboxHandle): Promise<DirectoryView> {
  const get = async (what: string) => {
    const r = await call(sb, 'GET', `/api/pis/bulk/${what}`);
    if (r.status !== 200) throw new Error(`bulk ${what}: ${r.status}`);
    return r.body.data as { id: string; party_id?: string }[];
  };
  const [employees, divisions, legalEntities, limits] = await Promise.all([
    get('employees'),
    get('divisions'),
    get('legal_entities'),
    get('declarations_limit'),
  ]);
  return {
    employees,
    divisions: new Map(divisions.map((d) => [d.id, d])),
    legalEntities: new Map(legalEntities.map((l) => [l.id, l])),
    limits: new Map(
      (
        limits as unknown as { party_id: string; declarations_limit: number; declarations_count: number }[]
      ).map((l) => [l.party_id, l]),
    ),
  };
}

export interface DoctorCriteria {
  speciality?: string;
  employeeStatus?: string;
  employeeType?: string;
  legalEntityStatus?: string;
  legalEntityType?: string | string[];
  divisionStatus?: string;
  full?: boolean;
}

/** The first employee matching every criterion (defaults: an eligible doctor with free places). */
export function findEmployee(
  dir: DirectoryView,
  c: DoctorCriteria = {},
): { employeeId: string; divisionId: string; partyId: string; legalEntityId: string } {
  const types =
    c.legalEntityType === undefined
      ? ['PRIMARY_CARE', 'MSP']
      : Array.isArray(c.legalEntityType)
        ? c.legalEntityType
        : [c.legalEntityType];
  for (const e of dir.employees) {
    if ((c.employeeType ?? 'DOCTOR') !== e.employee_type) continue;
    if ((c.employeeStatus ?? 'APPROVED') !== e.status) continue;
    if (c.speciality && e.speciality?.speciality !== c.speciality) continue;
    const le = dir.legalEntities.get(e.legal_entity_id);
    if (!le || le.status !== (c.legalEntityStatus ?? 'ACTIVE') || !types.includes(le.type)) continue;
    const div = e.division_id
      ? dir.divisions.get(e.division_id)
      : [...dir.divisions.values()].find((d) => d.legal_entity_id === e.legal_entity_id);
    if (!div || div.status !== (c.divisionStatus ?? 'ACTIVE')) continue;
    const limit = dir.limits.get(e.party_id);
    if (c.full !== undefined && limit) {
      const isFull = limit.declarations_count >= limit.declarations_limit;
      if (isFull !== c.full) continue;
    }
    if (c.full === undefined && limit && limit.declarations_count >= limit.declarations_limit) continue;
    return { employeeId: e.id, divisionId: div.id, partyId: e.party_id, legalEntityId: e.legal_entity_id };
  }
  throw new Error(`no employee matches ${JSON.stringify(c)}`);
}

/** A settlement of the address register (the first of the first region), as the kiosk's address editor picks one. */
export async function someSettlement(
  sb: SandboxHandle,
): Promise<{ id: string; name: string; type: string; region: string }> {
  const regions = await call(sb, 'GET', '/api/uaddresses/regions');
  const region = regions.body.data[0] as { id: string; region: string };
  const settlements = await call(
    sb,
    'GET',
    `/api/uaddresses/settlements?region=${encodeURIComponent(region.region)}`,
  );
  const s = settlements.body.data[0] as { id: string; name: string; type: string };
  return { id: s.id, name: s.name, type: s.type, region: region.region };
}

/**
 * The registration an unregistered persona would type: names as given (default: the persona's own,
 * from the ready line), tax id and birth date from the ready line, one OTP method for `phone`.
 */
export async function registrationPerson(
  sb: SandboxHandle,
  personaId: string,
  phone: string,
  names?: { last: string; first: string; second: string },
): Promise<Record<string, unknown>> {
  const persona = sb.personas.find((p) => p.id === personaId);
  if (!persona) throw new Error(`no persona ${personaId}`);
  const [last, first, second] = persona.fullName.split(' ') as [string, string, string];
  const n = names ?? { last, first, second };
  const s = await someSettlement(sb);
  const issued = `${Number(persona.birthDate.slice(0, 4)) + 20}${persona.birthDate.slice(4)}`;
  return {
    first_name: n.first,
    last_name: n.last,
    second_name: n.second,
    birth_date: persona.birthDate,
    birth_country: 'Україна',
    birth_settlement: 'Житомир',
    gender: 'MALE',
    no_tax_id: false,
    tax_id: persona.taxId,
    secret: 'Ромашка',
    documents: [
      { type: 'PASSPORT', number: 'ВК123456', issued_by: 'Житомирський МВ УМВС', issued_at: issued },
    ],
    addresses: [
      {
        type: 'RESIDENCE',
        country: 'UA',
        area: s.region,
        settlement: s.name,
        settlement_type: s.type,
        settlement_id: s.id,
        building: '15',
      },
    ],
    phones: [{ type: 'MOBILE', number: phone }],
    authentication_methods: [{ type: 'OTP', phone_number: phone }],
    emergency_contact: {
      first_name: 'Ганна',
      last_name: 'Пилипенко',
      phones: [{ type: 'MOBILE', number: '+380951234599' }],
    },
    process_disclosure_data_consent: true,
  };
}

/** The newest SMS code sent to a phone (the sandbox's inbox). */
export async function smsCode(sb: SandboxHandle, phone: string): Promise<string> {
  const r = await call(sb, 'GET', `/sandbox/sms?phone=${encodeURIComponent(phone)}`, { apiKey: null });
  const code = r.body.data?.[0]?.code as string | undefined;
  if (!code) throw new Error(`no SMS to ${phone}`);
  return code;
}

export function signUpBody(sb: SandboxHandle, signedContent: string, otp?: number, scope = sb.scope) {
  return {
    signed_content: signedContent,
    signed_content_encoding: 'base64',
    ...(otp === undefined ? {} : { otp }),
    token: { grant_type: 'pis_auth', client_id: sb.clientId, client_secret: sb.clientSecret, scope },
  };
}
