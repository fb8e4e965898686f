import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxPersona } from '../../electron/sandbox';
import {
  call,
  directoryOf,
  findEmployee,
  nonce,
  signAs,
  signIn,
  TEST_KEYS_DIR,
  type DirectoryView,
} from './sandbox-helpers';

let sb: SandboxHandle;
let dir: DirectoryView;
let offsetMs = 0;
const base = Date.parse('2026-06-15T07:45:00.000Z');

beforeAll(async () => {
  sb = await startSandbox({
    keysCacheDir: TEST_KEYS_DIR,
    seed: 'small',
    now: () => new Date(base + offsetMs),
  });
  dir = await directoryOf(sb);
});
afterAll(async () => {
  await sb?.close();
});

const persona = (id: string): SandboxPersona => {
  const p = sb.personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

/** The child as the kiosk identifies them: names from the ready line, and a tax id. */
function childById(id: string, extra: Record<string, unknown> = {}) {
  const [lastName, firstName, secondName] = persona(id).fullName.split(' ');
  return {
    last_name: lastName,
    given_name: `${firstName} ${secondName}`,
    tax_id: persona(id).taxId,
    ...extra,
  };
}

const signInBody = (signedContent: string) => ({
  signed_content: signedContent,
  signed_content_encoding: 'base64',
  token: { grant_type: 'pis_auth', client_id: sb.clientId, client_secret: sb.clientSecret, scope: sb.scope },
});

async function confidantSignIn(confidant: string, content: unknown) {
  const signed = await signAs(sb, confidant, content);
  return call(sb, 'POST', '/api/pis/confidant/sign-in', { body: signInBody(signed) });
}

/** A confidant's session for the child (with a nonce in the content). */
async function actFor(confidant: string, child: Record<string, unknown>) {
  const r = await confidantSignIn(confidant, { ...child, jwt: await nonce(sb) });
  if (r.status !== 201) throw new Error(`confidant sign-in: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data as { value: string; user_id: string; details: Record<string, string> };
}

describe('confidant sign-in', () => {
  it('lists the new personas in the ready line: the parent and the guardian with keys, child-5 without', () => {
    expect(persona('parent-of-two')).toMatchObject({ keyFile: expect.stringMatching(/\S/) });
    expect(persona('guardian-no-relation')).toMatchObject({ keyFile: expect.stringMatching(/\S/) });
    expect(persona('child-5')).toMatchObject({ keyFile: '', password: '' });
    expect(persona('child-5').birthDate < persona('child-13').birthDate).toBe(false);
  });

  it('a parent acts for child-5: the token is the child’s, the parent is its applicant', async () => {
    const own = await signIn(sb, 'parent-of-two');
    const session = await actFor('parent-of-two', childById('child-5'));
    expect(session.details).toMatchObject({
      applicant_person_id: own.personId,
      applicant_user_id: own.userId,
      grant_type: 'pis_auth',
      scope: sb.scope,
    });
    expect(session.user_id).not.toBe(own.userId);
    const person = (await call(sb, 'GET', '/api/pis/person', { token: session.value })).body.data;
    expect(person).toMatchObject({
      last_name: 'Мельник',
      first_name: 'Остап',
      tax_id: persona('child-5').taxId,
    });
    expect(person.confidant_person).toContainEqual(
      expect.objectContaining({ person_id: own.personId, relation_type: 'PRIMARY' }),
    );
    const verification = (await call(sb, 'GET', '/api/pis/person/verification', { token: session.value }))
      .body.data;
    expect(verification.confidant_person_relationship_verification).toMatchObject({
      verification_status: 'VERIFIED',
    });

    // the refresh keeps who acts
    const refreshed = await call(sb, 'POST', '/oauth/tokens', {
      body: {
        token: {
          client_id: sb.clientId,
          client_secret: sb.clientSecret,
          refresh_token: session.details.refresh_token,
          grant_type: 'refresh_token',
        },
      },
    });
    expect(refreshed.status).toBe(201);
    expect(refreshed.body.data.details.applicant_person_id).toBe(own.personId);
    const again = await call(sb, 'GET', '/api/pis/person', { token: refreshed.body.data.value });
    expect(again.body.data.first_name).toBe('Остап');
  });

  it('identifies child-13 by the birth certificate; fresh content without a nonce is taken once', async () => {
    const own = (await signIn(sb, 'child-13')).access;
    const cert = (await call(sb, 'GET', '/api/pis/person', { token: own })).body.data.documents[0];
    expect(cert.type).toBe('BIRTH_CERTIFICATE');
    const { tax_id: _t, ...names } = childById('child-13');
    const content = { ...names, document: { type: 'BIRTH_CERTIFICATE', number: cert.number } };
    const signed = await signAs(sb, 'parent-of-two', content);
    const first = await call(sb, 'POST', '/api/pis/confidant/sign-in', { body: signInBody(signed) });
    expect(first.status).toBe(201);
    const person = await call(sb, 'GET', '/api/pis/person', { token: first.body.data.value });
    expect(person.body.data.first_name).toBe('Дарина');
    const replay = await call(sb, 'POST', '/api/pis/confidant/sign-in', { body: signInBody(signed) });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/already been used/);

    // signed now, sent 20 minutes later: too old
    const late = await signAs(sb, 'parent-of-two', { ...content, given_name: 'Дарина' });
    offsetMs += 20 * 60_000;
    const r = await call(sb, 'POST', '/api/pis/confidant/sign-in', { body: signInBody(late) });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/too old/);
  });

  it('refuses without a registered relation (403), for nobody known (404), without an identifier (422)', async () => {
    const none = await confidantSignIn('guardian-no-relation', {
      ...childById('child-5'),
      jwt: await nonce(sb),
    });
    expect(none.status).toBe(403);
    expect(none.body.error).toMatchObject({
      type: 'forbidden',
      message: 'There is no registered relation between the confidant person and the patient',
    });
    const herself = await confidantSignIn('parent-of-two', {
      ...childById('parent-of-two'),
      jwt: await nonce(sb),
    });
    expect(herself.status).toBe(403);
    const nobody = await confidantSignIn('parent-of-two', {
      ...childById('child-5'),
      given_name: 'Петро',
      jwt: await nonce(sb),
    });
    expect(nobody.status).toBe(404);
    const { tax_id: _t, ...nameOnly } = childById('child-5');
    const vague = await confidantSignIn('parent-of-two', { ...nameOnly, jwt: await nonce(sb) });
    expect(vague.status).toBe(422);
    expect(vague.body.error.invalid[0].entry).toBe('$.signed_content.tax_id');
  });

  it('checks the signature as sign-in does: time-stamp, revoked certificate, unknown signer, nonce', async () => {
    const child = childById('child-5');
    const noStamp = await signAs(
      sb,
      'parent-of-two',
      { ...child, jwt: await nonce(sb) },
      { timestamp: false },
    );
    expect((await call(sb, 'POST', '/api/pis/confidant/sign-in', { body: signInBody(noStamp) })).status).toBe(
      400,
    );
    expect((await confidantSignIn('adult-revoked-cert', { ...child, jwt: await nonce(sb) })).status).toBe(
      400,
    );
    expect((await confidantSignIn('unknown-drfo', { ...child, jwt: await nonce(sb) })).status).toBe(401);
    const jwt = await nonce(sb);
    expect((await confidantSignIn('parent-of-two', { ...child, jwt })).status).toBe(201);
    expect((await confidantSignIn('parent-of-two', { ...child, jwt })).status).toBe(401);
    const wrongSecret = await call(sb, 'POST', '/api/pis/confidant/sign-in', {
      body: {
        ...signInBody(await signAs(sb, 'parent-of-two', { ...child, jwt: await nonce(sb) })),
        token: { grant_type: 'pis_auth', client_id: sb.clientId, client_secret: 'nope', scope: sb.scope },
      },
    });
    expect(wrongSecret.status).toBe(401);
  });
});

describe('acting for the child', () => {
  it('a declaration for child-5 with a pediatrician, signed with the parent’s key', async () => {
    const own = await signIn(sb, 'parent-of-two');
    const session = await actFor('parent-of-two', childById('child-5'));
    const token = session.value;
    const therapist = findEmployee(dir, { speciality: 'THERAPIST' });
    const wrongAge = await call(sb, 'POST', '/api/pis/declaration_requests', {
      token,
      body: { employee_id: therapist.employeeId, division_id: therapist.divisionId },
    });
    expect(wrongAge.status).toBe(422);
    const pediatrician = findEmployee(dir, { speciality: 'PEDIATRICIAN' });
    const r = await call(sb, 'POST', '/api/pis/declaration_requests', {
      token,
      body: { employee_id: pediatrician.employeeId, division_id: pediatrician.divisionId },
    });
    expect(r.status).toBe(201);
    const d = r.body.data;
    expect(d.data_to_be_signed.person).toMatchObject({ first_name: 'Остап' });
    const content = {
      ...d.data_to_be_signed,
      person: { ...d.data_to_be_signed.person, patient_signed: true },
    };
    const sign = (signed: string) =>
      call(sb, 'PATCH', `/api/pis/declaration_requests/${d.id}/actions/sign`, {
        token,
        body: { signed_content: signed, signed_content_encoding: 'base64' },
      });
    const byStranger = await sign(await signAs(sb, 'guardian-no-relation', content));
    expect(byStranger.status).toBe(422);
    expect(byStranger.body.error.message).toBe('Does not match the signer drfo');
    const signed = await sign(await signAs(sb, 'parent-of-two', content));
    expect(signed.status).toBe(201);

    const active = await call(sb, 'GET', '/api/pis/declarations?status=active', { token });
    expect(active.body.data).toEqual([expect.objectContaining({ id: d.declaration_id })]);
    const stored = (
      await call(sb, 'GET', `/sandbox/signed_content/declarations/${d.declaration_id}`, { apiKey: null })
    ).body.data;
    expect(stored.applicant_person_id).toBe(own.personId);
    // the parent's own cabinet does not have the child's declaration
    const parents = await call(sb, 'GET', '/api/pis/declarations?status=active', { token: own.access });
    expect(parents.body.data.map((x: { id: string }) => x.id)).not.toContain(d.declaration_id);
  });

  it('a person request for child-13, signed by the parent and recorded with them', async () => {
    const own = await signIn(sb, 'parent-of-two');
    const { tax_id: taxId } = childById('child-13');
    const session = await actFor('parent-of-two', childById('child-13', { tax_id: taxId }));
    const token = session.value;
    const current = (await call(sb, 'GET', '/api/pis/person', { token })).body.data;
    const { id: _id, verification: _v, confidant_person: _c, ...person } = current;
    const r = await call(sb, 'POST', '/api/pis/person_requests', {
      token,
      body: {
        person: { ...person, email: 'daryna.new@example.com' },
        patient_signed: false,
        process_disclosure_data_consent: true,
      },
    });
    expect(r.status).toBe(201);
    const { inserted_at: _i, updated_at: _u, ...data } = r.body.data;
    const path = `/api/pis/person_requests/${data.id}/actions/complete`;
    const byChild = await signAs(sb, 'child-13', { ...data, patient_signed: true });
    expect(
      (
        await call(sb, 'PATCH', path, {
          token,
          body: { signed_content: byChild, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(422);
    const byParent = await signAs(sb, 'parent-of-two', { ...data, patient_signed: true });
    const done = await call(sb, 'PATCH', path, {
      token,
      body: { signed_content: byParent, signed_content_encoding: 'base64' },
    });
    expect(done.status).toBe(200);
    const after = (await call(sb, 'GET', '/api/pis/person', { token })).body.data;
    expect(after.email).toBe('daryna.new@example.com');
    expect(after.confidant_person).toHaveLength(2);
    const stored = (
      await call(sb, 'GET', `/sandbox/signed_content/person_requests/${data.id}`, { apiKey: null })
    ).body.data;
    expect(stored.applicant_person_id).toBe(own.personId);

    // child-13's own session still may not act
    const child = (await signIn(sb, 'child-13')).access;
    expect(
      (
        await call(sb, 'POST', '/api/pis/person_requests', {
          token: child,
          body: { person, patient_signed: false, process_disclosure_data_consent: true },
        })
      ).status,
    ).toBe(403);
  });
});
