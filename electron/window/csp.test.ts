import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './csp';

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name as string, sources];
    }),
  );

describe('content security policy', () => {
  it('allows no remote origin and no network in Electron', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      for (const s of sources) {
        expect(s, `${name} ${s}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('lets the browser host connect to exactly its own WebSocket', () => {
    const d = directives(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4321'] }));
    expect(d.get('connect-src')).toEqual(['ws://127.0.0.1:4321']);
    expect(d.get('default-src')).toEqual(["'none'"]);
  });

  it('ships the CSP with the other hardening headers', () => {
    const h = securityHeaders('x');
    expect(h['Content-Security-Policy']).toBe('x');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Cache-Control']).toBe('no-store');
    // the document camera for the page itself only (main's permission rule decides when); no microphone
    expect(h['Permissions-Policy']).toContain('camera=(self)');
    expect(h['Permissions-Policy']).toContain('microphone=()');
  });
});
