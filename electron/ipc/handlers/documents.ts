import type { Result } from '#shared/result';
import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';

type DocumentsChannel =
  | 'documentsGet'
  | 'documentsRefresh'
  | 'documentsCameraOpen'
  | 'documentsCameraClose'
  | 'documentsImagePart'
  | 'documentsUpload'
  | 'documentsComplete'
  | 'documentsMediumList'
  | 'documentsMediumRead';

/** Documents eHealth asks for: the patient who may act (checked in the service); closing the camera always. */
export const documentsHandlers = (s: KioskServices): Pick<Handlers, DocumentsChannel> => {
  const d = () => s.person.documents;
  /** What reached eHealth is audited by outcome only: the session's pseudonymous id, no image, no type. */
  const audited = async <T>(action: string, run: Promise<Result<T>>): Promise<Result<T>> => {
    const r = await run;
    try {
      s.audit.append(
        'patient',
        r.ok ? action : `${action}-refused`,
        s.patient.current()?.sessionId ?? null,
        r.ok ? {} : { code: r.error.code },
      );
    } catch (e) {
      s.log.error({ action, err: e }, 'audit entry not written');
    }
    return r;
  };
  return {
    documentsGet: () => d().view(),
    documentsRefresh: () => d().refresh(),
    documentsCameraOpen: () => d().openCamera(),
    documentsCameraClose: () => d().closeCamera(),
    documentsImagePart: (req) => d().receivePart(req),
    documentsUpload: ({ type }) => audited('documents.uploaded', d().upload(type)),
    documentsComplete: () => audited('documents.completed', d().complete()),
    documentsMediumList: () => d().mediumList(),
    documentsMediumRead: ({ id, part }) => d().mediumPart(id, part),
  };
};
