/**
 * `kiosk registrar enroll [--data-dir DIR]` (installed kiosk: `kabinet-kiosk --ops registrar enroll`):
 * enrols a new kiosk. Prints exactly one line, `enrollment code: XXXX-XXXX-XXXX`; whoever stands at
 * the screen types that code before the first registrar's PIN. The code is single use, valid for
 * 24 hours, stored only as a hash; a new one replaces an unused one. Issuing it is audited (the
 * operator CLI as actor). A kiosk that already has registrars is not enrolled again: a signed-in
 * registrar adds the others in the panel.
 * Exit codes: 0 printed, 1 refused (already has registrars, or the at-rest key the audit entry needs
 * cannot be opened), 2 usage.
 */
import { openKioskDatabase } from '../core/db';
import { RegistrarAccounts } from '../core/registrar';
import { parseFlags } from './args';
import { cliAuditLog, loadCliKey } from './at-rest-key';
import { EXIT, UsageError, type CliContext, type CliGroup } from './types';

const USAGE = 'usage: kiosk registrar enroll [--data-dir DIR]';

async function enroll(ctx: CliContext): Promise<number> {
  // issuing the code is audited: the audit log is keyed by the at-rest key (made now on a new kiosk)
  const key = await loadCliKey(ctx, { create: true });
  if (!key.ok) {
    ctx.io.stderr(`not enrolled: ${key.message}`);
    return EXIT.failed;
  }
  const db = openKioskDatabase(ctx.dataDir);
  try {
    const accounts = new RegistrarAccounts({ db, audit: cliAuditLog(db, key.key) });
    const registrars = accounts.count();
    if (registrars > 0) {
      ctx.io.stderr(
        `this kiosk is enrolled already (${registrars} registrar${registrars === 1 ? '' : 's'}); ` +
          'a signed-in registrar adds others in the registrar panel',
      );
      return EXIT.failed;
    }
    const { code } = await accounts.enrollment.issue('operator-cli');
    ctx.io.stdout(`enrollment code: ${code}`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}

export const registrarGroup: CliGroup = {
  summary: 'enrol this kiosk: prints the one-time code the first registrar types on the screen',
  async run(args: string[], ctx: CliContext): Promise<number> {
    const [command, ...rest] = args;
    const p = parseFlags(rest, [], []);
    if (command !== 'enroll' || p.positional.length) throw new UsageError(USAGE);
    return enroll(ctx);
  },
};
