import type { Environment } from '#shared/contract/app';
import type { RegistrarSettings, RegistrarSettingsPatch } from '#shared/contract/registrar';
import { err, ok, type Result } from '#shared/result';
import type { DirectoryService } from '../directory/directory-service';
import type { EventBus } from '../events';
import type { AuditLog } from './audit';
import { REAL_ENVIRONMENTS, type SecretSettings } from './secrets';
import { KioskSettings, type SettingsStore } from './settings';

export interface SettingsServicePorts {
  settings: SettingsStore;
  secrets: SecretSettings;
  audit: AuditLog;
  events: EventBus;
  directory: () => DirectoryService;
  /** Operations not yet settled with eHealth (they belong to the environment they were made in). */
  unsettledOperations: () => number;
  patientSignedIn: () => boolean;
  /**
   * Points the eHealth client, outbox delivery and directory replication at `environment`'s
   * backend; leaves everything as it was when the backend cannot be configured.
   */
  applyBackend: (environment: Environment) => Promise<Result<void>>;
}

/**
 * The registrar's settings: read (secrets only as set/masked) and changed. Plain settings apply at
 * once (the frame reloads its defaults; idle timeouts follow). A change of environment — or of the
 * current environment's URL or credentials — switches the backend before it is saved, so the next
 * patient session talks to the new one; it is refused while a patient is signed in, and a change
 * of environment also while operations made in the old one still wait for delivery.
 */
export class RegistrarSettingsService {
  constructor(private readonly p: SettingsServicePorts) {}

  view(): RegistrarSettings {
    const s = this.p.settings.get();
    const clinic = this.p.directory().clinic();
    return {
      environment: s.environment,
      baseUrls: { ...s.baseUrls },
      credentials: {
        demo: this.p.secrets.state('demo'),
        preprod: this.p.secrets.state('preprod'),
        prod: this.p.secrets.state('prod'),
      },
      clinic: {
        divisionId: clinic?.divisionIds?.[0] ?? null,
        latitude: clinic?.latitude ?? null,
        longitude: clinic?.longitude ?? null,
      },
      printerName: s.printerName,
      idleTimeoutSeconds: s.idleTimeoutSeconds,
      idleWarningSeconds: s.idleWarningSeconds,
      defaults: { language: s.language, largeText: s.largeText, highContrast: s.highContrast },
    };
  }

  async update(patch: RegistrarSettingsPatch, registrarId: string): Promise<Result<RegistrarSettings>> {
    const actor = `registrar:${registrarId}` as const;
    const current = this.p.settings.get();
    const nextEnvironment = patch.environment ?? current.environment;
    const switching = nextEnvironment !== current.environment;
    const touchesBackend =
      switching ||
      patch.baseUrl?.environment === current.environment ||
      patch.credential?.environment === current.environment;

    // validate everything before changing anything
    const plain: Partial<KioskSettings> = {
      ...(patch.printerName !== undefined ? { printerName: patch.printerName } : {}),
      ...(patch.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: patch.idleTimeoutSeconds } : {}),
      ...(patch.idleWarningSeconds !== undefined ? { idleWarningSeconds: patch.idleWarningSeconds } : {}),
      ...(patch.defaults ?? {}),
      ...(patch.baseUrl
        ? { baseUrls: { ...current.baseUrls, [patch.baseUrl.environment]: patch.baseUrl.url } }
        : {}),
    };
    const checked = KioskSettings.safeParse({ ...current, ...plain });
    if (!checked.success)
      return err('VALIDATION', 'a setting is out of range', {
        fields: checked.error.issues.map((i) => i.path.map(String).join('.')).slice(0, 5),
      });
    if (checked.data.idleWarningSeconds >= checked.data.idleTimeoutSeconds)
      return err('VALIDATION', 'the idle warning must be shorter than the idle timeout', {
        fields: ['idleWarningSeconds'],
      });
    if (patch.clinic && (patch.clinic.latitude === null) !== (patch.clinic.longitude === null))
      return err('VALIDATION', 'give both coordinates or neither', { fields: ['clinic'] });
    if (patch.credential?.value === null && patch.credential.environment === current.environment)
      return err('VALIDATION', 'the environment in use needs its credentials; switch environment first', {
        fields: ['credential'],
      });
    if (touchesBackend && this.p.patientSignedIn())
      return err('SESSION_BUSY', 'a visitor is signed in; change the eHealth connection after they finish');
    if (switching) {
      const waiting = this.p.unsettledOperations();
      if (waiting > 0)
        return err(
          'OUTBOX_NOT_EMPTY',
          `${waiting} operation(s) made in ${current.environment} still wait for delivery`,
          { operations: waiting },
        );
    }

    const previousUrls = current.baseUrls;
    const changed: string[] = [];
    if (patch.credential) {
      const { environment, name, value } = patch.credential;
      if (!REAL_ENVIRONMENTS.includes(environment)) return err('VALIDATION', 'no such environment');
      this.p.secrets.set(environment, name, value);
      changed.push(`credential.${environment}.${name}${value === null ? '.removed' : ''}`);
    }
    if (Object.keys(plain).length) {
      this.p.settings.update(plain);
      changed.push(...Object.keys(plain));
    }
    if (patch.clinic) {
      const { divisionId, latitude, longitude } = patch.clinic;
      const existing = this.p.directory().clinic();
      const r = this.p.directory().setClinic(
        divisionId === null && latitude === null && !existing?.legalEntityId
          ? null
          : {
              ...(existing?.legalEntityId ? { legalEntityId: existing.legalEntityId } : {}),
              ...(divisionId !== null ? { divisionIds: [divisionId] } : {}),
              ...(latitude !== null && longitude !== null ? { latitude, longitude } : {}),
            },
      );
      if (!r.ok) return r;
      changed.push('clinic');
    }
    if (touchesBackend) {
      const applied = await this.p.applyBackend(nextEnvironment);
      if (!applied.ok) {
        // a URL that does not work must not stay saved for the environment in use
        if (patch.baseUrl?.environment === current.environment)
          this.p.settings.update({ baseUrls: previousUrls });
        this.p.audit.append(actor, 'registrar.settings.backendRefused', null, {
          environment: nextEnvironment,
          code: applied.error.code,
        });
        return applied;
      }
      if (switching) {
        this.p.settings.update({ environment: nextEnvironment });
        changed.push('environment');
      }
    }
    if (changed.length) {
      this.p.audit.append(actor, 'registrar.settings.update', null, {
        changed,
        ...(switching ? { environment: nextEnvironment } : {}),
      });
      this.p.events.emit('kioskSettingsChanged', { environment: this.p.settings.get().environment });
    }
    return ok(this.view());
  }
}
