/**
 * Helpers for the outbox, directory and chaos tests: a kiosk-side sign-in through the kiosk's own
 * eHealth client (nonce → the persona signs {"jwt": nonce} with its real key → pis_auth), and the
 * sandbox's inspection of how often an idempotency key was applied.
 */
import type { PisApi } from '../../electron/core/ehealth/pis-api';
import type { TokenSet } from '../../electron/core/ehealth/tokens';
import type { SandboxHandle } from '../../electron/sandbox';
import { signAs } from './sandbox-helpers';

export interface KioskSignIn {
  tokens: TokenSet;
  personId: string;
}

export async function kioskSignIn(sb: SandboxHandle, api: PisApi, personaId: string): Promise<KioskSignIn> {
  const nonce = await api.auth.nonce();
  if (!nonce.ok) throw new Error(`nonce: ${nonce.error.message}`);
  const signed = await signAs(sb, personaId, { jwt: nonce.value.data.token });
  const token = await api.auth.signIn(signed, sb.scope);
  if (!token.ok) throw new Error(`sign-in ${personaId}: ${token.error.message}`);
  const personId = token.value.data.user?.person_id ?? token.value.data.details?.applicant_person_id;
  if (!personId) throw new Error('sign-in answer names no person');
  return { tokens: api.tokenSetFrom(token.value.data), personId };
}

export interface Applied {
  applied: number;
  replays: number;
  state: string | null;
}

/** How many times the sandbox applied a change under this idempotency key. */
export async function appliedUnder(sb: SandboxHandle, key: string): Promise<Applied> {
  const r = await fetch(`${sb.baseUrl}/sandbox/operations?idempotency_key=${encodeURIComponent(key)}`);
  const body = (await r.json()) as { data: Applied };
  return body.data;
}

/** The person as the kiosk would send it back in a person request: the GET answer without server fields. */
export async function currentPersonPayload(api: PisApi, tokens: TokenSet): Promise<Record<string, unknown>> {
  const source = api.patientTokens(tokens);
  const p = await api.person.get(source);
  if (!p.ok) throw new Error(`person: ${p.error.message}`);
  const { id: _id, verification: _v, confidant_person: _c, ...rest } = p.value.data;
  return rest;
}
