/**
 * The Node-side bundles as the kiosk ships them (build/bundle-main.ts): the bench runs the
 * directory sync worker from its bundle, so that its memory and start-up are the shipped ones
 * rather than those of the TypeScript loader a source checkout uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PROJECT_ROOT, projectPath } from './child';

let built: string | null = null;

/** Bundles once per run; returns the environment that points a kiosk child at the bundled worker. */
export function bundledWorkerEnv(): NodeJS.ProcessEnv {
  if (!built) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', projectPath('build/bundle-main.ts')], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = projectPath('dist-electron/directory-worker.cjs');
    if (r.status !== 0 || !existsSync(file)) throw new Error('bundling the directory sync worker failed');
    built = file;
  }
  return { KIOSK_DIRECTORY_WORKER: built };
}
