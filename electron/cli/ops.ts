/**
 * The ops CLI inside the packaged kiosk. Installed kiosks have no Node of their own, the native
 * modules are built for Electron, and the RunAsNode fuse is off — so the kiosk executable runs the
 * same CLI itself when given `--ops`:
 *
 *   kabinet-kiosk --ops status --json            (Linux; the same as `npm run kiosk -- status --json`)
 *   "Kabinet Kiosk.exe" --ops status --json > status.json   (Windows: a GUI program, so redirect)
 *
 * Everything after `--ops` goes to the CLI unchanged; no window opens.
 */
export const OPS_FLAG = '--ops';

export function opsArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(OPS_FLAG);
  return at < 0 ? null : argv.slice(at + 1);
}
