/**
 * electron-builder's afterPack hook for the kiosk (runs after the app is packed into the unpacked
 * Electron folder, before signing and before the AppImage/deb/NSIS targets are made):
 *
 * 1. native modules — every `.node` under resources/app.asar.unpacked must be built for this
 *    Electron's ABI (see native-abi.ts); otherwise the build stops. Only a layout check
 *    (`KIOSK_PACKAGE_LAYOUT_ONLY=1` with the `dir` target alone) may go on, and it leaves a
 *    NOT-SHIPPABLE.txt beside the executable saying why;
 * 2. fuses — flipped in the executable and read back (fuses.ts); any difference stops the build.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNativeModules, describeReport } from './native-abi';
import { flipAndVerifyFuses } from './fuses';

/** The parts of electron-builder's AfterPackContext this hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  targets: readonly { name: string }[];
  packager: {
    appInfo: { productFilename: string };
    /** Linux packagers only. */
    executableName?: string;
    config: { electronVersion?: string | null };
    info?: { framework?: { version?: string } };
  };
}

export const NOT_SHIPPABLE = 'NOT-SHIPPABLE.txt';

export function executableOf(ctx: PackContext): string {
  switch (ctx.electronPlatformName) {
    case 'win32':
      return join(ctx.appOutDir, `${ctx.packager.appInfo.productFilename}.exe`);
    case 'linux':
      return join(ctx.appOutDir, ctx.packager.executableName ?? ctx.packager.appInfo.productFilename);
    default:
      throw new Error(`the kiosk is packaged for Linux and Windows only, not ${ctx.electronPlatformName}`);
  }
}

function resourcesOf(ctx: PackContext): string {
  return join(ctx.appOutDir, 'resources');
}

export interface AfterPackOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export async function kioskAfterPack(ctx: PackContext, opts: AfterPackOptions = {}): Promise<void> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => console.log(`  • kiosk afterPack: ${line}`));
  const electronVersion = ctx.packager.info?.framework?.version ?? ctx.packager.config.electronVersion;
  if (!electronVersion) throw new Error('the Electron version of this build is unknown');

  const unpacked = join(resourcesOf(ctx), 'app.asar.unpacked');
  if (!existsSync(join(resourcesOf(ctx), 'app.asar')))
    throw new Error(
      'resources/app.asar is missing: the kiosk must be packed into an asar (OnlyLoadAppFromAsar)',
    );
  const reports = checkNativeModules(unpacked, electronVersion);
  for (const r of reports) log(describeReport(r, electronVersion));
  const refused = reports.filter((r) => !r.ok);
  if (refused.length) {
    const layoutOnly = env.KIOSK_PACKAGE_LAYOUT_ONLY === '1' && ctx.targets.every((t) => t.name === 'dir');
    const why = `native modules not built for Electron ${electronVersion}: ${refused.map((r) => r.file).join(', ')}. Rebuild them on a machine that can reach Electron's headers (see build/PACKAGING.md).`;
    if (!layoutOnly) throw new Error(why);
    writeFileSync(
      join(ctx.appOutDir, NOT_SHIPPABLE),
      `This folder is a packaging layout check, not a kiosk build.\n${why}\n`,
    );
    log(`layout check only (${NOT_SHIPPABLE} written): ${why}`);
  }

  const executable = executableOf(ctx);
  await flipAndVerifyFuses(executable);
  log(`fuses flipped and verified in ${executable}`);
}
