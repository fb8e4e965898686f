import { describe, expect, it } from 'vitest';
import { DAY, HOUR, makePlan, SOAK_START } from './plan';
import { linkAt, sandboxFaultsAt, skewAt, emptyTimeline } from './timeline';

describe('the soak plan', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const a = makePlan({ seed: 42, days: 30, schemaVersions: 6 });
    expect(makePlan({ seed: 42, days: 30, schemaVersions: 6 })).toEqual(a);
    expect(makePlan({ seed: 43, days: 30, schemaVersions: 6 })).not.toEqual(a);
  });

  it('meets every kind of fault within two days', () => {
    const p = makePlan({ seed: 1, days: 2, schemaVersions: 6 });
    const tl = p.timeline;
    expect(new Set(tl.link.map((w) => w.fault))).toEqual(new Set(['down', 'dns', 'tls', 'captive', 'slow']));
    const sessions = p.dayPlans.flatMap((d) => d.sessions);
    // eHealth outages and dropped connections come while a patient reads what they sign
    expect(sessions.map((s) => s.dropBeforeSign?.fault)).toEqual(
      expect.arrayContaining(['ehealth-down', 'drop-after-commit', 'drop-before-commit']),
    );
    expect(new Set(sessions.map((s) => s.trap).filter(Boolean))).toEqual(
      new Set(['sign-sent', 'sign-answered', 'released', 'delivered']),
    );
    expect(sessions.some((s) => s.formMs >= 12 * 60_000)).toBe(true);
    expect(tl.storms.map((s) => s.status).sort()).toEqual([429, 500, 503]);
    expect(tl.diskFull).toHaveLength(1);
    expect(tl.clockSteps.map((c) => c.offsetMs).sort()).toEqual([-HOUR, HOUR]);
    expect(tl.drift).toHaveLength(1);
    expect(p.dayPlans.some((d) => d.syncTrap)).toBe(true);
    expect(p.dayPlans.flatMap((d) => d.nightKills).length).toBeGreaterThan(0);
    expect(p.migrationTraps).toEqual([5, 6]);
    expect(p.oldSchemaVersion).toBe(4);
    // the certificate ends on day 2, after the visit whose act will wait for it
    expect(p.certificate.validTo).toBeGreaterThan(SOAK_START + DAY);
    expect(p.certificate.validTo).toBeLessThan(SOAK_START + 2 * DAY);
  });

  it('has a three-day outage over the first weekend once the run is long enough', () => {
    const weekend = makePlan({ seed: 3, days: 8, schemaVersions: 6 }).timeline.link.filter(
      (w) => w.note === 'weekend outage',
    );
    expect(weekend).toHaveLength(1);
    expect((weekend[0]?.to ?? 0) - (weekend[0]?.from ?? 0)).toBe(3 * DAY);
    expect(new Date(weekend[0]?.from ?? 0).getUTCDay()).toBe(5); // a Friday
    expect(
      makePlan({ seed: 3, days: 7, schemaVersions: 6 }).timeline.link.some(
        (w) => w.note === 'weekend outage',
      ),
    ).toBe(false);
  });

  it('leaves ten days of a long run without a kill (memory is judged on one process)', () => {
    const p = makePlan({ seed: 5, days: 30, schemaVersions: 6 });
    const quietDays = p.dayPlans.filter((d) => d.day >= 16 && d.day <= 25);
    expect(quietDays.flatMap((d) => d.nightKills)).toEqual([]);
    expect(quietDays.flatMap((d) => d.sessions.map((s) => s.trap)).filter(Boolean)).toEqual([]);
    expect(quietDays.some((d) => d.syncTrap)).toBe(false);
    expect(p.dayPlans.filter((d) => d.day < 16).flatMap((d) => d.nightKills).length).toBeGreaterThan(5);
  });

  it('keeps visits in opening hours, none on Sundays', () => {
    const p = makePlan({ seed: 9, days: 30, schemaVersions: 6 });
    for (const d of p.dayPlans) {
      if (d.weekday === 6) expect(d.sessions).toEqual([]);
      for (const s of d.sessions) {
        const local = (s.at - d.start) / HOUR;
        expect(local).toBeGreaterThanOrEqual(8);
        expect(local).toBeLessThanOrEqual(18);
      }
    }
  });
});

describe('the fault time line', () => {
  it('shows the fault that hides most, the clock steps and drift, and eHealth faults', () => {
    const tl = emptyTimeline();
    tl.link.push({ from: 0, to: 100, fault: 'slow', slowMs: 30_000 }, { from: 50, to: 60, fault: 'dns' });
    tl.clockSteps.push({ from: 0, to: 2 * HOUR, offsetMs: HOUR });
    tl.drift.push({ from: 0, to: 10 * HOUR, msPerHour: 30_000 });
    tl.storms.push({ from: 0, to: 10, status: 429, rate: 0.5, retryAfterSeconds: 120 });
    expect(linkAt(tl, 55)?.fault).toBe('dns');
    expect(linkAt(tl, 70)?.fault).toBe('slow');
    expect(linkAt(tl, 100)).toBeNull();
    expect(skewAt(tl, HOUR)).toBe(HOUR + 30_000);
    expect(skewAt(tl, 3 * HOUR)).toBe(90_000);
    expect(skewAt(tl, 10 * HOUR)).toBe(0);
    expect(sandboxFaultsAt(tl, 5)).toMatchObject({
      errorRate: 0.5,
      errorStatus: 429,
      retryAfterSeconds: 120,
    });
    expect(sandboxFaultsAt(tl, 20)).toMatchObject({ errorRate: 0, drop: 'none' });
  });
});
