/**
 * "Act for my child": the signed-in parent or guardian signs, with their own key (in the signer
 * process, as every signature), content that identifies the child for eHealth's confidant sign-in
 * (`POST /api/pis/confidant/sign-in`). eHealth checks the signature and the relation it holds and
 * answers with a token acting for the child; the child's person and verification records then
 * decide, by the rules in shared/rules/acting, what the parent may do. The patient session
 * (./patient-session.ts) keeps both people and is the one owner of both tokens' life: "Finish"
 * ends both.
 *
 * The signed content follows the decoded payload eHealth documents for this call (`last_name`,
 * `given_name`, `tax_id` or `document{type, number}`), with the date of birth and the names apart
 * as in its person request (`first_name`, `second_name`, `birth_date`), so either reading of the
 * specification finds what it needs. Nothing of the child is logged.
 */
import type { ActingState, ActedFor, ChildIdentity } from '#shared/contract/acting';
import { actingAccess, actorRoleOf, mayActForOthers, type ActorRole } from '#shared/rules/acting';
import { ageInYears, kyivDate } from '#shared/rules/age';
import { normalizeApostrophes } from '#shared/rules/apostrophe';
import { normalizeDocumentNumber } from '#shared/rules/person/documents';
import { normalizeName } from '#shared/rules/person/names';
import { err, ok, type KioskError, type Result } from '#shared/result';
import type { Person, PersonVerification } from '../ehealth';
import type { Logger } from '../log';
import type { PatientSession } from './patient-session';

export interface ActingDeps {
  patient: PatientSession;
  log: Logger;
  now: () => Date;
}

/** A name as documents write it: each part (between spaces and hyphens) capitalised («Дем'яненко-Лук'ян»). */
export function nameCase(typed: string): string {
  return normalizeName(typed)
    .toLocaleLowerCase('uk')
    .replace(/(^|[ -])(\p{L})/gu, (_m, sep: string, c: string) => `${sep}${c.toLocaleUpperCase('uk')}`);
}

/** What the parent signs: the child as eHealth searches for them. */
export function confidantSignInContent(child: ChildIdentity): Record<string, unknown> {
  const lastName = nameCase(child.lastName);
  const firstName = nameCase(child.firstName);
  const secondName = nameCase(child.secondName);
  return {
    last_name: lastName,
    given_name: [firstName, secondName].filter(Boolean).join(' '),
    first_name: firstName,
    ...(secondName ? { second_name: secondName } : {}),
    birth_date: child.birthDate,
    ...(child.document.kind === 'tax-id'
      ? { tax_id: child.document.number }
      : {
          document: {
            type: 'BIRTH_CERTIFICATE',
            number: normalizeDocumentNumber('BIRTH_CERTIFICATE', child.document.number),
          },
        }),
  };
}

/** Why eHealth refused the confidant sign-in, in the kiosk's words. */
export function confidantRefusal(e: KioskError): KioskError {
  const ehealth = (e.details?.ehealth ?? null) as { message?: string | null; type?: string | null } | null;
  const text = `${ehealth?.type ?? ''} ${ehealth?.message ?? ''}`.toLowerCase();
  if (/relation|confidant/.test(text))
    return { code: 'NO_RELATION', message: 'eHealth holds no relation between the two people' };
  if (e.code === 'PERSON_NOT_FOUND' || e.code === 'EHEALTH_NOT_FOUND' || /not found/.test(text))
    return { code: 'CHILD_NOT_FOUND', message: 'eHealth found no person with these details' };
  if (e.code === 'EHEALTH_FORBIDDEN' || e.code === 'EHEALTH_UNAUTHORIZED')
    return { code: 'NO_RELATION', message: 'eHealth refused to let this person act for the other' };
  if (e.code === 'VALIDATION' || e.code === 'EHEALTH_REJECTED')
    return { code: 'CHILD_NOT_FOUND', message: 'eHealth could not identify a person with these details' };
  return e;
}

const fold = (s: string | null | undefined): string =>
  normalizeApostrophes(s ?? '')
    .trim()
    .toLocaleLowerCase('uk');

/** The person eHealth answered with is the one the parent described (surname and date of birth). */
function sameChild(person: Person, child: ChildIdentity): boolean {
  return (
    fold(person.last_name) === fold(nameCase(child.lastName)) &&
    (person.birth_date ?? '').slice(0, 10) === child.birthDate
  );
}

const capacityOf = (person: Person, verification: PersonVerification | null): string | null =>
  verification?.person_verification?.details?.legal_capacity?.verification_status ??
  person.verification?.details?.legal_capacity?.verification_status ??
  null;

/** The relation as the child's record states it: the documents of the entry naming the parent. */
function roleOf(child: Person, actorPersonId: string): ActorRole {
  const entries = Array.isArray(child.confidant_person) ? child.confidant_person : [];
  const mine =
    entries.find((c) => c.person_id === actorPersonId) ?? (entries.length === 1 ? entries[0] : null);
  const docs = Array.isArray(mine?.documents_relationship) ? mine.documents_relationship : [];
  const types = docs
    .map((d) => (d && typeof d === 'object' ? (d as { type?: unknown }).type : null))
    .filter((t): t is string => typeof t === 'string');
  return actorRoleOf(types);
}

export class ActingService {
  private busy = false;

  constructor(private readonly deps: ActingDeps) {}

  /** Who the session may be about and who it is about now. */
  state(): Result<ActingState> {
    const own = this.deps.patient.own();
    if (!own) return err('NO_SESSION', 'nobody is signed in at this kiosk');
    const children: ActedFor[] = [];
    for (const s of this.deps.patient.subjects()) {
      if (s.handle === null || !s.ctx.actingAs) continue;
      const access = s.ctx.access;
      children.push({
        handle: s.handle,
        name: [s.person.first_name, s.person.last_name].filter(Boolean).join(' '),
        ageYears: s.ctx.ageYears,
        access,
        reason:
          access === 'full'
            ? 'child-under-14'
            : s.ctx.ageYears >= 14
              ? 'teen-signs-own'
              : 'relation-not-verified',
        role: s.ctx.actingAs,
      });
    }
    return ok({
      mayActForOthers: this.mayAct(own.person, own.verification, own.ctx.ageYears),
      children,
      active: this.deps.patient.activeHandle(),
    });
  }

  private mayAct(person: Person, verification: PersonVerification | null, ageYears: number): boolean {
    return mayActForOthers({ ageYears, legalCapacity: capacityOf(person, verification) });
  }

  /** Back to the signed-in person (null) or to someone already opened in this session. */
  switchTo(handle: string | null): Result<ActingState> {
    const switched = this.deps.patient.switchTo(handle);
    if (!switched.ok) return switched;
    return this.state();
  }

  /** Identifies the child, signs with the parent's key, signs in for the child and opens their cabinet. */
  async start(child: ChildIdentity): Promise<Result<ActingState>> {
    if (this.busy) return err('SESSION_BUSY', 'the kiosk is already opening a cabinet');
    this.busy = true;
    try {
      const r = await this.open(child);
      if (!r.ok) this.deps.log.info({ code: r.error.code }, 'acting for someone refused');
      else this.deps.log.info({ people: r.value.children.length }, 'acting for someone');
      return r;
    } catch (e) {
      this.deps.log.error({ err: e }, 'acting for someone failed unexpectedly');
      return err('INTERNAL', 'the cabinet could not be opened');
    } finally {
      this.busy = false;
    }
  }

  private async open(child: ChildIdentity): Promise<Result<ActingState>> {
    const { patient } = this.deps;
    // a parent acts from their own cabinet: whoever the session is about now, the signer is theirs
    const back = patient.switchTo(null);
    if (!back.ok) return back;
    const own = patient.own();
    if (!own) return err('NO_SESSION', 'nobody is signed in at this kiosk');
    if (!this.mayAct(own.person, own.verification, own.ctx.ageYears))
      return err('ACTING_NOT_ALLOWED', 'only someone who may act for themselves may act for a child', {
        reason: 'actor-may-not-act',
      });

    const signed = await patient.sign(JSON.stringify(confidantSignInContent(child)));
    if (!signed.ok) return signed;
    const api = patient.pis();
    const token = await api.auth.confidantSignIn(signed.value.signedContent);
    if (!token.ok) return { ok: false, error: confidantRefusal(token.error) };
    const set = api.tokenSetFrom(token.value.data);
    const holder = api.patientTokens(set);
    const refuse = async (error: KioskError): Promise<Result<never>> => {
      const access = holder.current().accessToken;
      const out = access ? await api.auth.logout(access) : null;
      if (out && !out.ok)
        this.deps.log.info({ code: out.error.code }, 'logout of a refused child token failed');
      return { ok: false, error };
    };

    const applicant = token.value.data.details?.applicant_person_id;
    if (applicant && applicant !== own.ctx.personId)
      return refuse({ code: 'EHEALTH_REJECTED', message: 'eHealth named another person as the one acting' });
    const person = await api.person.get(holder);
    if (!person.ok) return refuse(person.error);
    const verification = await api.person.verification(holder);
    if (!verification.ok) return refuse(verification.error);
    const p = person.value.data;
    if (p.id === own.ctx.personId || !sameChild(p, child))
      return refuse({ code: 'CHILD_NOT_FOUND', message: 'eHealth answered with another person' });
    const age = p.birth_date ? ageInYears(p.birth_date, kyivDate(this.deps.now())) : null;
    if (age === null)
      return refuse({ code: 'EHEALTH_REJECTED', message: 'eHealth returned no usable birth date' });

    const decision = actingAccess(
      { ageYears: own.ctx.ageYears, legalCapacity: capacityOf(own.person, own.verification) },
      { ageYears: age, legalCapacity: capacityOf(p, verification.value.data) },
      {
        verification:
          verification.value.data.confidant_person_relationship_verification?.verification_status ?? null,
      },
    );
    if (decision.access === 'none')
      return refuse({
        code: 'ACTING_NOT_ALLOWED',
        message: 'the kiosk does not act for this person',
        details: { reason: decision.reason },
      });
    const opened = patient.actFor({
      personId: p.id,
      ageYears: age,
      access: decision.access,
      role: roleOf(p, own.ctx.personId),
      tokens: holder.current(),
      person: p,
      verification: verification.value.data,
    });
    if (!opened.ok) return refuse(opened.error);
    return this.state();
  }
}
