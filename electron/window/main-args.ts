/**
 * Flags of the Electron kiosk (Chromium's own switches may appear among them and are ignored):
 *   --kiosk-dev       allow DevTools
 *   --training        refuse to run unless the data directory is in training mode (`npm start`)
 *   --data-dir DIR    kiosk data directory (default: electron/core/paths.ts)
 */
import { DEV_FLAG } from './devtools';

export interface MainArgs {
  devTools: boolean;
  training: boolean;
  dataDir: string | null;
}

export function parseMainArgs(argv: readonly string[]): MainArgs {
  const out: MainArgs = { devTools: false, training: false, dataDir: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === DEV_FLAG) out.devTools = true;
    else if (a === '--training') out.training = true;
    else if (a === '--data-dir') {
      const v = argv[i + 1];
      if (v && !v.startsWith('--')) {
        out.dataDir = v;
        i++;
      }
    } else if (a.startsWith('--data-dir=')) out.dataDir = a.slice('--data-dir='.length) || null;
  }
  return out;
}
