/**
 * `kiosk directory …` — the replicated doctor directory:
 *   sync --base-url URL --api-key KEY [--full] [--json]
 *   search "TEXT" [--speciality S] [--age N] [--settlement NAME] [--oblast NAME] [--page N] [--include-full] [--json]
 * Both work on the directory of the environment the kiosk is set to (each environment keeps its own);
 * search works offline on its last sync in the data directory.
 * Exit codes: 0 ok, 1 failed (sync failed, directory empty), 2 usage.
 */
import {
  DeclarationSpeciality,
  type DirectoryProgress,
  type DoctorSearchQuery,
} from '#shared/contract/doctors';
import { openKioskDatabase } from '../core/db';
import { DirectoryService } from '../core/directory';
import { createPisApiFromConfig } from '../core/ehealth';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';
import { flag, parseFlags } from './args';

const progressLine = (p: DirectoryProgress): string | null => {
  switch (p.phase) {
    case 'download':
      return `[${p.step + 1}/${p.steps}] downloading ${p.entity}…`;
    case 'stage':
      return `[${p.step}/${p.steps}] ${p.entity}: ${p.rows} rows`;
    case 'apply':
      return `[${p.steps}/${p.steps}] applying (${p.mode}) and indexing…`;
    case 'done':
      return `done: ${p.rows} doctors accept declarations`;
    case 'failed':
      return `failed${p.entity ? ` at ${p.entity}` : ' while applying'}; the previous directory is unchanged`;
  }
};

async function sync(args: string[], ctx: CliContext): Promise<number> {
  const p = parseFlags(args, ['base-url', 'api-key', 'timeout'], ['json', 'full']);
  const baseUrl = flag(p, 'base-url');
  const apiKey = flag(p, 'api-key');
  if (!baseUrl || !apiKey || p.positional.length) {
    throw new UsageError(
      'usage: kiosk directory sync --base-url URL --api-key KEY [--data-dir DIR] [--json]',
    );
  }
  let api;
  try {
    api = createPisApiFromConfig({ baseUrl, apiKey, timeoutMs: Number(flag(p, 'timeout') ?? 300_000) });
  } catch {
    throw new UsageError('--base-url must be a URL');
  }
  const json = p.flags.has('json');
  const db = openKioskDatabase(ctx.dataDir);
  const directory = new DirectoryService({
    db,
    api,
    onProgress: (progress) => {
      const line = progressLine(progress);
      if (line) (json ? ctx.io.stderr : ctx.io.stdout)(line);
    },
  });
  try {
    const started = Date.now();
    const r = await directory.sync({ mode: p.flags.has('full') ? 'full' : 'auto' });
    if (!r.ok) {
      if (json) ctx.io.stdout(JSON.stringify({ ok: false, error: r.error }));
      else ctx.io.stderr(`directory sync failed: ${r.error.message}`);
      return EXIT.failed;
    }
    const seconds = (Date.now() - started) / 1000;
    if (json) ctx.io.stdout(JSON.stringify({ ok: true, ...r.value, seconds }));
    else
      ctx.io.stdout(
        `${r.value.mode} sync${r.value.depth ? ` (depth ${r.value.depth} days)` : ''} finished in ${seconds.toFixed(1)} s`,
      );
    return EXIT.ok;
  } finally {
    await directory.close();
    db.close();
  }
}

function search(args: string[], ctx: CliContext): number {
  const p = parseFlags(
    args,
    ['speciality', 'age', 'settlement', 'oblast', 'page', 'page-size'],
    ['json', 'include-full'],
  );
  if (p.positional.length > 1)
    throw new UsageError(
      'usage: kiosk directory search "TEXT" [--speciality S] [--age N] [--settlement NAME] [--json]',
    );
  const speciality = flag(p, 'speciality')?.toUpperCase();
  if (speciality !== undefined && !DeclarationSpeciality.safeParse(speciality).success) {
    throw new UsageError(`--speciality must be one of ${DeclarationSpeciality.options.join(', ')}`);
  }
  const int = (name: string, min: number, max: number): number | undefined => {
    const v = flag(p, name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const age = int('age', 0, 130);
  const page = int('page', 1, 10_000);
  const pageSize = int('page-size', 1, 100);
  const query: DoctorSearchQuery = {
    ...(p.positional[0] ? { text: p.positional[0] } : {}),
    ...(speciality ? { speciality: speciality as DeclarationSpeciality } : {}),
    ...(age === undefined ? {} : { age }),
    ...(flag(p, 'settlement') ? { settlement: flag(p, 'settlement') } : {}),
    ...(flag(p, 'oblast') ? { oblast: flag(p, 'oblast') } : {}),
    ...(page ? { page } : {}),
    ...(pageSize ? { pageSize } : {}),
    ...(p.flags.has('include-full') ? { includeFull: true } : {}),
  };
  const db = openKioskDatabase(ctx.dataDir);
  const directory = new DirectoryService({ db, api: null });
  try {
    const r = directory.search(query);
    if (!r.ok) {
      if (p.flags.has('json')) ctx.io.stdout(JSON.stringify({ ok: false, error: r.error }));
      else
        ctx.io.stderr(
          r.error.code === 'DIRECTORY_EMPTY'
            ? 'the directory is empty: run `kiosk directory sync` first'
            : r.error.message,
        );
      return EXIT.failed;
    }
    if (p.flags.has('json')) {
      ctx.io.stdout(JSON.stringify(r.value));
      return EXIT.ok;
    }
    const { items, total, page: pg, pageSize: size, directoryUpdatedAt } = r.value;
    for (const d of items) {
      const free =
        d.freePlaces === null ? 'free places unknown' : `${d.freePlaces} free of ${d.declarationsLimit}`;
      const where = [d.divisionName, [d.settlement, d.address].filter(Boolean).join(', ')]
        .filter(Boolean)
        .join(' — ');
      const dist = d.distanceKm === null ? '' : ` · ${d.distanceKm} km`;
      ctx.io.stdout(
        `${d.inThisClinic ? '★ ' : ''}${d.fullName} · ${d.speciality} · ${free}${dist}\n    ${where}\n    employee ${d.employeeId}, division ${d.divisionId}`,
      );
    }
    const from = total === 0 ? 0 : (pg - 1) * size + 1;
    ctx.io.stdout(
      `${total} doctors; showing ${from}–${(pg - 1) * size + items.length}; directory as of ${directoryUpdatedAt}`,
    );
    return EXIT.ok;
  } finally {
    // no sync runs here: the files close at once
    void directory.close();
    db.close();
  }
}

async function run(args: string[], ctx: CliContext): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'sync') return sync(rest, ctx);
  if (command === 'search') return search(rest, ctx);
  throw new UsageError(
    'usage: kiosk directory sync --base-url URL --api-key KEY [--json] | search "TEXT" [--speciality S] [--age N] [--settlement NAME] [--json]',
  );
}

export const directoryGroup: CliGroup = {
  summary: 'doctor directory: sync from eHealth, search offline',
  run,
};
