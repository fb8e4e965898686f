/** Dictionaries the kiosk needs (codes as eHealth uses them; descriptions in Ukrainian). */
export const DICTIONARIES: Record<string, { description: string; values: Record<string, string> }> = {
  GENDER: { description: 'Стать', values: { MALE: 'чоловіча', FEMALE: 'жіноча' } },
  DOCUMENT_TYPE: {
    description: 'Типи документів, що посвідчують особу',
    values: {
      PASSPORT: 'Паспорт громадянина України',
      NATIONAL_ID: 'Біометричний паспорт громадянина України (ID-картка)',
      BIRTH_CERTIFICATE: 'Свідоцтво про народження',
      BIRTH_CERTIFICATE_FOREIGN: 'Свідоцтво про народження іноземного зразка',
      TEMPORARY_PASSPORT: 'Тимчасове посвідчення громадянина України',
      TEMPORARY_CERTIFICATE: 'Посвідка на тимчасове проживання',
      PERMANENT_RESIDENCE_PERMIT: 'Посвідка на постійне проживання',
      REFUGEE_CERTIFICATE: 'Посвідчення біженця',
      COMPLEMENTARY_PROTECTION_CERTIFICATE: 'Посвідчення особи, яка потребує додаткового захисту',
    },
  },
  DOCUMENT_RELATIONSHIP_TYPE: {
    description: 'Документи, що підтверджують повноваження',
    values: {
      DOCUMENT: 'Документ',
      COURT_DECISION: 'Рішення суду',
      BIRTH_CERTIFICATE: 'Свідоцтво про народження',
      CONFIDANT_CERTIFICATE: 'Посвідчення опікуна',
    },
  },
  ADDRESS_TYPE: {
    description: 'Типи адрес',
    values: { RESIDENCE: 'Адреса проживання', REGISTRATION: 'Адреса реєстрації' },
  },
  SETTLEMENT_TYPE: {
    description: 'Типи населених пунктів',
    values: { CITY: 'місто', TOWNSHIP: 'селище міського типу', VILLAGE: 'село', SETTLEMENT: 'селище' },
  },
  STREET_TYPE: {
    description: 'Типи вулиць',
    values: {
      STREET: 'вулиця',
      AVENUE: 'проспект',
      BOULEVARD: 'бульвар',
      PASS: 'провулок',
      SQUARE: 'площа',
      MAIDAN: 'майдан',
      RIVER_SIDE: 'набережна',
      ASCENT: 'узвіз',
      MICRODISTRICT: 'мікрорайон',
      BLIND_STREET: 'тупик',
      HIGHWAY: 'шосе',
      LANE: 'провулок',
      ALLEY: 'алея',
    },
  },
  PHONE_TYPE: { description: 'Типи телефонів', values: { MOBILE: 'мобільний', LAND_LINE: 'стаціонарний' } },
  PREFERRED_WAY_COMMUNICATION: {
    description: 'Бажаний спосіб звʼязку',
    values: { email: 'електронна пошта', phone: 'телефон' },
  },
  AUTHENTICATION_METHOD: {
    description: 'Методи автентифікації',
    values: {
      OTP: 'СМС-код',
      OFFLINE: 'Документи',
      THIRD_PERSON: 'Через довірену особу',
      NA: 'Не застосовується',
    },
  },
  SPECIALITY_TYPE: {
    description: 'Спеціальності лікарів',
    values: {
      FAMILY_DOCTOR: 'Лікар загальної практики — сімейний лікар',
      THERAPIST: 'Терапевт',
      PEDIATRICIAN: 'Педіатр',
    },
  },
  SPECIALITY_LEVEL: {
    description: 'Кваліфікаційна категорія',
    values: {
      SPECIALIST: 'Спеціаліст',
      FIRST: 'Перша категорія',
      SECOND: 'Друга категорія',
      HIGHEST: 'Вища категорія',
    },
  },
  POSITION: {
    description: 'Посади',
    values: {
      P1: 'Керівник закладу охорони здоровʼя',
      P6: 'Лікар загальної практики — сімейний лікар',
      P7: 'Лікар-терапевт дільничний',
      P8: 'Лікар-педіатр дільничний',
    },
  },
  EMPLOYEE_TYPE: {
    description: 'Типи працівників',
    values: { DOCTOR: 'Лікар', OWNER: 'Керівник', ADMIN: 'Адміністратор', HR: 'Працівник відділу кадрів' },
  },
  DIVISION_TYPE: {
    description: 'Типи підрозділів',
    values: { CLINIC: 'Клініка', AMBULANT_CLINIC: 'Амбулаторія', FAP: 'Фельдшерсько-акушерський пункт' },
  },
  LEGAL_ENTITY_TYPE: {
    description: 'Типи юридичних осіб',
    values: {
      MSP: 'Надавач медичних послуг',
      PRIMARY_CARE: 'Надавач первинної медичної допомоги',
      OUTPATIENT: 'Надавач амбулаторної допомоги',
    },
  },
  LEGAL_ENTITY_STATUS: {
    description: 'Статуси юридичних осіб',
    values: { ACTIVE: 'Активний', SUSPENDED: 'Призупинений', CLOSED: 'Закритий' },
  },
  LEGAL_FORM: {
    description: 'Організаційно-правові форми',
    values: {
      '430': 'Комунальне некомерційне підприємство',
      '240': 'Товариство з обмеженою відповідальністю',
      '940': 'Фізична особа-підприємець',
    },
  },
  ACCREDITATION_CATEGORY: {
    description: 'Категорії акредитації',
    values: { NO_ACCREDITATION: 'Без акредитації', FIRST: 'Перша', SECOND: 'Друга', HIGHEST: 'Вища' },
  },
  EDUCATION_DEGREE: {
    description: 'Освітні ступені',
    values: { SPECIALIST: 'Спеціаліст', MASTER: 'Магістр', BACHELOR: 'Бакалавр' },
  },
  COUNTRY: {
    description: 'Країни',
    values: { UA: 'Україна', PL: 'Польща', MD: 'Молдова', RO: 'Румунія', SK: 'Словаччина', HU: 'Угорщина' },
  },
  PERSON_VERIFICATION_STATUSES: {
    description: 'Статуси верифікації персони',
    values: {
      VERIFIED: 'Верифіковано',
      NOT_VERIFIED: 'Не верифіковано',
      VERIFICATION_NEEDED: 'Потребує верифікації',
      VERIFICATION_NOT_NEEDED: 'Верифікація не потрібна',
      CHANGES_NEEDED: 'Потребує змін',
    },
  },
  DECLARATION_STATUS: {
    description: 'Статуси декларацій',
    values: {
      active: 'Діюча',
      pending_verification: 'Очікує верифікації',
      terminated: 'Припинена',
      closed: 'Закінчилась',
      rejected: 'Відхилена',
    },
  },
  DECLARATION_REQUEST_STATUS_REASON: {
    description: 'Причини зміни статусу запиту на декларацію',
    values: {
      request_cancelled: 'Запит скасовано новим запитом',
      request_rejected_by_patient: 'Запит відхилено пацієнтом',
    },
  },
};
