import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SANDBOX = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports. */
const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );

describe("the sandbox's person rules stay its own (README: Twin rules, on purpose)", () => {
  it("never imports the kiosk's rules: only #shared/scopes", () => {
    const shared = sources(SANDBOX).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((m) => m.startsWith('#shared') || /(^|\/)shared\//.test(m))
        .map((m) => `${relative(SANDBOX, file)} → ${m}`),
    );
    expect(shared).toEqual(['seed/clients.ts → #shared/scopes']);
  });

  it('reads import lines the way the check above relies on', () => {
    expect(importsOf("import { a } from '#shared/rules/person/index';\nexport { b } from './x';")).toEqual([
      '#shared/rules/person/index',
      './x',
    ]);
  });
});
