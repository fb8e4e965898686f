import { err, ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Doctor search and cards on the replicated directory (offline), and directory sync on demand. */
export const doctorsHandlers = (
  s: KioskServices,
): Pick<Handlers, 'doctorsSearch' | 'doctorsGet' | 'directoryStatus' | 'directorySync'> => ({
  doctorsSearch: (q) => s.directory.search(q),
  doctorsGet: ({ employeeId }) => s.directory.doctor(employeeId),
  directoryStatus: () => ok(s.directory.status()),
  directorySync: () => {
    if (!s.ehealth) return err('NOT_AVAILABLE', 'no eHealth backend is configured for directory sync');
    if (s.directory.syncing) return ok({ started: false });
    const running = s.directory.sync();
    void running.then((r) => {
      if (!r.ok) s.log.warn({ code: r.error.code }, 'directory sync requested from the kiosk failed');
    });
    return ok({ started: true });
  },
});
