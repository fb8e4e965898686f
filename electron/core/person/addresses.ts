import type { Settlement, Street } from '#shared/contract/person';
import { err, ok, type Result } from '#shared/result';
import type { EhealthFailure } from '../ehealth';
import type { PatientPort } from './ports';
import type { Logger } from '../log';

const LIMIT = 30;

/**
 * The address register (uaddresses) for the address form: the regions (oblasts), then settlements
 * of a region by name, then streets of a settlement by name. Only the api-key is needed, but it is
 * offered to a signed-in patient only — and to a visitor registering with eHealth (the form of a
 * registration in progress, before there is any session), never to anyone else.
 */
export class AddressLookup {
  constructor(
    private readonly patient: PatientPort,
    private readonly log: Logger,
    private readonly registering: () => boolean = () => false,
  ) {}

  /** A signed-in patient, or a registration in progress; otherwise the patient session's refusal. */
  private allowed(): Result<void> {
    const ctx = this.patient.requireView();
    if (ctx.ok || this.registering()) return ok(undefined);
    return ctx;
  }

  async regions(): Promise<Result<{ regions: { id: string; name: string }[] }>> {
    const ctx = this.allowed();
    if (!ctx.ok) return ctx;
    const r = await this.patient.pis().addresses.regions();
    if (!r.ok) return this.failed(r.error);
    const regions = r.value.data
      .filter((x) => typeof x.region === 'string' && x.region)
      .map((x) => ({ id: x.id, name: x.region as string }))
      .sort((a, b) => a.name.localeCompare(b.name, 'uk'));
    return ok({ regions });
  }

  async settlements(region: string, query: string): Promise<Result<{ settlements: Settlement[] }>> {
    const ctx = this.allowed();
    if (!ctx.ok) return ctx;
    const name = query.trim();
    if (!name) return ok({ settlements: [] });
    const r = await this.patient.pis().addresses.settlements({ region, name, page_size: LIMIT });
    if (!r.ok) return this.failed(r.error);
    return ok({
      settlements: r.value.data
        .map((s) => ({
          id: s.id,
          name: s.name ?? s.settlement_name ?? '',
          type: s.type ?? null,
          district: s.district ?? null,
          region: s.region ?? region,
        }))
        .filter((s) => s.name),
    });
  }

  async streets(settlementId: string, query: string): Promise<Result<{ streets: Street[] }>> {
    const ctx = this.allowed();
    if (!ctx.ok) return ctx;
    const name = query.trim();
    if (!name) return ok({ streets: [] });
    const r = await this.patient
      .pis()
      .addresses.streets({ settlement_id: settlementId, name, page_size: LIMIT });
    if (!r.ok) return this.failed(r.error);
    return ok({
      streets: r.value.data
        .map((s) => ({ id: s.id, type: s.type ?? null, name: s.name ?? '' }))
        .filter((s) => s.name),
    });
  }

  private failed(e: EhealthFailure): Result<never> {
    this.log.warn({ code: e.code, status: e.details.status ?? null }, 'address register lookup failed');
    return e.code === 'VALIDATION'
      ? err('BAD_REQUEST', 'the address register refused the search')
      : { ok: false, error: e };
  }
}
