import { ok } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

/** Declarations, a new declaration and the doctor search's context for the signed-in patient. */
export const declarationsHandlers = (
  s: KioskServices,
): Pick<
  Handlers,
  | 'declarationsOverview'
  | 'declarationsGet'
  | 'declarationsTerminate'
  | 'declarationRequestStart'
  | 'declarationRequestConfirm'
  | 'declarationRequestCancel'
  | 'doctorSearchContext'
> => ({
  declarationsOverview: () => s.cabinet.declarations.overview(),
  declarationsGet: ({ id }) => s.cabinet.declarations.details(id),
  declarationsTerminate: ({ id, reasonDescription }) =>
    s.cabinet.declarations.terminate(id, reasonDescription),
  declarationRequestStart: ({ employeeId, divisionId }) =>
    s.cabinet.newDeclaration.start(employeeId, divisionId),
  declarationRequestConfirm: ({ flowId }) => s.cabinet.newDeclaration.confirm(flowId),
  declarationRequestCancel: ({ flowId }) => s.cabinet.newDeclaration.cancel(flowId),
  doctorSearchContext: () => ok(s.cabinet.declarations.searchContext()),
});
