/**
 * The soak's month, drawn from one seed: the clinic's days (patients, what each one wants, how long
 * they think), the faults on the time line, and where the kiosk process dies. Days 1 and 2 carry a
 * fixed set of events so that even the two-day run inside `npm test` meets every kind of fault; the
 * other days are random within the same mix; a run of eight days or more has a link down from
 * Friday afternoon to Monday afternoon (three days).
 */
import { Prng } from '../bench/lib/prng';
import type { TrapKind } from './protocol';
import { emptyTimeline, type LinkFault, type Timeline } from './timeline';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 2 March 2026, 00:00 in Kyiv (UTC+2): the first day of every run. */
export const SOAK_START = Date.parse('2026-03-01T22:00:00Z');
/** Local time of day (Kyiv winter time) as an offset from the day's start. */
const at = (h: number, m = 0) => h * HOUR + m * MINUTE;

export const PERSONAS = [
  'adult-with-declaration',
  'adult-no-declaration',
  'adult-with-apps',
  'teen-16-capacity',
  'teen-15-no-capacity',
  'child-13',
  'adult-expired-cert',
  'unknown-drfo',
] as const;
export type PersonaId = (typeof PERSONAS)[number];

/** The persona whose certificate ends during the run. */
export const EXPIRING_PERSONA: PersonaId = 'teen-16-capacity';

/** A fault that starts while a patient reads what they will sign: the link's, or eHealth's connections dropping. */
export type DropFault = LinkFault | 'drop-after-commit' | 'drop-before-commit';

export type Intent = 'person' | 'phone' | 'declare' | 'terminate' | 'revoke' | 'receipt';

export interface SessionPlan {
  id: string;
  /** Arrival (true time); a visitor who finds the kiosk busy waits for it. */
  at: number;
  persona: PersonaId;
  wrongPasswords: number;
  typingMs: number;
  intents: Intent[];
  /** Time spent on the personal-data form (typing, thinking). */
  formMs: number;
  /** Reading a printout before signing. */
  readMs: number;
  /** Reading a screen before the next step. */
  browseMs: number;
  end: 'finish' | 'walk-away';
  /** The kiosk process dies at this point of the session. */
  trap: TrapKind | null;
  /** The link fails (or eHealth's connections drop) while the patient reads what they will sign. */
  dropBeforeSign: { fault: DropFault; ms: number } | null;
}

export interface DayPlan {
  day: number;
  start: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  sessions: SessionPlan[];
  registrarAt: number;
  /** Real milliseconds into the night after which the kiosk process is killed (one kill each). */
  nightKills: number[];
  /** The kiosk dies during the next scheduled directory sync after the registrar's round. */
  syncTrap: boolean;
}

export interface SoakPlan {
  seed: number;
  days: number;
  start: number;
  end: number;
  timeline: Timeline;
  dayPlans: DayPlan[];
  certificate: { persona: PersonaId; validTo: number };
  /** The kiosk starts on a database left at this schema version, and dies inside these migrations. */
  oldSchemaVersion: number;
  migrationTraps: number[];
}

const WEIGHTS: [PersonaId, number][] = [
  ['adult-with-declaration', 4],
  ['adult-no-declaration', 4],
  ['adult-with-apps', 3],
  ['teen-16-capacity', 3],
  ['teen-15-no-capacity', 1],
  ['child-13', 0.5],
  ['adult-expired-cert', 0.5],
  ['unknown-drfo', 0.5],
];

function weighted(rng: Prng): PersonaId {
  const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [p, w] of WEIGHTS) {
    x -= w;
    if (x < 0) return p;
  }
  return 'adult-no-declaration';
}

function intentsFor(persona: PersonaId, rng: Prng): Intent[] {
  const maybe = (i: Intent, p: number): Intent[] => (rng.chance(p) ? [i] : []);
  switch (persona) {
    case 'adult-with-declaration':
      return [
        ...maybe('person', 0.6),
        ...maybe('phone', 0.25),
        ...maybe('terminate', 0.15),
        ...maybe('declare', 0.25),
        ...maybe('receipt', 0.3),
      ];
    case 'adult-no-declaration':
      return [
        ...maybe('declare', 0.6),
        ...maybe('person', 0.5),
        ...maybe('phone', 0.2),
        ...maybe('receipt', 0.3),
      ];
    case 'adult-with-apps':
      return [...maybe('revoke', 0.6), ...maybe('person', 0.4), ...maybe('declare', 0.2)];
    case 'teen-16-capacity':
      return [...maybe('declare', 0.4), ...maybe('person', 0.5)];
    case 'teen-15-no-capacity':
      return ['person'];
    default:
      return [];
  }
}

const TRAPS: TrapKind[] = ['sign-sent', 'sign-answered', 'released', 'delivered'];

function session(rng: Prng, id: string, arrival: number, persona: PersonaId): SessionPlan {
  const longForm = rng.chance(0.2);
  return {
    id,
    at: arrival,
    persona,
    wrongPasswords: rng.chance(0.15) ? rng.int(1, 2) : 0,
    typingMs: rng.int(20, 60) * 1000,
    intents: intentsFor(persona, rng),
    formMs: longForm ? rng.int(8, 14) * MINUTE : rng.int(60, 300) * 1000,
    readMs: rng.int(30, 180) * 1000,
    browseMs: rng.int(20, 240) * 1000,
    end: rng.chance(0.15) ? 'walk-away' : 'finish',
    trap: rng.chance(0.1) ? rng.pick(TRAPS) : null,
    dropBeforeSign: rng.chance(0.12)
      ? { fault: rng.pick(['ehealth-down', 'down'] as const), ms: rng.int(2, 90) * MINUTE }
      : null,
  };
}

/** The first two days' fixed events: every fault kind at least once, and the visits that meet them. */
function scriptedDay(plan: SoakPlan, d: DayPlan, rng: Prng): void {
  const tl = plan.timeline;
  const s = d.start;
  const add = (id: string, h: number, m: number, persona: PersonaId, p: Partial<SessionPlan>) =>
    d.sessions.push({ ...session(rng, id, s + at(h, m), persona), trap: null, dropBeforeSign: null, ...p });
  if (d.day === 1) {
    tl.link.push({ from: s + at(7), to: s + at(7, 25), fault: 'dns', note: 'DNS failure' });
    tl.link.push({ from: s + at(11, 40), to: s + at(12, 20), fault: 'captive', note: 'captive portal' });
    tl.link.push({ from: s + at(15), to: s + at(15, 45), fault: 'slow', slowMs: 25_000, note: 'slow link' });
    tl.link.push({ from: s + at(20), to: s + at(26), fault: 'down', note: 'night outage' });
    tl.storms.push({ from: s + at(12, 30), to: s + at(13), status: 503, rate: 0.6, retryAfterSeconds: 30 });
    tl.diskFull.push({ from: s + at(13, 40), to: s + at(14, 20) });
    tl.clockSteps.push({ from: s + at(14), to: s + at(17), offsetMs: HOUR });
    // killed while the signer signs
    add('d1-a', 8, 30, 'adult-no-declaration', { intents: ['person', 'declare'], trap: 'sign-sent' });
    // twelve minutes on the form
    add('d1-b', 9, 30, 'adult-with-declaration', { intents: ['person'], formMs: 12 * MINUTE });
    // eHealth goes down while the patient reads the printout, for 45 minutes
    add('d1-c', 10, 5, 'adult-with-apps', {
      intents: ['revoke', 'person'],
      dropBeforeSign: { fault: 'ehealth-down', ms: 45 * MINUTE },
    });
    // connections die after eHealth committed the delivery
    add('d1-g', 11, 5, 'adult-no-declaration', {
      intents: ['person'],
      wrongPasswords: 1,
      dropBeforeSign: { fault: 'drop-after-commit', ms: 20 * MINUTE },
    });
    add('d1-d', 13, 10, 'adult-no-declaration', { intents: ['person'] });
    // a visitor while the disk is full
    add('d1-h', 13, 50, 'adult-with-declaration', { intents: ['person'] });
    // the kiosk clock an hour fast; killed right after the signed act is stored
    add('d1-e', 14, 30, 'teen-16-capacity', { intents: ['person'], trap: 'released' });
    add('d1-f', 16, 5, 'adult-with-declaration', {
      intents: ['phone', 'person'],
      dropBeforeSign: { fault: 'drop-before-commit', ms: 20 * MINUTE },
    });
    d.nightKills.push(rng.int(50, 1500), rng.int(50, 1500));
    d.syncTrap = true;
  } else {
    tl.link.push({ from: s + at(7, 30), to: s + at(8), fault: 'tls', note: 'TLS broken by a middlebox' });
    tl.link.push({ from: s + at(11, 15), to: s + at(11, 16), fault: 'down', note: 'one-minute outage' });
    tl.storms.push({
      from: s + at(12, 30),
      to: s + at(13, 30),
      status: 429,
      rate: 0.7,
      retryAfterSeconds: 120,
    });
    tl.storms.push({ from: s + at(16), to: s + at(16, 40), status: 500, rate: 0.5, retryAfterSeconds: 0 });
    tl.clockSteps.push({ from: s + at(9), to: s + at(12), offsetMs: -HOUR });
    tl.drift.push({ from: s, to: s + at(23), msPerHour: 30_000 });
    add('d2-a', 8, 40, 'adult-with-apps', { intents: ['person'], trap: 'sign-answered' });
    // the kiosk clock an hour slow; long enough over a doctor for the access token to run out
    add('d2-b', 9, 20, 'adult-no-declaration', { intents: ['declare'], browseMs: 8 * MINUTE });
    // killed after eHealth accepted the delivery, before the kiosk wrote it down
    add('d2-c', 10, 20, 'adult-with-declaration', { intents: ['person'], trap: 'delivered' });
    // the expiring certificate: the act waits for eHealth past the certificate's end (13:00)
    add('d2-d', 11, 40, EXPIRING_PERSONA, {
      intents: ['person'],
      wrongPasswords: 0,
      dropBeforeSign: { fault: 'ehealth-down', ms: at(15) - at(11, 50) },
    });
    add('d2-e', 14, 0, 'teen-15-no-capacity', {});
    add('d2-f', 14, 40, 'child-13', {});
    // signed in the afternoon, then the link is gone until after midnight: the refresh token
    // (8 hours) runs out before the act can go
    add('d2-g', 15, 10, 'adult-no-declaration', {
      intents: ['person'],
      dropBeforeSign: { fault: 'ehealth-down', ms: at(24, 30) - at(15, 20) },
    });
    d.nightKills.push(rng.int(50, 1500));
  }
}

function randomDay(plan: SoakPlan, d: DayPlan, rng: Prng): void {
  const tl = plan.timeline;
  const s = d.start;
  const open = d.weekday === 5 ? [at(9), at(13)] : [at(8), at(18)];
  const sessions = d.weekday === 6 ? 0 : d.weekday === 5 ? rng.int(1, 3) : rng.int(4, 7);
  const arrivals = Array.from(
    { length: sessions },
    () => s + rng.int(open[0] as number, open[1] as number),
  ).sort((a, b) => a - b);
  arrivals.forEach((a, i) => d.sessions.push(session(rng, `d${d.day}-${i + 1}`, a, weighted(rng))));
  const window = (minMs: number, maxMs: number, fromH = 6, toH = 22) => {
    const from = s + rng.int(fromH * 60, toH * 60) * MINUTE;
    return { from, to: from + rng.int(minMs / MINUTE, maxMs / MINUTE) * MINUTE };
  };
  if (rng.chance(0.5))
    tl.link.push({ ...window(MINUTE, 30 * MINUTE), fault: rng.pick(['down', 'ehealth-down'] as const) });
  if (rng.chance(0.15))
    tl.link.push({ ...window(HOUR, 8 * HOUR, 14, 23), fault: 'down', note: 'long outage' });
  if (rng.chance(0.1)) tl.link.push({ ...window(10 * MINUTE, 2 * HOUR), fault: 'captive' });
  if (rng.chance(0.1)) tl.link.push({ ...window(5 * MINUTE, HOUR), fault: 'dns' });
  if (rng.chance(0.05)) tl.link.push({ ...window(10 * MINUTE, 30 * MINUTE), fault: 'tls' });
  if (rng.chance(0.15))
    tl.link.push({ ...window(30 * MINUTE, 3 * HOUR), fault: 'slow', slowMs: rng.int(5, 40) * 1000 });
  if (rng.chance(0.25))
    tl.storms.push({
      ...window(10 * MINUTE, 3 * HOUR),
      status: rng.pick([500, 503, 429] as const),
      rate: 0.3 + rng.next() * 0.6,
      retryAfterSeconds: rng.pick([0, 1, 30, 120, 300]),
    });
  if (rng.chance(0.2))
    tl.drops.push({
      ...window(10 * MINUTE, 2 * HOUR),
      drop: rng.pick(['before-commit', 'after-commit'] as const),
      rate: 0.2 + rng.next() * 0.4,
    });
  if (rng.chance(0.1)) tl.diskFull.push(window(15 * MINUTE, HOUR, 8, 18));
  if (rng.chance(0.08)) tl.clockSteps.push({ ...window(HOUR, 10 * HOUR), offsetMs: rng.pick([HOUR, -HOUR]) });
  if (rng.chance(0.1))
    tl.drift.push({
      ...window(6 * HOUR, 30 * HOUR, 0, 12),
      msPerHour: rng.pick([-1, 1]) * rng.int(10, 60) * 1000,
    });
  const kills = rng.int(0, 2);
  for (let i = 0; i < kills; i++) d.nightKills.push(rng.int(50, 2000));
  d.syncTrap = d.day % 5 === 1;
  if (quiet(plan, d.day)) {
    // ten days without a kill: one kiosk process lives long enough for its memory to show a trend
    d.nightKills = [];
    d.syncTrap = false;
    for (const sp of d.sessions) sp.trap = null;
  }
}

/** Days 16–25 of a run of 25 days or more. */
export const quiet = (plan: Pick<SoakPlan, 'days'>, day: number): boolean =>
  plan.days >= 25 && day >= 16 && day <= 25;

export interface PlanOptions {
  seed: number;
  days: number;
  /** Schema versions the kiosk knows (the old database is two behind). */
  schemaVersions: number;
}

export function makePlan(o: PlanOptions): SoakPlan {
  const rng = new Prng(o.seed);
  const certDay = Math.min(2, o.days);
  const plan: SoakPlan = {
    seed: o.seed,
    days: o.days,
    start: SOAK_START,
    end: SOAK_START + o.days * DAY,
    timeline: emptyTimeline(),
    dayPlans: [],
    // day 2 at 13:00 (a one-day run: at 17:00, after its visits)
    certificate: {
      persona: EXPIRING_PERSONA,
      validTo: SOAK_START + (certDay - 1) * DAY + (o.days >= 2 ? at(13) : at(17)),
    },
    oldSchemaVersion: Math.max(1, o.schemaVersions - 2),
    migrationTraps: [o.schemaVersions - 1, o.schemaVersions].filter(
      (v) => v > Math.max(1, o.schemaVersions - 2),
    ),
  };
  for (let day = 1; day <= o.days; day++) {
    const start = SOAK_START + (day - 1) * DAY;
    const d: DayPlan = {
      day,
      start,
      weekday: (day - 1) % 7,
      sessions: [],
      registrarAt: start + at(18, 30),
      nightKills: [],
      syncTrap: false,
    };
    if (day <= 2) scriptedDay(plan, d, rng);
    else randomDay(plan, d, rng);
    d.sessions.sort((a, b) => a.at - b.at);
    plan.dayPlans.push(d);
  }
  if (o.days >= 8) {
    // Friday 15:00 → Monday 15:00 of the first weekend
    const friday = SOAK_START + 4 * DAY;
    plan.timeline.link.push({
      from: friday + at(15),
      to: friday + 3 * DAY + at(15),
      fault: 'down',
      note: 'weekend outage',
    });
  }
  return plan;
}
