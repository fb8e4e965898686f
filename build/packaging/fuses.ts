/**
 * The Electron fuses of a packaged kiosk, flipped in the binary after packing and read back:
 *   RunAsNode off                       — ELECTRON_RUN_AS_NODE cannot turn the kiosk into a Node shell
 *   EnableNodeOptionsEnvironmentVariable off — NODE_OPTIONS cannot inject code
 *   EnableNodeCliInspectArguments off   — no --inspect / --inspect-brk debugger
 *   EnableEmbeddedAsarIntegrityValidation on — app.asar must match the hash embedded at build time
 *                                         (enforced by Electron on Windows and macOS; Linux has no
 *                                         embedded hash — there the installed files are root-owned)
 *   OnlyLoadAppFromAsar on              — the app is loaded from app.asar only, never from a folder
 *   EnableCookieEncryption on           — the kiosk keeps no cookies, but none in clear either
 *   GrantFileProtocolExtraPrivileges off — the renderer is served over app://, file:// needs nothing
 */
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** FuseState bytes as @electron/fuses writes them ('0' off, '1' on). */
const ON = 49;
const OFF = 48;

export const KIOSK_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies Partial<Record<FuseV1Options, boolean>>;

export interface FuseCheck {
  fuse: string;
  wanted: 'on' | 'off';
  found: 'on' | 'off' | 'missing' | 'other';
}

const stateName = (byte: number | undefined): FuseCheck['found'] =>
  byte === undefined ? 'missing' : byte === ON ? 'on' : byte === OFF ? 'off' : 'other';

/** Reads the fuse wire of `binary` and lists every kiosk fuse whose state is not the wanted one. */
export async function verifyFuses(binary: string): Promise<FuseCheck[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number | undefined>;
  return Object.entries(KIOSK_FUSES)
    .map(([index, wanted]): FuseCheck => ({
      fuse: FuseV1Options[Number(index)] ?? `fuse ${index}`,
      wanted: wanted ? 'on' : 'off',
      found: stateName(wire[Number(index)]),
    }))
    .filter((c) => c.found !== c.wanted);
}

/** Flips the kiosk fuses in `binary` and proves it by reading them back; throws on any difference. */
export async function flipAndVerifyFuses(binary: string): Promise<void> {
  await flipFuses(binary, { version: FuseVersion.V1, ...KIOSK_FUSES });
  const wrong = await verifyFuses(binary);
  if (wrong.length)
    throw new Error(
      `fuses not as required in ${binary}: ${wrong.map((w) => `${w.fuse} is ${w.found}, wanted ${w.wanted}`).join('; ')}`,
    );
}
