/**
 * `npm run package:layout` — the packaging pipeline as far as a machine without an Electron binary
 * (and without GitHub) can run it: electron-builder's `--linux dir` target with the real config and
 * the real afterPack hook (native-module check, fuses flipped and read back), on an Electron folder
 * given in KIOSK_ELECTRON_DIST — or, without one, on a stand-in whose executable is only a fuse wire.
 * The result in release/linux-unpacked/ is a layout check, never a kiosk: it carries
 * NOT-SHIPPABLE.txt whenever the native modules are still Node builds, and a stand-in cannot run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_SHIPPABLE } from '../packaging/after-pack';
import { verifyFuses } from '../packaging/fuses';
import { fakeElectronBinary } from '../packaging/test-support';

let electronDist = process.env.KIOSK_ELECTRON_DIST ?? '';
let standIn: string | null = null;
if (!electronDist) {
  standIn = mkdtempSync(join(tmpdir(), 'kiosk-electron-stand-in-'));
  writeFileSync(join(standIn, 'electron'), fakeElectronBinary());
  chmodSync(join(standIn, 'electron'), 0o755);
  mkdirSync(join(standIn, 'resources'));
  // Chromium's locale packs: electronLanguages keeps uk and en-US and removes the rest
  mkdirSync(join(standIn, 'locales'));
  for (const l of ['uk', 'en-US', 'de', 'ru']) writeFileSync(join(standIn, 'locales', `${l}.pak`), '');
  writeFileSync(join(standIn, 'version'), 'stand-in');
  electronDist = standIn;
  console.log(`no KIOSK_ELECTRON_DIST: using a stand-in Electron folder (fuse wire only) at ${standIn}`);
}

const r = spawnSync(
  'npx',
  [
    'electron-builder',
    '--config',
    'build/electron-builder.config.ts',
    '--linux',
    'dir',
    `-c.electronDist=${electronDist}`,
  ],
  { stdio: 'inherit', env: { ...process.env, KIOSK_PACKAGE_LAYOUT_ONLY: '1' } },
);
if (standIn) rmSync(standIn, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);

const out = join('release', 'linux-unpacked');
const executable = join(out, 'kabinet-kiosk');
const problems: string[] = [];
for (const need of ['resources/app.asar', 'kabinet-kiosk'])
  if (!existsSync(join(out, need))) problems.push(`missing ${need}`);
const unpacked = join(out, 'resources', 'app.asar.unpacked', 'node_modules');
const natives = existsSync(unpacked)
  ? readdirSync(unpacked, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.node'))
  : [];
const wrong = await verifyFuses(executable);
for (const w of wrong) problems.push(`fuse ${w.fuse} is ${w.found}, wanted ${w.wanted}`);
console.log(`layout: ${out}`);
console.log(`  app.asar: ${existsSync(join(out, 'resources', 'app.asar')) ? 'yes' : 'NO'}`);
console.log(`  unpacked native modules: ${natives.join(', ') || 'none'}`);
console.log(`  fuses as required: ${wrong.length ? 'NO' : 'yes'}`);
console.log(
  `  ${NOT_SHIPPABLE}: ${existsSync(join(out, NOT_SHIPPABLE)) ? 'yes (native modules are Node builds)' : 'no'}`,
);
if (standIn) console.log('  executable: a stand-in (fuse wire only) — this folder cannot run');
if (problems.length) {
  console.error(`layout check failed: ${problems.join('; ')}`);
  process.exit(1);
}
