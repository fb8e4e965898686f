/**
 * A scripted walk through every patient endpoint of the sandbox with the personas' real keys:
 * sign-in → person → authentication methods → directory → declaration request (create, sign) →
 * declarations → person request → apps → registration (phone verification, sign-up) → logout. Each step must answer the expected status.
 *
 * Run alone to record traffic for the conformance checker:
 *   npx tsx test/integration/sandbox-walk.ts --record walk.jsonl [--seed small|national]
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import {
  call,
  directoryOf,
  findEmployee,
  nonce,
  registrationPerson,
  signAs,
  signIn,
  signInBody,
  signUpBody,
  smsCode,
  type ApiResponse,
  TEST_KEYS_DIR,
} from './sandbox-helpers';
import { greyJpeg } from './jpeg-fixture';

export interface WalkStep {
  step: string;
  status: number;
  expected: number;
}

export async function runWalk(sb: SandboxHandle): Promise<WalkStep[]> {
  const steps: WalkStep[] = [];
  const expect = (step: string, r: ApiResponse, expected: number): ApiResponse => {
    steps.push({ step, status: r.status, expected });
    if (r.status !== expected)
      throw new Error(`${step}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };

  // sign-in
  const jwt = await nonce(sb);
  const signedNonce = await signAs(sb, 'adult-no-declaration', { jwt });
  const signInR = expect(
    'sign-in',
    await call(sb, 'POST', '/api/pis/sign-in', { body: signInBody(sb, signedNonce) }),
    201,
  );
  const refresh = signInR.body.data.details.refresh_token as string;
  const refreshed = expect(
    'refresh',
    await call(sb, 'POST', '/oauth/tokens', {
      body: {
        token: {
          client_id: sb.clientId,
          client_secret: sb.clientSecret,
          refresh_token: refresh,
          grant_type: 'refresh_token',
        },
      },
    }),
    201,
  );
  const token = refreshed.body.data.value as string;

  // person
  const person = expect('person', await call(sb, 'GET', '/api/pis/person', { token }), 200).body.data;
  expect('verification', await call(sb, 'GET', '/api/pis/person/verification', { token }), 200);
  expect(
    'authentication methods',
    await call(sb, 'GET', '/api/pis/person/authentication_methods', { token }),
    200,
  );
  const phone = '+380501239876';
  const methodRequest = expect(
    'auth method request',
    await call(sb, 'POST', '/api/pis/authentication_method_requests', {
      token,
      body: { authentication_method: { type: 'OTP', phone_number: phone, alias: 'запасний' } },
    }),
    201,
  ).body.data;
  expect(
    'resend otp',
    await call(sb, 'POST', `/api/pis/authentication_method_requests/${methodRequest.id}/actions/resend_otp`, {
      token,
    }),
    200,
  );
  const sms = (await call(sb, 'GET', `/sandbox/sms?phone=${encodeURIComponent(phone)}`, { apiKey: null }))
    .body.data[0];
  expect(
    'approve auth method',
    await call(sb, 'PATCH', `/api/pis/authentication_method_requests/${methodRequest.id}/actions/approve`, {
      token,
      body: { verification_code: Number(sms.code) },
    }),
    201,
  );
  const methods = (await call(sb, 'GET', '/api/pis/person/authentication_methods', { token })).body.data as {
    id: string;
    phone_number?: string;
  }[];
  const added = methods.find((m) => m.phone_number === phone) as { id: string };
  expect(
    'rename auth method',
    await call(sb, 'PATCH', `/api/pis/authentication_methods/${added.id}`, {
      token,
      body: { alias: 'домашній' },
    }),
    201,
  );
  expect(
    'deactivate auth method',
    await call(sb, 'PATCH', `/api/pis/authentication_methods/${added.id}/actions/deactivate`, { token }),
    201,
  );

  // directory, addresses, dictionaries
  for (const what of [
    'parties',
    'employees',
    'employee_roles',
    'healthcare_services',
    'divisions',
    'legal_entities',
    'contract_divisions',
  ]) {
    expect(`bulk ${what}`, await call(sb, 'GET', `/api/pis/bulk/${what}?depth=7`), 200);
  }
  expect('bulk declarations_limit', await call(sb, 'GET', '/api/pis/bulk/declarations_limit'), 200);
  const regions = expect(
    'regions',
    await call(sb, 'GET', '/api/uaddresses/regions?name=%D0%9A%D0%B8%D1%97%D0%B2%D1%81%D1%8C%D0%BA%D0%B0'),
    200,
  ).body.data;
  const region = regions[0] as { id: string; region: string };
  const districts = expect(
    'districts',
    await call(
      sb,
      'GET',
      `/api/uaddresses/districts?region_id=${region.id}&region=${encodeURIComponent(region.region)}`,
    ),
    200,
  ).body.data;
  expect('region districts', await call(sb, 'GET', `/api/uaddresses/regions/${region.id}/districts`), 200);
  expect(
    'district settlements',
    await call(sb, 'GET', `/api/uaddresses/districts/${districts[0].id}/settlements`),
    200,
  );
  const settlements = expect(
    'settlements',
    await call(
      sb,
      'GET',
      `/api/uaddresses/settlements?region=${encodeURIComponent(region.region)}&name=${encodeURIComponent('Біла')}`,
    ),
    200,
  ).body.data;
  expect('streets', await call(sb, 'GET', `/api/uaddresses/streets?settlement_id=${settlements[0].id}`), 200);
  expect('dictionaries', await call(sb, 'GET', '/api/v2/dictionaries?name=SPECIALITY_TYPE'), 200);

  // declaration request → sign → declaration
  const dir = await directoryOf(sb);
  const doctor = findEmployee(dir, { speciality: 'FAMILY_DOCTOR' });
  const created = expect(
    'create declaration request',
    await call(sb, 'POST', '/api/pis/declaration_requests', {
      token,
      body: { employee_id: doctor.employeeId, division_id: doctor.divisionId },
    }),
    201,
  ).body.data;
  expect(
    'list declaration requests',
    await call(sb, 'GET', '/api/pis/declaration_requests?status=NEW&page=1&page_size=10', { token }),
    200,
  );
  const details = expect(
    'declaration request details',
    await call(sb, 'GET', `/api/pis/declaration_requests/${created.id}`, { token }),
    200,
  ).body.data;
  const dtbs = details.data_to_be_signed;
  const signedRequest = await signAs(sb, 'adult-no-declaration', {
    ...dtbs,
    person: { ...dtbs.person, patient_signed: true },
  });
  expect(
    'sign declaration request',
    await call(sb, 'PATCH', `/api/pis/declaration_requests/${created.id}/actions/sign`, {
      token,
      body: { signed_content: signedRequest, signed_content_encoding: 'base64' },
    }),
    201,
  );
  expect(
    'list declarations',
    await call(sb, 'GET', '/api/pis/declarations?status=active&page=1&page_size=10', { token }),
    200,
  );
  expect(
    'declaration details',
    await call(sb, 'GET', `/api/pis/declarations/${created.declaration_id}`, { token }),
    200,
  );
  const other = findEmployee(dir, { speciality: 'THERAPIST' });
  const second = expect(
    'create second request',
    await call(sb, 'POST', '/api/pis/declaration_requests', {
      token,
      body: { employee_id: other.employeeId, division_id: other.divisionId },
    }),
    201,
  ).body.data;
  expect(
    'reject declaration request',
    await call(sb, 'PATCH', `/api/pis/declaration_requests/${second.id}/actions/reject`, { token }),
    201,
  );
  expect(
    'terminate declaration',
    await call(sb, 'PATCH', `/api/pis/declarations/${created.declaration_id}/actions/terminate`, {
      token,
      body: { reason_description: 'Навчальний сценарій' },
    }),
    200,
  );

  // person request → complete
  const { id: _id, verification: _v, ...update } = person;
  const pr = expect(
    'create person request',
    await call(sb, 'POST', '/api/pis/person_requests', {
      token,
      body: {
        person: { ...update, email: 'walk@example.com' },
        patient_signed: false,
        process_disclosure_data_consent: true,
      },
    }),
    201,
  ).body.data;
  expect(
    'list person requests',
    await call(sb, 'GET', '/api/pis/person_requests?page=1&page_size=10', { token }),
    200,
  );
  const prDetails = expect(
    'person request details',
    await call(sb, 'GET', `/api/pis/person_requests/${pr.id}`, { token }),
    200,
  ).body.data;
  const { inserted_at: _i, updated_at: _u, ...prContent } = prDetails;
  const signedPr = await signAs(sb, 'adult-no-declaration', { ...prContent, patient_signed: true });
  expect(
    'complete person request',
    await call(sb, 'PATCH', `/api/pis/person_requests/${pr.id}/actions/complete`, {
      token,
      body: { signed_content: signedPr, signed_content_encoding: 'base64' },
    }),
    200,
  );
  const pr2 = expect(
    'create person request 2',
    await call(sb, 'POST', '/api/pis/person_requests', {
      token,
      body: {
        person: { ...update, email: 'walk@example.com' },
        patient_signed: false,
        process_disclosure_data_consent: true,
      },
    }),
    201,
  ).body.data;
  expect('documents to upload', await call(sb, 'POST', '/api/pis/documents', { token }), 201);
  expect(
    'documents uploaded',
    await call(sb, 'PATCH', '/api/pis/documents/actions/complete', { token }),
    200,
  );
  expect(
    'reject person request',
    await call(sb, 'PATCH', `/api/pis/person_requests/${pr2.id}/actions/reject`, { token }),
    200,
  );

  // apps
  const withApps = await signIn(sb, 'adult-with-apps');
  const apps = expect(
    'list apps',
    await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: withApps.access }),
    200,
  ).body.data;
  expect(
    'app details',
    await call(sb, 'GET', `/api/pis/apps/${apps[0].id}`, { token: withApps.access }),
    200,
  );
  expect(
    'revoke app',
    await call(sb, 'DELETE', `/api/pis/apps/${apps[0].id}`, { token: withApps.access }),
    204,
  );

  // registration of a person eHealth does not know
  const regPhone = '+380951234508';
  const regNonce = await nonce(sb);
  expect(
    'phone verification',
    await call(sb, 'POST', '/api/sms_verifications', {
      token: regNonce,
      body: { factor: regPhone, type: 'SMS', content_hash: createHash('md5').update(regPhone).digest('hex') },
    }),
    200,
  );
  const regPerson = await registrationPerson(sb, 'unknown-drfo', regPhone);
  const signedReg = await signAs(sb, 'unknown-drfo', {
    person: regPerson,
    patient_signed: true,
    process_disclosure_data_consent: true,
    jwt: regNonce,
  });
  const registered = expect(
    'sign-up',
    await call(sb, 'POST', '/api/pis/sign-up', {
      body: signUpBody(sb, signedReg, Number(await smsCode(sb, regPhone))),
    }),
    201,
  ).body.data;
  expect('logout registered', await call(sb, 'POST', '/auth/logout', { token: registered.token.value }), 200);

  // a parent acts for a child: confidant sign-in, the child's data, a declaration signed with the
  // parent's key, and a change of the child's name that asks for a document, uploaded and completed
  const child = sb.personas.find((p) => p.id === 'child-5');
  if (!child) throw new Error('no child-5 persona');
  const [lastName, firstName, secondName] = child.fullName.split(' ');
  const identifies = (jwt: string) => ({
    last_name: lastName,
    given_name: `${firstName} ${secondName}`,
    tax_id: child.taxId,
    jwt,
  });
  const confidantBody = (signed: string) => ({
    signed_content: signed,
    signed_content_encoding: 'base64',
    token: {
      grant_type: 'pis_auth',
      client_id: sb.clientId,
      client_secret: sb.clientSecret,
      scope: sb.scope,
    },
  });
  const confidant = expect(
    'confidant sign-in',
    await call(sb, 'POST', '/api/pis/confidant/sign-in', {
      body: confidantBody(await signAs(sb, 'parent-of-two', identifies(await nonce(sb)))),
    }),
    201,
  ).body.data.value as string;
  expect(
    'confidant sign-in without relation',
    await call(sb, 'POST', '/api/pis/confidant/sign-in', {
      body: confidantBody(await signAs(sb, 'guardian-no-relation', identifies(await nonce(sb)))),
    }),
    403,
  );
  const childPerson = expect(
    'child person',
    await call(sb, 'GET', '/api/pis/person', { token: confidant }),
    200,
  ).body.data;
  expect(
    'child verification',
    await call(sb, 'GET', '/api/pis/person/verification', { token: confidant }),
    200,
  );
  const pediatrician = findEmployee(dir, { speciality: 'PEDIATRICIAN' });
  const childDr = expect(
    'child declaration request',
    await call(sb, 'POST', '/api/pis/declaration_requests', {
      token: confidant,
      body: { employee_id: pediatrician.employeeId, division_id: pediatrician.divisionId },
    }),
    201,
  ).body.data;
  const childDrSigned = await signAs(sb, 'parent-of-two', {
    ...childDr.data_to_be_signed,
    person: { ...childDr.data_to_be_signed.person, patient_signed: true },
  });
  expect(
    'child declaration request signed by the parent',
    await call(sb, 'PATCH', `/api/pis/declaration_requests/${childDr.id}/actions/sign`, {
      token: confidant,
      body: { signed_content: childDrSigned, signed_content_encoding: 'base64' },
    }),
    201,
  );
  expect(
    'child declarations',
    await call(sb, 'GET', '/api/pis/declarations?status=active', { token: confidant }),
    200,
  );
  const { id: _cid, verification: _cv, confidant_person: _cc, ...childUpdate } = childPerson;
  const renamed = expect(
    'child person request needing a document',
    await call(sb, 'POST', '/api/pis/person_requests', {
      token: confidant,
      body: {
        person: { ...childUpdate, first_name: 'Остапій' },
        patient_signed: false,
        process_disclosure_data_consent: true,
      },
    }),
    201,
  ).body;
  expect(
    'documents still to upload',
    await call(sb, 'POST', '/api/pis/documents', { token: confidant }),
    201,
  );
  expect(
    'documents not uploaded yet',
    await call(sb, 'PATCH', '/api/pis/documents/actions/complete', { token: confidant }),
    200,
  );
  const upload = await fetch(renamed.urgent.documents[0].url as string, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: greyJpeg(1240, 1754),
  });
  if (upload.status !== 200) throw new Error(`document upload: ${upload.status}`);
  const { inserted_at: _ci, updated_at: _cu, ...renamedContent } = renamed.data;
  expect(
    'child person request signed by the parent',
    await call(sb, 'PATCH', `/api/pis/person_requests/${renamed.data.id}/actions/complete`, {
      token: confidant,
      body: {
        signed_content: await signAs(sb, 'parent-of-two', { ...renamedContent, patient_signed: true }),
        signed_content_encoding: 'base64',
      },
    }),
    200,
  );
  expect(
    'documents complete',
    await call(sb, 'PATCH', '/api/pis/documents/actions/complete', { token: confidant }),
    200,
  );
  expect('logout confidant', await call(sb, 'POST', '/auth/logout', { token: confidant }), 200);

  expect('logout', await call(sb, 'POST', '/auth/logout', { token }), 200);
  expect('logout apps persona', await call(sb, 'POST', '/auth/logout', { token: withApps.access }), 200);
  return steps;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { record: { type: 'string' }, seed: { type: 'string' } } });
  const seed = values.seed === 'national' ? 'national' : 'small';
  const sb = await startSandbox({
    keysCacheDir: TEST_KEYS_DIR,
    seed,
    ...(values.record ? { record: values.record } : {}),
  });
  try {
    const steps = await runWalk(sb);
    process.stderr.write(`walk: ${steps.length} steps, all answered as expected\n`);
  } finally {
    await sb.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`walk failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
