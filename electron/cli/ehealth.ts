/**
 * `kiosk ehealth …` — where the kiosk talks to eHealth, set only on the machine itself:
 *   hosts                          the host of each real environment (eHealth's own, or set here)
 *   set-host ENVIRONMENT URL       use another https host for demo, preprod or prod (a proxy, a new host)
 *   reset-host ENVIRONMENT         back to eHealth's own host
 * The registrar's touch screen cannot change a host. Every change is audited (the operator CLI as
 * actor) and takes effect when the kiosk starts next (or restarts for an environment switch).
 * Exit codes: 0 ok, 1 the at-rest key (for the audit entry) cannot be opened, 2 usage (an unknown
 * environment, a URL that is not https).
 */
import { openKioskDatabase } from '../core/db';
import {
  baseUrlFor,
  isOfficialHost,
  OFFICIAL_EHEALTH_HOSTS,
  OperatorHostUrl,
  type RealEnvironment,
} from '../core/ehealth';
import { SettingsStore } from '../core/kiosk';
import { parseFlags } from './args';
import { cliAuditLog, loadCliKey } from './at-rest-key';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';

const USAGE = [
  'usage: kiosk ehealth hosts [--data-dir DIR]',
  '       kiosk ehealth set-host demo|preprod|prod https://HOST[/PATH] [--data-dir DIR]',
  '       kiosk ehealth reset-host demo|preprod|prod [--data-dir DIR]',
].join('\n');

const ENVIRONMENTS = Object.keys(OFFICIAL_EHEALTH_HOSTS) as RealEnvironment[];

const environmentOf = (value: string | undefined): RealEnvironment => {
  if (!value || !(ENVIRONMENTS as string[]).includes(value))
    throw new UsageError(`the environment must be one of ${ENVIRONMENTS.join(', ')}\n${USAGE}`);
  return value as RealEnvironment;
};

async function run(args: string[], ctx: CliContext): Promise<number> {
  const [command, ...rest] = args;
  const p = parseFlags(rest, [], []);
  const db = openKioskDatabase(ctx.dataDir);
  try {
    const settings = new SettingsStore(db);
    if (command === 'hosts' && p.positional.length === 0) {
      const hosts = settings.get().operatorHosts;
      for (const env of ENVIRONMENTS)
        ctx.io.stdout(
          `${env.padEnd(8)} ${baseUrlFor(env, hosts)}${isOfficialHost(env, hosts) ? '' : '  (set on this machine)'}`,
        );
      return EXIT.ok;
    }
    if (command === 'set-host' && p.positional.length === 2) {
      const environment = environmentOf(p.positional[0]);
      const url = OperatorHostUrl.safeParse(p.positional[1]);
      if (!url.success)
        throw new UsageError(`not an https URL without credentials, query or fragment\n${USAGE}`);
      const audit = await auditOf(ctx, db);
      if (!audit) return EXIT.failed;
      const hosts = { ...settings.get().operatorHosts, [environment]: url.data };
      db.transaction(() => {
        settings.update({ operatorHosts: hosts });
        audit.append('operator-cli', 'ehealth.host.set', environment, {
          origin: new URL(url.data).origin,
          official: false,
        });
      })();
      ctx.io.stdout(`${environment} now uses ${url.data}; the kiosk uses it from its next start`);
      return EXIT.ok;
    }
    if (command === 'reset-host' && p.positional.length === 1) {
      const environment = environmentOf(p.positional[0]);
      const audit = await auditOf(ctx, db);
      if (!audit) return EXIT.failed;
      const hosts = { ...settings.get().operatorHosts };
      delete hosts[environment];
      db.transaction(() => {
        settings.update({ operatorHosts: hosts });
        audit.append('operator-cli', 'ehealth.host.set', environment, {
          origin: new URL(OFFICIAL_EHEALTH_HOSTS[environment]).origin,
          official: true,
        });
      })();
      ctx.io.stdout(`${environment} uses eHealth's own host ${OFFICIAL_EHEALTH_HOSTS[environment]} again`);
      return EXIT.ok;
    }
    throw new UsageError(USAGE);
  } finally {
    db.close();
  }
}

/** A change of host is audited, so it needs the at-rest key (made here on a kiosk set up before its first start). */
async function auditOf(ctx: CliContext, db: Parameters<typeof cliAuditLog>[0]) {
  const key = await loadCliKey(ctx, { create: true });
  if (key.ok) return cliAuditLog(db, key.key);
  ctx.io.stderr(`not changed: ${key.message}`);
  return null;
}

export const ehealthGroup: CliGroup = {
  summary: "the eHealth host of each environment: eHealth's own, or one set on this machine (audited)",
  run,
};
