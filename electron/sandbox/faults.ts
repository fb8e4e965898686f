/** Fault injection: what the network and eHealth do to a kiosk on a bad day. */

export interface FaultConfig {
  latencyMs: number;
  errorRate: number;
  errorStatus: 500 | 503 | 429;
  retryAfterSeconds: number;
  drop: 'none' | 'before-commit' | 'after-commit';
  dropRate: number;
  outage: boolean;
  /** A captive portal (hotel-style login page) answers every eHealth call with HTML 200 instead. */
  captivePortal: boolean;
  /** The test CA's OCSP responder (/ocsp) does not answer, as a QTSP's may not. */
  ocspOutage: boolean;
}

export const DEFAULT_FAULTS: Readonly<FaultConfig> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
  retryAfterSeconds: 1,
  drop: 'none',
  dropRate: 1,
  outage: false,
  captivePortal: false,
  ocspOutage: false,
});

export class FaultConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FaultConfigError';
  }
}

const rate = (field: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
    throw new FaultConfigError(field, `${field} must be a number from 0 to 1`);
  return v;
};

/** Checks a partial config coming from a test or from the HTTP endpoint. */
export function parseFaults(input: unknown): Partial<FaultConfig> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new FaultConfigError('$', 'faults must be a JSON object');
  const out: Partial<FaultConfig> = {};
  for (const [k, v] of Object.entries(input)) {
    switch (k) {
      case 'latencyMs':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 120_000)
          throw new FaultConfigError(k, 'latencyMs must be an integer from 0 to 120000');
        out.latencyMs = v;
        break;
      case 'errorRate':
        out.errorRate = rate(k, v);
        break;
      case 'dropRate':
        out.dropRate = rate(k, v);
        break;
      case 'errorStatus':
        if (v !== 500 && v !== 503 && v !== 429)
          throw new FaultConfigError(k, 'errorStatus must be 500, 503 or 429');
        out.errorStatus = v;
        break;
      case 'retryAfterSeconds':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 86_400)
          throw new FaultConfigError(k, 'retryAfterSeconds must be an integer from 0 to 86400');
        out.retryAfterSeconds = v;
        break;
      case 'drop':
        if (v !== 'none' && v !== 'before-commit' && v !== 'after-commit')
          throw new FaultConfigError(k, "drop must be 'none', 'before-commit' or 'after-commit'");
        out.drop = v;
        break;
      case 'outage':
        if (typeof v !== 'boolean') throw new FaultConfigError(k, 'outage must be true or false');
        out.outage = v;
        break;
      case 'captivePortal':
        if (typeof v !== 'boolean') throw new FaultConfigError(k, 'captivePortal must be true or false');
        out.captivePortal = v;
        break;
      case 'ocspOutage':
        if (typeof v !== 'boolean') throw new FaultConfigError(k, 'ocspOutage must be true or false');
        out.ocspOutage = v;
        break;
      default:
        throw new FaultConfigError(k, `unknown fault setting ${k}`);
    }
  }
  return out;
}

export interface FaultDecision {
  error: { status: 500 | 503 | 429; retryAfterSeconds: number } | null;
  drop: 'none' | 'before-commit' | 'after-commit';
}

export class Faults {
  private current: FaultConfig = { ...DEFAULT_FAULTS };

  constructor(private readonly random: () => number = Math.random) {}

  get config(): Readonly<FaultConfig> {
    return this.current;
  }

  set(partial: Partial<FaultConfig>): void {
    this.current = { ...this.current, ...parseFaults(partial) };
  }

  reset(): void {
    this.current = { ...DEFAULT_FAULTS };
  }

  /** Rolls the dice for one request. */
  decide(): FaultDecision {
    const c = this.current;
    const error =
      c.errorRate > 0 && this.random() < c.errorRate
        ? { status: c.errorStatus, retryAfterSeconds: c.retryAfterSeconds }
        : null;
    const drop = c.drop !== 'none' && this.random() < c.dropRate ? c.drop : 'none';
    return { error, drop };
  }
}
