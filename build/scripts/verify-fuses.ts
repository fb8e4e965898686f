/**
 * `npm run package:verify-fuses -- <packaged executable>` — reads the fuse wire of a packaged kiosk
 * (e.g. release/linux-unpacked/kabinet-kiosk or "release/win-unpacked/Kabinet Kiosk.exe") and
 * exits 1 unless every kiosk fuse is as build/packaging/fuses.ts requires.
 */
import { KIOSK_FUSES, verifyFuses } from '../packaging/fuses';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: npm run package:verify-fuses -- <packaged executable>');
  process.exit(2);
}
try {
  const wrong = await verifyFuses(binary);
  console.log(
    `${Object.keys(KIOSK_FUSES).length - wrong.length} of ${Object.keys(KIOSK_FUSES).length} kiosk fuses as required in ${binary}`,
  );
  for (const w of wrong) console.error(`  ${w.fuse}: ${w.found}, wanted ${w.wanted}`);
  process.exit(wrong.length ? 1 : 0);
} catch (e) {
  console.error(`cannot read the fuses of ${binary}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
