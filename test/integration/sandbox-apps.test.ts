import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { call, signIn, TEST_KEYS_DIR } from './sandbox-helpers';

let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox({ keysCacheDir: TEST_KEYS_DIR, seed: 'small' });
});
afterAll(async () => {
  await sb?.close();
});

describe('apps (approvals)', () => {
  it('lists the patient’s active approvals with paging and filters, reads and revokes one', async () => {
    const s = await signIn(sb, 'adult-with-apps');
    const list = await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: s.access });
    expect(list.status).toBe(200);
    // three e-cabinets granted earlier plus this kiosk
    expect(list.body.data).toHaveLength(4);
    expect(list.body.paging).toEqual({ page_number: 1, page_size: 50, total_entries: 4, total_pages: 1 });
    for (const app of list.body.data)
      expect(app).toMatchObject({ user_id: s.userId, applicant_user_id: s.userId });
    const names = list.body.data.map((a: { client_name: string }) => a.client_name);
    expect(names).toContain('Сімейна Медкарта');

    const paged = await call(sb, 'GET', '/api/pis/apps?page_number=2&page_size=3', { token: s.access });
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.paging).toMatchObject({ page_number: 2, total_pages: 2 });
    const byName = await call(
      sb,
      'GET',
      `/api/pis/apps?page_number=1&page_size=50&client_names=${encodeURIComponent('Сімейна Медкарта,Мій Лікар 24')}`,
      { token: s.access },
    );
    expect(byName.body.data).toHaveLength(2);
    const target = byName.body.data[0];
    const byId = await call(
      sb,
      'GET',
      `/api/pis/apps?page_number=1&page_size=50&client_ids=${target.client_id}`,
      { token: s.access },
    );
    expect(byId.body.data.map((a: { id: string }) => a.id)).toEqual([target.id]);

    const one = await call(sb, 'GET', `/api/pis/apps/${target.id}`, { token: s.access });
    expect(one.body.data).toEqual(target);
    const del = await call(sb, 'DELETE', `/api/pis/apps/${target.id}`, { token: s.access });
    expect(del.status).toBe(204);
    expect(del.body).toBeNull();
    expect((await call(sb, 'GET', `/api/pis/apps/${target.id}`, { token: s.access })).status).toBe(404);
    expect(
      (await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: s.access })).body.data,
    ).toHaveLength(3);
    expect((await call(sb, 'DELETE', `/api/pis/apps/${target.id}`, { token: s.access })).status).toBe(404);
  });

  it('never shows or revokes another patient’s approvals', async () => {
    const a = await signIn(sb, 'adult-with-apps');
    const appId = (await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: a.access }))
      .body.data[0].id;
    const b = await signIn(sb, 'adult-no-declaration');
    const listB = await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: b.access });
    expect(listB.body.data.map((x: { id: string }) => x.id)).not.toContain(appId);
    expect((await call(sb, 'GET', `/api/pis/apps/${appId}`, { token: b.access })).status).toBe(403);
    expect((await call(sb, 'DELETE', `/api/pis/apps/${appId}`, { token: b.access })).status).toBe(403);
  });

  it('needs app:read and app:delete', async () => {
    const s = await signIn(sb, 'adult-with-apps', 'person:sign_in app:read');
    const list = await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: s.access });
    expect(list.status).toBe(200);
    expect(
      (await call(sb, 'DELETE', `/api/pis/apps/${list.body.data[0].id}`, { token: s.access })).status,
    ).toBe(403);
    const none = await signIn(sb, 'adult-with-apps', 'person:sign_in');
    expect(
      (await call(sb, 'GET', '/api/pis/apps?page_number=1&page_size=50', { token: none.access })).status,
    ).toBe(403);
  });
});
