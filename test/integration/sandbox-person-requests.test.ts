import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, signAs, signIn, TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;
let offsetMs = 0;
const base = Date.parse('2026-06-15T07:45:00.000Z');

beforeAll(async () => {
  sb = await startSandbox({
    keysCacheDir: TEST_KEYS_DIR,
    seed: 'small',
    now: () => new Date(base + offsetMs),
  });
});
afterAll(async () => {
  await sb?.close();
});

const as = async (personaId: string) => (await signIn(sb, personaId)).access;

/** The person as the kiosk would send it back: the GET answer without server-side fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
async function currentPerson(token: string): Promise<any> {
  const p = (await call(sb, 'GET', '/api/pis/person', { token })).body.data;
  const { id: _id, verification: _v, confidant_person: _c, ...rest } = p;
  return rest;
}

const submit = (token: string, person: unknown, extra: Record<string, unknown> = {}) =>
  call(sb, 'POST', '/api/pis/person_requests', {
    token,
    body: { person, patient_signed: false, process_disclosure_data_consent: true, ...extra },
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const toSign = (data: any) => {
  const { inserted_at: _i, updated_at: _u, ...rest } = data;
  return { ...rest, patient_signed: true };
};

describe('person requests', () => {
  it('creates, lists, reads, signs and applies a change of personal data', async () => {
    const token = await as('adult-no-declaration');
    const person = await currentPerson(token);
    const changed = {
      ...person,
      email: 'new.address@example.com',
      secret: 'Соняшник',
      phones: [
        { type: 'MOBILE', number: '+380501234502' },
        { type: 'LAND_LINE', number: '+380322123456' },
      ],
    };
    const r = await submit(token, changed);
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      status: 'APPROVED',
      channel: 'PIS',
      patient_signed: false,
      process_disclosure_data_consent: true,
      person: { email: 'new.address@example.com' },
    });
    expect(r.body.data.content).toContain('Запит на зміну персональних даних');
    expect(r.body.urgent).toEqual({ documents: [] });
    const id = r.body.data.id as string;

    const list = await call(sb, 'GET', '/api/pis/person_requests?status=APPROVED&page_size=10', { token });
    expect(list.body.data).toContainEqual(
      expect.objectContaining({
        id,
        status: 'APPROVED',
        person: { first_name: 'Андрій', last_name: "Дем'яненко", second_name: 'Іванович' },
      }),
    );
    expect(list.body.paging).toMatchObject({ page_number: 1, page_size: 10 });
    const details = await call(sb, 'GET', `/api/pis/person_requests/${id}`, { token });
    expect(details.body.data).toEqual(r.body.data);

    const signed = await signAs(sb, 'adult-no-declaration', toSign(details.body.data));
    const done = await call(sb, 'PATCH', `/api/pis/person_requests/${id}/actions/complete`, {
      token,
      body: { signed_content: signed, signed_content_encoding: 'base64' },
    });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ id, status: 'SIGNED' });
    const after = (await call(sb, 'GET', '/api/pis/person', { token })).body.data;
    expect(after.email).toBe('new.address@example.com');
    expect(after.phones).toHaveLength(2);
    expect(after.id).toBe(done.body.data.person_id);
    const signedDetails = await call(sb, 'GET', `/api/pis/person_requests/${id}`, { token });
    expect(signedDetails.body.urgent.links[0].type).toBe('SIGNED_CONTENT');
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/person_requests/${id}/actions/complete`, {
          token,
          body: { signed_content: signed, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(409);
  });

  it('refuses every broken person rule with the field that breaks it (422)', async () => {
    const token = await as('adult-with-apps');
    const p = await currentPerson(token);
    const nationalId = p.documents[0];
    const residence = p.addresses[0];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- variations of a JSON payload
    const cases: [string, any, string][] = [
      ['Russian letter in a name', { ...p, first_name: 'Тарас Ы' }, '$.person.first_name'],
      ['Latin letters in a name', { ...p, last_name: 'Serhiienko' }, '$.person.last_name'],
      [
        'tax id checksum',
        { ...p, tax_id: `${p.tax_id.slice(0, 9)}${(Number(p.tax_id[9]) + 1) % 10}` },
        '$.person.tax_id',
      ],
      ['tax id of 9 digits', { ...p, tax_id: '123456789' }, '$.person.tax_id'],
      ['refused tax id but one given', { ...p, no_tax_id: true }, '$.person.tax_id'],
      ['unzr of another birth date', { ...p, unzr: `19700101-${p.unzr.slice(9)}` }, '$.person.unzr'],
      ['unzr format', { ...p, unzr: '1990-01-01' }, '$.person.unzr'],
      ['ID card without unzr', { ...p, unzr: undefined }, '$.person.unzr'],
      ['no documents', { ...p, documents: [] }, '$.person.documents'],
      [
        'duplicate document type',
        { ...p, documents: [nationalId, nationalId] },
        '$.person.documents.[1].type',
      ],
      [
        'passport and ID card',
        { ...p, documents: [nationalId, { type: 'PASSPORT', number: 'КА123456', issued_at: '2010-01-01' }] },
        '$.person.documents',
      ],
      [
        'expired ID card',
        { ...p, documents: [{ ...nationalId, expiration_date: '2020-01-01' }] },
        '$.person.documents.[0].expiration_date',
      ],
      [
        'ID card without expiration',
        { ...p, documents: [{ ...nationalId, expiration_date: undefined }] },
        '$.person.documents.[0].expiration_date',
      ],
      [
        'bad ID card number',
        { ...p, documents: [{ ...nationalId, number: '12345' }] },
        '$.person.documents.[0].number',
      ],
      [
        'bad passport number',
        {
          ...p,
          documents: [{ type: 'PASSPORT', number: 'AB123456', issued_at: '2010-01-01' }],
          unzr: undefined,
        },
        '$.person.documents.[0].number',
      ],
      [
        'document issued before birth',
        { ...p, documents: [{ ...nationalId, issued_at: '1950-01-01' }] },
        '$.person.documents.[0].issued_at',
      ],
      [
        'unknown document type',
        { ...p, documents: [{ type: 'DRIVER_LICENSE', number: '1' }] },
        '$.person.documents.[0].type',
      ],
      [
        'no residence address',
        { ...p, addresses: [{ ...residence, type: 'REGISTRATION' }] },
        '$.person.addresses',
      ],
      ['two residence addresses', { ...p, addresses: [residence, residence] }, '$.person.addresses'],
      [
        'unknown settlement',
        { ...p, addresses: [{ ...residence, settlement_id: '44444444-4444-4444-8444-444444444444' }] },
        '$.person.addresses.[0].settlement_id',
      ],
      ['bad zip', { ...p, addresses: [{ ...residence, zip: '1234' }] }, '$.person.addresses.[0].zip'],
      [
        'foreign country',
        { ...p, addresses: [{ ...residence, country: 'PL' }] },
        '$.person.addresses.[0].country',
      ],
      [
        'bad phone',
        { ...p, phones: [{ type: 'MOBILE', number: '+48123456789' }] },
        '$.person.phones.[0].number',
      ],
      [
        'two mobile phones',
        {
          ...p,
          phones: [
            { type: 'MOBILE', number: '+380501234561' },
            { type: 'MOBILE', number: '+380501234562' },
          ],
        },
        '$.person.phones.[1].type',
      ],
      [
        'emergency contact without phone',
        { ...p, emergency_contact: { ...p.emergency_contact, phones: [] } },
        '$.person.emergency_contact.phones',
      ],
      ['short secret', { ...p, secret: 'абв' }, '$.person.secret'],
      ['bad email', { ...p, email: 'not-an-email' }, '$.person.email'],
      ['birth date in the future', { ...p, birth_date: '2099-01-01' }, '$.person.birth_date'],
      ['missing first name', { ...p, first_name: undefined }, '$.person.first_name'],
    ];
    for (const [what, person, entry] of cases) {
      const r = await submit(token, person);
      expect(r.status, what).toBe(422);
      expect(r.body.error.type, what).toBe('validation_failed');
      expect(
        r.body.error.invalid.map((i: { entry: string }) => i.entry),
        what,
      ).toContain(entry);
    }
    const noConsent = await submit(token, p, { process_disclosure_data_consent: false });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.invalid[0].entry).toBe('$.process_disclosure_data_consent');
    const otherTaxId = await submit(token, {
      ...p,
      tax_id: sb.personas.find((x) => x.id === 'adult-no-declaration')?.taxId,
    });
    expect(otherTaxId.status).toBe(422);
    expect(otherTaxId.body.error.message).toBe(
      'Person that logged in, person that is changed and person that sign should be the same',
    );
    const noBody = await call(sb, 'POST', '/api/pis/person_requests', { token, body: {} });
    expect(noBody.body.error.invalid.map((i: { entry: string }) => i.entry).sort()).toEqual([
      '$.patient_signed',
      '$.person',
      '$.process_disclosure_data_consent',
    ]);
  });

  it('accepts names with apostrophes, ґ, ї, є and a hyphen', async () => {
    const token = await as('adult-with-apps');
    const p = await currentPerson(token);
    const r = await submit(token, {
      ...p,
      first_name: 'Ґеник-Євгенія',
      second_name: "Мар'янівна",
      last_name: 'Їжак',
    });
    expect(r.status).toBe(201);
  });

  it('refuses content that is not the request, another signer, and requests of other patients', async () => {
    const token = await as('adult-with-apps');
    const p = await currentPerson(token);
    const data = (await submit(token, { ...p, secret: 'Кавуненко' })).body.data;
    const path = `/api/pis/person_requests/${data.id}/actions/complete`;
    const notFlagged = await signAs(sb, 'adult-with-apps', { ...toSign(data), patient_signed: false });
    const r1 = await call(sb, 'PATCH', path, {
      token,
      body: { signed_content: notFlagged, signed_content_encoding: 'base64' },
    });
    expect(r1.status).toBe(422);
    expect(r1.body.error.message).toBe('Signed content does not match the previously created content');
    const changed = await signAs(sb, 'adult-with-apps', {
      ...toSign(data),
      person: { ...data.person, secret: 'Інше слово' },
    });
    expect(
      (
        await call(sb, 'PATCH', path, {
          token,
          body: { signed_content: changed, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(422);
    const byOther = await signAs(sb, 'adult-no-declaration', toSign(data));
    expect(
      (
        await call(sb, 'PATCH', path, {
          token,
          body: { signed_content: byOther, signed_content_encoding: 'base64' },
        })
      ).body.error.message,
    ).toBe('Does not match the signer drfo');
    const other = await as('adult-no-declaration');
    expect((await call(sb, 'GET', `/api/pis/person_requests/${data.id}`, { token: other })).status).toBe(403);
    expect(
      (await call(sb, 'PATCH', `/api/pis/person_requests/${data.id}/actions/reject`, { token: other }))
        .status,
    ).toBe(403);
    const signedRight = await signAs(sb, 'adult-with-apps', toSign(data));
    expect(
      (
        await call(sb, 'PATCH', path, {
          token: other,
          body: { signed_content: signedRight, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(sb, 'GET', '/api/pis/person_requests', { token: other })).body.data.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(data.id);
  });

  it('cancels the earlier open request, rejects once, and expires after the term', async () => {
    const token = await as('adult-with-apps');
    const p = await currentPerson(token);
    const first = (await submit(token, p)).body.data;
    const second = (await submit(token, p)).body.data;
    expect((await call(sb, 'GET', `/api/pis/person_requests/${first.id}`, { token })).body.data.status).toBe(
      'CANCELLED',
    );
    const rejected = await call(sb, 'PATCH', `/api/pis/person_requests/${second.id}/actions/reject`, {
      token,
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data.status).toBe('REJECTED');
    expect(
      (await call(sb, 'PATCH', `/api/pis/person_requests/${second.id}/actions/reject`, { token })).status,
    ).toBe(409);
    const third = (await submit(token, p)).body.data;
    const signed = await signAs(sb, 'adult-with-apps', toSign(third));
    offsetMs += 25 * 3600_000;
    const fresh = await as('adult-with-apps');
    expect(
      (await call(sb, 'GET', `/api/pis/person_requests/${third.id}`, { token: fresh })).body.data.status,
    ).toBe('EXPIRED');
    expect(
      (
        await call(sb, 'PATCH', `/api/pis/person_requests/${third.id}/actions/complete`, {
          token: fresh,
          body: { signed_content: signed, signed_content_encoding: 'base64' },
        })
      ).status,
    ).toBe(409);
  });

  it('refuses changes by a teenager without confirmed capacity', async () => {
    const token = await as('teen-15-no-capacity');
    const r = await submit(token, await currentPerson(token));
    expect(r.status).toBe(403);
  });
});
