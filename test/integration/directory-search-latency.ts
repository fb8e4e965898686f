/**
 * Search latency on a replicated directory (not part of the test suite; timings are measured, never
 * asserted). Sync a directory first, e.g. from a national-scale sandbox:
 *   npm run sandbox -- --seed national            (prints baseUrl and apiKey)
 *   npm run kiosk -- directory sync --base-url URL --api-key KEY --data-dir DIR
 *   npx tsx test/integration/directory-search-latency.ts --data-dir DIR [--queries 400] [--seed 7]
 * Prints p50/p95/p99/max over varied queries: name prefixes and sloppy full names, speciality and
 * age filters, settlements and oblasts, later pages, with and without the clinic's coordinates
 * (the clinic setting of that data directory is restored afterwards).
 */
import { openKioskDatabase } from '../../electron/core/db/kiosk-db';
import { readClinic, type ClinicLocation } from '../../electron/core/directory/clinic';
import { DirectoryService } from '../../electron/core/directory/directory-service';
import { DirectorySearch } from '../../electron/core/directory/search';
import type { DoctorSearchQuery } from '#shared/contract/doctors';

const arg = (name: string, fallback?: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dataDir = arg('data-dir');
if (!dataDir) {
  console.error(
    'usage: tsx test/integration/directory-search-latency.ts --data-dir DIR [--queries N] [--seed S]',
  );
  process.exit(2);
}
const total = Number(arg('queries', '400'));
let s = Number(arg('seed', '7'));
const random = () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)] as T;

const db = openKioskDatabase(dataDir);
const service = new DirectoryService({ db, api: null });
const previousClinic = readClinic(db);
const doctors = (service.store
  .view()
  ?.db.prepare('SELECT full_name, settlement, area FROM dir_doctors')
  .all() ?? []) as {
  full_name: string;
  settlement: string | null;
  area: string | null;
}[];
if (doctors.length === 0) {
  console.error('the directory in this data directory is empty: sync it first');
  process.exit(1);
}
const settlements = [...new Set(doctors.map((d) => d.settlement).filter((x): x is string => !!x))];
const oblasts = [...new Set(doctors.map((d) => d.area).filter((x): x is string => !!x))];
const sloppy = (w: string) =>
  w.toLowerCase().replace(/ґ/g, 'г').replace(/ї/g, 'і').replace(/є/g, 'е').replace(/['ʼ’]/g, '');

function query(): DoctorSearchQuery {
  const [last = '', first = ''] = pick(doctors).full_name.split(' ');
  const q: DoctorSearchQuery = {};
  switch (Math.floor(random() * 8)) {
    case 0:
      q.text = last.slice(0, 1 + Math.floor(random() * 3)); // one to three letters: many hits
      break;
    case 1:
      q.text = sloppy(last.slice(0, 4 + Math.floor(random() * 4)));
      break;
    case 2:
      q.text = `${sloppy(first)} ${sloppy(last)}`;
      break;
    case 3:
      q.text = sloppy(last.slice(0, 3));
      q.age = Math.floor(random() * 90);
      break;
    case 4:
      q.settlement = pick(settlements);
      q.age = Math.floor(random() * 90);
      break;
    case 5:
      q.oblast = pick(oblasts);
      q.speciality = pick(['FAMILY_DOCTOR', 'THERAPIST', 'PEDIATRICIAN'] as const);
      break;
    case 6:
      q.text = sloppy(last.slice(0, 2));
      q.settlement = pick(settlements);
      break;
    default:
      q.page = 1 + Math.floor(random() * 5); // browsing everyone near the clinic
  }
  if (random() < 0.3) q.includeFull = true;
  return q;
}

const kyiv: ClinicLocation = { latitude: 50.4501, longitude: 30.5234 };
for (const [label, clinic] of [
  ['no clinic coordinates', null],
  ['clinic coordinates (distance order)', kyiv],
] as const) {
  service.setClinic(clinic);
  const search = new DirectorySearch(service.store);
  for (let i = 0; i < 20; i++) search.search(query()); // warm the page cache
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (let i = 0; i < total; i++) {
    const q = query();
    const c = process.cpuUsage();
    const t = performance.now();
    const r = search.search(q);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (!r.ok) throw new Error(`${JSON.stringify(q)}: ${r.error.code}`);
    hits += r.value.total;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (p: number, list: number[] = times) =>
    (list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0).toFixed(2);
  process.stdout.write(
    `${label}: ${total} queries over ${doctors.length} doctors — p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${times.at(-1)?.toFixed(2)} ms; CPU p50 ${at(50, cpu)} ms, p95 ${at(95, cpu)} ms (mean ${(hits / total).toFixed(0)} hits)\n`,
  );
}
service.setClinic(previousClinic);
service.close();
db.close();
