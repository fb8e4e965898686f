/**
 * The kiosk process of the soak: the real main-side services (createServices, the contract router
 * and handlers, the signer process, SQLite on disk) on virtual time, driven by the soak over IPC.
 * Usage (by the soak only): node --expose-gc --import tsx test/soak/kiosk-child.ts CONFIG_JSON
 *
 * Virtual time is installed before anything of the kiosk is loaded, so every `Date` and timer of
 * the services follows it (see virtual-time.ts and kiosk-main.ts).
 */
import { readFileSync } from 'node:fs';
import type { KioskConfig } from './protocol';
import { skewAt } from './timeline';
import { installVirtualTime } from './virtual-time';

const config = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as KioskConfig;
const time = installVirtualTime({ start: config.start, skew: (t) => skewAt(config.timeline, t) });
const { runKiosk } = await import('./kiosk-main');
await runKiosk(config, time);
