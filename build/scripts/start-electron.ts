/**
 * `npm start`: builds the renderer and the main-side bundles, then runs the Electron kiosk on
 * dist-electron/main.cjs in training mode (against the embedded sandbox). Extra arguments are passed
 * to the kiosk (e.g. `npm start -- --kiosk-dev`, `--data-dir DIR`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { findElectronRuntime } from './electron-runtime';

const runtime = findElectronRuntime();
if (!runtime.found) {
  console.error(
    [
      'npm start needs the Electron runtime, and there is none on this machine:',
      `  ${runtime.reason}.`,
      '',
      'Run the same kiosk in a Chromium app window through the browser host instead:',
      '  npm run start:browser',
      '',
      'Or install the binary where GitHub is reachable (npx install-electron), or point KIOSK_ELECTRON at one.',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('npm start: the build failed; nothing was started.');
  process.exit(build.status ?? 1);
}

const child = spawn(runtime.executable, ['dist-electron/main.cjs', '--training', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (e) => {
  console.error(`npm start: Electron could not be started: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code !== 0 && signal === null)
    console.error(
      'npm start: the kiosk exited with an error. If it mentions NODE_MODULE_VERSION, rebuild the native modules ' +
        'for Electron first: npx electron-builder install-app-deps',
    );
  process.exit(code ?? 1);
});
