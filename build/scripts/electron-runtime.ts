/**
 * Finds an Electron binary without `require('electron')` (which tries to download one from GitHub
 * when it is missing, and this network cannot reach GitHub). Used by `npm start` and the e2e spec.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ElectronRuntime = { found: true; executable: string } | { found: false; reason: string };

export function findElectronRuntime(
  root: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): ElectronRuntime {
  if (env.KIOSK_ELECTRON) {
    const exe = resolve(env.KIOSK_ELECTRON);
    return existsSync(exe)
      ? { found: true, executable: exe }
      : { found: false, reason: `KIOSK_ELECTRON points to ${exe}, which does not exist` };
  }
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json')))
    return { found: false, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const exe = join(distDir, relative || 'electron');
  if (existsSync(exe)) return { found: true, executable: exe };
  return {
    found: false,
    reason:
      'the electron npm package is installed without its binary: the binary is downloaded from GitHub on first use, ' +
      `and ${exe} does not exist (no network access to GitHub, or the download was skipped)`,
  };
}
