import type { RegistrarSettings, RegistrarSettingsPatch } from '#shared/contract/registrar';
import { err, ok, type Result } from '#shared/result';
import type { DirectoryService } from '../directory';
import { baseUrlFor, isOfficialHost } from '../ehealth';
import type { EventBus } from '../events';
import {
  KioskSettings,
  REAL_ENVIRONMENTS,
  type AuditLog,
  type SecretSettings,
  type SettingsStore,
} from '../kiosk';
import { checkEnvironment } from '../backend';

export interface SettingsServicePorts {
  settings: SettingsStore;
  secrets: SecretSettings;
  audit: AuditLog;
  events: EventBus;
  directory: () => DirectoryService;
  /** Operations not yet settled with eHealth (they belong to the environment they were made in). */
  unsettledOperations: () => number;
  patientSignedIn: () => boolean;
  /** Whether this host can run the training sandbox. */
  trainingAvailable: boolean;
  /**
   * Restarts the kiosk's services on the saved settings (the host's runtime, once this call has
   * answered); null when the host cannot, and then the eHealth connection does not change at run time.
   */
  restart: (() => void) | null;
}

/**
 * The registrar's settings: read (secrets only as set/masked, hosts as eHealth's own or the
 * operator's) and changed. Plain settings apply at once (the frame reloads its defaults; idle
 * timeouts follow). A change of environment — or of the current environment's credentials — is saved
 * only if that environment can run (its credentials, a sandbox for training), and then the kiosk
 * restarts its services: everything that depends on the environment (key sources, time-stamp
 * service, trust list, sandbox, eHealth client, outbox) is built anew, never half switched. It is
 * refused while a patient is signed in, and a change of environment also while operations made in
 * the old one still wait for delivery. The eHealth host is not a setting of the screen at all.
 */
export class RegistrarSettingsService {
  constructor(private readonly p: SettingsServicePorts) {}

  view(): RegistrarSettings {
    const s = this.p.settings.get();
    const clinic = this.p.directory().clinic();
    return {
      environment: s.environment,
      baseUrls: {
        demo: baseUrlFor('demo', s.operatorHosts),
        preprod: baseUrlFor('preprod', s.operatorHosts),
        prod: baseUrlFor('prod', s.operatorHosts),
      },
      officialHosts: {
        demo: isOfficialHost('demo', s.operatorHosts),
        preprod: isOfficialHost('preprod', s.operatorHosts),
        prod: isOfficialHost('prod', s.operatorHosts),
      },
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
    const touchesBackend = switching || patch.credential?.environment === current.environment;

    // validate everything before changing anything
    const plain: Partial<KioskSettings> = {
      ...(patch.printerName !== undefined ? { printerName: patch.printerName } : {}),
      ...(patch.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: patch.idleTimeoutSeconds } : {}),
      ...(patch.idleWarningSeconds !== undefined ? { idleWarningSeconds: patch.idleWarningSeconds } : {}),
      ...(patch.defaults ?? {}),
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
    if (touchesBackend && !this.p.restart)
      return err('NOT_AVAILABLE', 'this kiosk changes its eHealth connection only when it starts');
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

    const changed: string[] = [];
    if (patch.credential) {
      const { environment, name, value } = patch.credential;
      if (!REAL_ENVIRONMENTS.includes(environment)) return err('VALIDATION', 'no such environment');
      this.p.secrets.set(environment, name, value);
      changed.push(`credential.${environment}.${name}${value === null ? '.removed' : ''}`);
    }
    if (switching) {
      // the environment must be able to run before the kiosk restarts into it
      const usable = checkEnvironment(
        nextEnvironment,
        this.p.settings.get(),
        this.p.secrets,
        this.p.trainingAvailable,
      );
      if (!usable.ok) {
        if (changed.length) this.p.audit.append(actor, 'registrar.settings.update', null, { changed });
        this.p.audit.append(actor, 'registrar.settings.backendRefused', null, {
          environment: nextEnvironment,
          code: usable.error.code,
        });
        return usable;
      }
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
    if (switching) {
      this.p.settings.update({ environment: nextEnvironment });
      changed.push('environment');
    }
    if (changed.length) {
      this.p.audit.append(actor, 'registrar.settings.update', null, {
        changed,
        ...(switching ? { environment: nextEnvironment } : {}),
      });
      this.p.events.emit('kioskSettingsChanged', { environment: this.p.settings.get().environment });
    }
    const view = this.view();
    if (touchesBackend) {
      this.p.audit.append(actor, 'registrar.settings.restart', null, { environment: nextEnvironment });
      this.p.restart?.();
    }
    return ok(view);
  }
}
