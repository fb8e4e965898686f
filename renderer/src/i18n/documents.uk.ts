import type { Message } from './types';

/** Ukrainian messages of the document capture screen. */
export const documentsUk = {
  'documents.title': 'Фото документа',
  'documents.lead':
    'eHealth просить завантажити зображення документа. Сфотографуйте його сторінку камерою кіоску. Зображення надсилається лише до eHealth, і кіоск забуде його, щойно ви завершите.',
  'documents.which': 'Документ {n} з {total}: {document}',
  'documents.howTo':
    'Покладіть розгорнутий документ під камеру сторінкою догори так, щоб було видно всю сторінку, і натисніть «Зробити фото».',
  'documents.cameraView': 'Зображення з камери для документів',
  'documents.cameraStarting': 'Вмикаємо камеру…',
  'documents.take': 'Зробити фото',
  'documents.converting': 'Готуємо зображення…',
  'documents.check': 'Перевірте: чи видно всю сторінку і чи можна прочитати текст?',
  'documents.previewAlt': 'Зроблене фото документа',
  'documents.send': 'Надіслати',
  'documents.sendAgain': 'Надіслати ще раз',
  'documents.retake': 'Переробити фото',
  'documents.sending': 'Надсилаємо до eHealth…',
  'documents.completing': 'Повідомляємо eHealth, що документи завантажено…',
  'documents.uploaded': 'Надіслано: {document}',
  'documents.tryAgain': 'Спробувати ще раз',
  'documents.fromMedium': 'Взяти фото з флешки',
  'documents.mediumTitle': 'Фото на флешці',
  'documents.mediumItem': '{name} ({size} МБ)',
  'documents.backToCamera': 'Повернутися до камери',
  'documents.cancel': 'Скасувати',
  'documents.type.PASSPORT': 'паспорт',
  'documents.type.NATIONAL_ID': 'ID-картка',
  'documents.type.BIRTH_CERTIFICATE': 'свідоцтво про народження',
  'documents.type.TEMPORARY_CERTIFICATE': 'тимчасове посвідчення',
  'documents.type.other': 'документ ({type})',
} satisfies Record<string, Message>;

export type DocumentsMessageKey = keyof typeof documentsUk;
