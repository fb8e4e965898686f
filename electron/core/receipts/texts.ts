import type { OperationKind, OperationState } from '#shared/contract/outbox';
import type { ReceiptLanguage } from '#shared/contract/receipts';
import type { ActorRole } from '#shared/rules/acting';

/** What a receipt says, in both languages. Printed by main, so these live beside the renderer's own. */
export interface ReceiptTexts {
  kiosk: string;
  receiptTitle: string;
  doctorNoteTitle: string;
  slipTitle: string;
  noRelationTitle: string;
  when: string;
  status: string;
  doctor: string;
  speciality: string;
  clinic: string;
  provider: string;
  address: string;
  phones: string;
  hours: string;
  freePlaces: string;
  freePlacesAsOf: string;
  declarationNumber: string;
  app: string;
  reference: string;
  referenceQr: string;
  deadline: string;
  /** Acts done for a child: whom it concerns (initials) and who signed (a role). */
  patient: string;
  signedBy: string;
  roles: Record<ActorRole, string>;
  kinds: Record<OperationKind, string>;
  states: Record<OperationState, string>;
  notes: {
    queued: string;
    deadline: string;
    done: string;
    problem: string;
    keep: string;
    doctorNote: string;
    slip: string[];
    noRelation: string[];
    /** A registration waiting for the link: its short window said in words (minutes from signing). */
    registrationQueued: (minutes: number) => string;
    registrationDone: string;
  };
  specialities: Record<string, string>;
  days: Record<string, string>;
  unknown: string;
}

const uk: ReceiptTexts = {
  kiosk: 'Кабінет пацієнта — кіоск',
  receiptTitle: 'Квитанція',
  doctorNoteTitle: 'Обраний лікар',
  slipTitle: 'Направлення до реєстратури',
  noRelationTitle: 'Як зареєструвати звʼязок із дитиною в eHealth',
  when: 'Коли',
  status: 'Стан',
  doctor: 'Лікар',
  speciality: 'Спеціальність',
  clinic: 'Місце надання допомоги',
  provider: 'Заклад',
  address: 'Адреса',
  phones: 'Телефони',
  hours: 'Години роботи',
  freePlaces: 'Вільних місць',
  freePlacesAsOf: 'станом на',
  declarationNumber: 'Номер декларації',
  app: 'Електронний кабінет',
  reference: 'Код квитанції',
  referenceQr: 'QR-код із кодом квитанції',
  deadline: 'Кіоск надсилатиме дію до',
  patient: 'Пацієнт (ініціали)',
  signedBy: 'Підписав(ла)',
  roles: {
    parent: 'один із батьків',
    guardian: 'опікун (піклувальник)',
    representative: 'законний представник',
  },
  kinds: {
    'app.revoke': 'Скасування доступу електронного кабінету',
    'declaration.terminate': 'Припинення декларації',
    'declaration-request.create': 'Запит на декларацію',
    'declaration-request.sign': 'Підписання нової декларації',
    'declaration-request.reject': 'Відкликання запиту на декларацію',
    'person-request.create': 'Запит на зміну персональних даних',
    'person-request.complete': 'Підписання зміни персональних даних',
    'person-request.reject': 'Відкликання запиту на зміну даних',
    'auth-method-request.create': 'Запит на зміну телефону для входу',
    'auth-method-request.approve': 'Підтвердження телефону для входу',
    'auth-method.deactivate': 'Вимкнення способу входу',
    'auth-method.set-alias': 'Зміна назви способу входу',
    'registration.sign-up': 'Реєстрація в eHealth',
  },
  states: {
    captured: 'Прийнято кіоском, буде надіслано до eHealth',
    'waiting-network': 'Прийнято кіоском, буде надіслано, щойно зʼявиться звʼязок з eHealth',
    sending: 'Надсилається до eHealth',
    done: 'Виконано в eHealth',
    rejected: 'eHealth не прийняла — зверніться до реєстратури',
    'needs-patient': 'Очікує: увійдіть до кабінету ще раз',
    expired: 'Не доставлено вчасно — зверніться до реєстратури',
  },
  notes: {
    queued:
      'Звʼязку з eHealth зараз немає. Кіоск збереже дію і сам надішле її, щойно звʼязок відновиться; приходити ще раз не потрібно.',
    deadline:
      'Якщо до цього часу eHealth так і не буде доступна, дія не відбудеться: у реєстратурі за кодом квитанції побачать, що сталося.',
    done: 'Дію виконано в електронній системі охорони здоровʼя.',
    problem: 'Покажіть цю квитанцію в реєстратурі — там допоможуть.',
    keep: 'Збережіть квитанцію: за кодом у реєстратурі можна перевірити, що сталося з дією.',
    doctorNote:
      'Декларацію зараз не підписано. Покажіть цю записку в реєстратурі: там декларацію з цим лікарем підпишуть разом з вами.',
    slip: [
      'Людина, молодша за 14 років, не може користуватися кабінетом пацієнта самостійно.',
      'Декларацію з лікарем або зміну даних для дитини оформлює один із батьків чи законний представник.',
      'Один із батьків (законний представник) може зробити це в цьому кіоску: увійти зі своїм ключем КЕП і обрати «Діяти за дитину».',
      'Або підійдіть до реєстратури разом із батьками (представником) і візьміть свідоцтво про народження дитини та паспорт дорослого.',
    ],
    noRelation: [
      'eHealth поки не має запису, що ви — батько, мати чи законний представник цієї дитини, тому діяти за неї в кіоску не можна.',
      'Цей звʼязок вносить до eHealth лікар або реєстратор будь-якого закладу, що працює з eHealth (наприклад, під час підписання декларації дитини).',
      'Візьміть із собою свій паспорт або ID-картку, свій РНОКПП та свідоцтво про народження дитини (опікун — рішення суду або посвідчення опікуна).',
      'Коли звʼязок внесено, ви зможете діяти за дитину в цьому кіоску: увійти зі своїм ключем і обрати «Діяти за дитину».',
    ],
    registrationQueued: (minutes) =>
      `Звʼязку з eHealth зараз немає. Кіоск зберіг вашу підписану реєстрацію і сам надішле її, щойно звʼязок відновиться, — але лише протягом ${minutesUk(minutes)} після підписання: пізніше eHealth її не прийме, і зареєструватися доведеться ще раз. Коли реєстрацію буде доставлено, увійдіть до кабінету зі своїм ключем.`,
    registrationDone:
      'Вас зареєстровано в eHealth. Увійдіть до кабінету пацієнта зі своїм ключем КЕП — у цьому чи будь-якому іншому кіоску.',
  },
  specialities: {
    FAMILY_DOCTOR: 'сімейний лікар',
    THERAPIST: 'терапевт',
    PEDIATRICIAN: 'педіатр',
  },
  days: { mon: 'пн', tue: 'вт', wed: 'ср', thu: 'чт', fri: 'пт', sat: 'сб', sun: 'нд' },
  unknown: 'невідомо',
};

const en: ReceiptTexts = {
  kiosk: 'Patient cabinet — kiosk',
  receiptTitle: 'Receipt',
  doctorNoteTitle: 'Chosen doctor',
  slipTitle: 'Please go to the reception desk',
  noRelationTitle: 'How to register your relation to the child in eHealth',
  when: 'When',
  status: 'Status',
  doctor: 'Doctor',
  speciality: 'Speciality',
  clinic: 'Place of care',
  provider: 'Provider',
  address: 'Address',
  phones: 'Phones',
  hours: 'Working hours',
  freePlaces: 'Free places',
  freePlacesAsOf: 'as of',
  declarationNumber: 'Declaration number',
  app: 'E-cabinet',
  reference: 'Receipt code',
  referenceQr: 'QR code with the receipt code',
  deadline: 'The kiosk keeps sending it until',
  patient: 'Patient (initials)',
  signedBy: 'Signed by',
  roles: {
    parent: 'a parent',
    guardian: 'a guardian',
    representative: 'a legal representative',
  },
  kinds: {
    'app.revoke': 'Access of an e-cabinet revoked',
    'declaration.terminate': 'Declaration terminated',
    'declaration-request.create': 'Declaration request',
    'declaration-request.sign': 'New declaration signed',
    'declaration-request.reject': 'Declaration request withdrawn',
    'person-request.create': 'Request to change personal data',
    'person-request.complete': 'Change of personal data signed',
    'person-request.reject': 'Request to change personal data withdrawn',
    'auth-method-request.create': 'Request to change the sign-in phone',
    'auth-method-request.approve': 'Sign-in phone confirmed',
    'auth-method.deactivate': 'Sign-in method switched off',
    'auth-method.set-alias': 'Sign-in method renamed',
    'registration.sign-up': 'Registration with eHealth',
  },
  states: {
    captured: 'Accepted by the kiosk, will be sent to eHealth',
    'waiting-network': 'Accepted by the kiosk, will be sent as soon as eHealth can be reached',
    sending: 'Being sent to eHealth',
    done: 'Done in eHealth',
    rejected: 'Not accepted by eHealth — please ask at the reception desk',
    'needs-patient': 'Waiting: please sign in to the cabinet again',
    expired: 'Not delivered in time — please ask at the reception desk',
  },
  notes: {
    queued:
      'eHealth cannot be reached right now. The kiosk keeps this action and sends it by itself when the connection returns; you do not need to come back.',
    deadline:
      'If eHealth still cannot be reached by then, the action will not take effect: the reception desk can see what happened by the receipt code.',
    done: 'The action is done in the electronic health system.',
    problem: 'Show this receipt at the reception desk and they will help you.',
    keep: 'Keep this receipt: with its code the reception desk can check what became of the action.',
    doctorNote:
      'No declaration has been signed yet. Show this note at the reception desk: the declaration with this doctor is signed there with you.',
    slip: [
      'A person under 14 cannot use the patient cabinet on their own.',
      'A parent or legal guardian arranges a declaration with a doctor or a change of data for the child.',
      'A parent (legal guardian) can do this at this kiosk: sign in with their own qualified e-signature key and choose "Act for my child".',
      "Or come to the reception desk with a parent (guardian), the child's birth certificate and the adult's passport.",
    ],
    noRelation: [
      'eHealth does not yet hold a record that you are a parent or legal guardian of this child, so you cannot act for the child at the kiosk.',
      'A doctor or the reception desk of any clinic working with eHealth registers this relation (for example, when the child’s declaration is signed).',
      "Bring your passport or ID card, your tax number and the child's birth certificate (a guardian: the court decision or the guardian's certificate).",
      'Once the relation is registered, you can act for the child at this kiosk: sign in with your key and choose "Act for my child".',
    ],
    registrationQueued: (minutes) =>
      `eHealth cannot be reached right now. The kiosk keeps your signed registration and sends it by itself when the connection returns — but only within ${minutesEn(minutes)} of signing: after that eHealth will not accept it and you will need to register again. Once it is delivered, sign in to the cabinet with your key.`,
    registrationDone:
      'You are registered with eHealth. Sign in to the patient cabinet with your qualified e-signature key, at this or any other kiosk.',
  },
  specialities: {
    FAMILY_DOCTOR: 'family doctor',
    THERAPIST: 'therapist',
    PEDIATRICIAN: 'pediatrician',
  },
  days: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  unknown: 'unknown',
};

export const RECEIPT_TEXTS: Record<ReceiptLanguage, ReceiptTexts> = { uk, en };

/** «1 хвилини», «15 хвилин»: a count of minutes after «протягом» (genitive). */
export function minutesUk(n: number): string {
  return `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'хвилини' : 'хвилин'}`;
}

export function minutesEn(n: number): string {
  return `${n} ${n === 1 ? 'minute' : 'minutes'}`;
}

/** A date and time as people read it in that language (the kiosk's own time zone). */
export function formatWhen(iso: string, language: ReceiptLanguage): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(d);
}
