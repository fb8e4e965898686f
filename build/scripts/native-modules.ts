/**
 * `npm run package:native [-- --check]` — the native modules the kiosk ships (better-sqlite3, and
 * pkcs11js when present), rebuilt for the Electron version in package.json, then checked.
 *
 * Run it on the release machine, which must reach Electron's header server
 * (https://www.electronjs.org/headers). `nodedir` (set in this team's npmrc so that Node builds work
 * offline) is removed from the environment first: with it node-gyp quietly compiles against Node's
 * headers, and Electron would refuse the module at run time. With `--check` nothing is rebuilt; the
 * modules are only checked (exit 1 when one is not built for this Electron).
 *
 * Afterwards these modules load in Electron only: run `npm rebuild better-sqlite3` before `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkNativeModules, describeReport, electronAbi } from '../packaging/native-abi';

const require = createRequire(import.meta.url);
const SHIPPED = ['better-sqlite3', 'pkcs11js'];

const electronVersion = (
  JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }
).version;
const present = SHIPPED.filter((m) => {
  try {
    require.resolve(`${m}/package.json`);
    return true;
  } catch {
    return false;
  }
});

if (!process.argv.includes('--check')) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'),
  );
  const cli = join(dirname(require.resolve('@electron/rebuild/package.json')), 'lib', 'cli.js');
  console.log(
    `rebuilding ${present.join(', ')} for Electron ${electronVersion} (ABI ${electronAbi(electronVersion)})…`,
  );
  const r = spawnSync(
    process.execPath,
    [
      cli,
      '--version',
      electronVersion,
      '--force',
      '--only',
      present.join(','),
      '--module-dir',
      process.cwd(),
    ],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) {
    console.error(
      "the rebuild failed. It needs Electron's headers from https://www.electronjs.org/headers (no offline copy exists on this machine).",
    );
    process.exit(1);
  }
}

let failed = false;
for (const m of present) {
  const dir = join(dirname(require.resolve(`${m}/package.json`)), 'build', 'Release');
  if (!existsSync(dir)) {
    console.error(`REFUSED ${m}: no build/Release folder (not compiled at all)`);
    failed = true;
    continue;
  }
  // what the package ships: build/Release/*.node, without intermediates and better-sqlite3's test extension
  const shipped = checkNativeModules(dir, electronVersion).filter(
    (r) => !r.file.includes('/') && !r.file.includes('\\') && r.file !== 'test_extension.node',
  );
  for (const report of shipped) {
    console.log(describeReport({ ...report, file: `${m}/build/Release/${report.file}` }, electronVersion));
    failed ||= !report.ok;
  }
}
if (failed) {
  console.error('native modules are not built for Electron: nothing may be packaged from this tree.');
  process.exit(1);
}
console.log(
  'native modules are built for Electron; run `npm rebuild better-sqlite3` before `npm test` again.',
);
