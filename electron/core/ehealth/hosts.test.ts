import { describe, expect, it } from 'vitest';
import { baseUrlFor, isOfficialHost, OFFICIAL_EHEALTH_HOSTS, OperatorHosts, pinnedTransport } from './hosts';
import type { HttpTransport } from './transport';

describe('eHealth hosts', () => {
  it('are eHealth’s own unless an operator set another on the machine', () => {
    expect(OFFICIAL_EHEALTH_HOSTS).toEqual({
      demo: 'https://api-demo.ehealth.gov.ua',
      preprod: 'https://api-preprod.ehealth.gov.ua',
      prod: 'https://api.ehealth.gov.ua',
    });
    const hosts = OperatorHosts.parse({ preprod: 'https://proxy.clinic.example/ehealth/' });
    expect(baseUrlFor('prod', hosts)).toBe('https://api.ehealth.gov.ua');
    expect(baseUrlFor('preprod', hosts)).toBe('https://proxy.clinic.example/ehealth');
    expect(isOfficialHost('prod', hosts)).toBe(true);
    expect(isOfficialHost('preprod', hosts)).toBe(false);
  });

  it('accept only https hosts without credentials, query or fragment from the operator', () => {
    for (const bad of [
      'http://proxy.example',
      'https://user:pw@proxy.example',
      'https://proxy.example/?x=1',
      'https://proxy.example/#f',
      'ftp://proxy.example',
      'not a url',
    ])
      expect(OperatorHosts.safeParse({ prod: bad }).success, bad).toBe(false);
    expect(OperatorHosts.safeParse({ staging: 'https://x.example' }).success).toBe(false);
  });

  it('a pinned transport sends only to its host: anything else fails before it is sent', async () => {
    const seen: string[] = [];
    const inner: HttpTransport = async (url) => {
      seen.push(url);
      return { status: 200, headers: { get: () => null }, text: async () => '' };
    };
    const pinned = pinnedTransport('https://api.ehealth.gov.ua', inner);
    const init = { method: 'GET' as const, headers: { 'api-key': 'secret' } };
    await pinned('https://api.ehealth.gov.ua/api/pis/apps', init);
    for (const other of [
      'https://api.ehealth.gov.ua.evil.example/x',
      'http://api.ehealth.gov.ua/x',
      'https://api.ehealth.gov.ua:8443/x',
      'https://storage.ehealth.world/upload',
    ])
      await expect(pinned(other, init)).rejects.toThrow(/not for the environment/);
    expect(seen).toEqual(['https://api.ehealth.gov.ua/api/pis/apps']);
    expect(() => pinnedTransport('http://api.ehealth.gov.ua', inner)).toThrow();
  });
});
