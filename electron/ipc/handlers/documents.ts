import type { KioskServices } from '../../core/services';
import type { Handlers } from '../router';
import { auditedBy } from './audited';

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
  const audited = auditedBy(s);
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
