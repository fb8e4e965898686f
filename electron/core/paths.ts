import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'kabinet-kiosk';

/**
 * The kiosk's data directory: KIOSK_DATA_DIR if set, else the same folder Electron uses as
 * `userData` for this app, so the ops CLI and the kiosk see the same database.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.KIOSK_DATA_DIR) return env.KIOSK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
