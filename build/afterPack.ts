/**
 * The afterPack hook named in build/electron-builder.config.ts: native-module ABI check, then the
 * kiosk's fuses flipped and verified (build/packaging/after-pack.ts).
 */
import { kioskAfterPack, type PackContext } from './packaging/after-pack';

export default async function afterPack(context: PackContext): Promise<void> {
  await kioskAfterPack(context);
}
