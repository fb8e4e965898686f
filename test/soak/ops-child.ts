/**
 * The ops CLI (`kiosk …`, electron/cli.ts) as an operator runs it on the kiosk machine during the
 * soak: on that machine's clock (the kiosk's wall time, virtual). Usage (by the soak only):
 * node --import tsx test/soak/ops-child.ts WALL_MS <kiosk arguments…>
 */
import { installVirtualTime } from './virtual-time';

installVirtualTime({ start: Number(process.argv[2]) });
const { runCli } = await import('../../electron/cli');
process.exitCode = await runCli(process.argv.slice(3));
