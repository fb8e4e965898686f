/**
 * 7. Memory: peak RSS of the main side — the kiosk services on a synced national directory
 * answering the search benchmark's queries and opening doctor cards, and during a full national
 * sync (from the sync suite's processes) — and of the sandbox (its whole life in this run:
 * seeding, the syncs, the outbox), against an idle Node process started the same way.
 */
import { bundledWorkerEnv } from '../lib/bundles';
import { runJsonChild } from '../lib/child';
import { GROUPS, type BenchContext } from '../lib/context';
import { formatNumber } from '../lib/results';
import { floorOf } from './startup';

const CHILD = 'test/bench/children/directory.ts';

export async function benchMemory(ctx: BenchContext): Promise<void> {
  const floor = floorOf(ctx);
  const baseline = {
    name: 'idle Node process, same loader (tsx)',
    value: floor.peakRssKiB / 1024,
    detail: `median of ${floor.runs}`,
  };
  const scale = ctx.sizes.seed;

  if (ctx.syncedDir) {
    ctx.progress('memory: main side searching the synced directory');
    const answer = await runJsonChild<{ peakRssKiB: number; queries: number; doctors: number }>(CHILD, [
      'search',
      '--data-dir',
      ctx.syncedDir,
      '--queries',
      String(ctx.sizes.queries),
      '--seed',
      String(ctx.seed),
    ]);
    ctx.add({
      group: GROUPS.memory,
      name: `main side, ${scale} directory loaded (services + ${answer.queries} searches + cards)`,
      value: answer.peakRssKiB / 1024,
      unit: 'MiB',
      detail: `peak RSS (maxRSS) of a kiosk process over ${formatNumber(answer.doctors)} doctors`,
      baseline,
      better: 'lower',
    });
  }
  if (ctx.syncedDir && ctx.sandbox) {
    ctx.progress('memory: main side with the directory loaded, then during a full sync');
    const sb = ctx.sandbox;
    const m = await runJsonChild<{ loadedKiB: number; duringSyncKiB: number; doctors: number }>(
      CHILD,
      [
        'sync-memory',
        '--data-dir',
        ctx.syncedDir,
        '--queries',
        String(ctx.sizes.queries),
        '--seed',
        String(ctx.seed),
        '--base-url',
        sb.baseUrl,
        '--api-key',
        sb.apiKey,
        '--client-id',
        sb.clientId,
        '--client-secret',
        sb.clientSecret,
      ],
      { env: bundledWorkerEnv() },
    );
    ctx.add({
      group: GROUPS.memory,
      name: `main side during a full ${scale} sync`,
      value: m.duringSyncKiB / 1024,
      unit: 'MiB',
      detail: `peak RSS (maxRSS) of a kiosk process, its sync worker (bundled, as shipped) included, over a full sync replacing its loaded directory (${formatNumber(m.doctors)} doctors)`,
      baseline: {
        name: 'the same process with the directory loaded (services + searches + cards), before the sync',
        value: m.loadedKiB / 1024,
      },
      better: 'lower',
      target: { text: '≤ 1.3× loaded', maxRatio: 1.3 },
    });
  }
  if (ctx.syncPeakRssKiB !== null) {
    ctx.add({
      group: GROUPS.memory,
      name: `main side after a first full ${scale} sync into an empty kiosk`,
      value: ctx.syncPeakRssKiB / 1024,
      unit: 'MiB',
      detail: 'peak RSS (maxRSS) of the kiosk process right after its first full sync',
      baseline,
      better: 'lower',
    });
  }
  const sandboxPeak = ctx.sandbox?.peakRssKiB() ?? null;
  if (sandboxPeak !== null) {
    ctx.add({
      group: GROUPS.memory,
      name: `sandbox (${scale} seed) over this run`,
      value: sandboxPeak / 1024,
      unit: 'MiB',
      detail: 'VmHWM of the sandbox process: seeding, serving the syncs and the outbox',
      baseline,
      better: 'lower',
    });
  } else {
    ctx.note(GROUPS.memory, 'The sandbox peak needs /proc (Linux); not measured on this system.');
  }
}
