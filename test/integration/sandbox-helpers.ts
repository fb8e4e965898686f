/**
 * Helpers for the sandbox's integration tests: a small HTTP client with the eHealth headers, and
 * signing with the personas' real key files through the e-signature module and the sandbox's TSA.
 */
import { readFileSync } from 'node:fs';
import { openKeyContainer, signJson, type OpenedKey } from '../../electron/core/esign';
import type { SandboxHandle } from '../../electron/sandbox';

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

export async function call(sb: SandboxHandle, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  const apiKey = opts.apiKey === undefined ? sb.apiKey : opts.apiKey;
  if (apiKey !== null) headers['api-key'] = apiKey;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined = opts.rawBody;
  if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${sb.baseUrl}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
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
  const opened = await openKeyContainer(new Uint8Array(readFileSync(persona.keyFile)), new Uint8Array(Buffer.from(persona.password, 'utf8')), {
    certificates: [new Uint8Array(readFileSync(persona.certificateFile))],
    now: () => at ?? sb.clock.now(),
  });
  if (!opened.ok) throw new Error(`cannot open ${personaId}: ${opened.error.message}`);
  keys.set(cacheKey, opened.value);
  return opened.value;
}

export const tsaOf = (sb: SandboxHandle) => async (request: Uint8Array) => {
  const res = await fetch(sb.tsaUrl, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: request });
  if (!res.ok) throw new Error(`TSA answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/** Signs JSON as the persona (attached CAdES, content time-stamp from the sandbox TSA). */
export async function signAs(sb: SandboxHandle, personaId: string, value: unknown, opts: { at?: Date; timestamp?: boolean } = {}): Promise<string> {
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
  const r = await call(sb, 'POST', '/oauth/nonce', { body: { client_id: sb.clientId, client_secret: sb.clientSecret } });
  if (r.status !== 200) throw new Error(`nonce: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data.token as string;
}

export function signInBody(sb: SandboxHandle, signedContent: string, scope = sb.scope) {
  return {
    token: { grant_type: 'pis_auth', client_id: sb.clientId, client_secret: sb.clientSecret, signed_content: signedContent, signed_content_encoding: 'base64', scope },
  };
}

/** The whole trusted-PIS sign-in: nonce → sign {"jwt": nonce} → POST /api/pis/sign-in. */
export async function signIn(sb: SandboxHandle, personaId: string, scope = sb.scope): Promise<Session> {
  const jwt = await nonce(sb);
  const signed = await signAs(sb, personaId, { jwt });
  const r = await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signed, scope) });
  if (r.status !== 201) throw new Error(`sign-in ${personaId}: ${r.status} ${JSON.stringify(r.body)}`);
  const d = r.body.data;
  return { access: d.value, refresh: d.details.refresh_token, userId: d.user_id, personId: d.details.applicant_person_id, appId: d.details.app_id, expiresAt: d.expires_at };
}
