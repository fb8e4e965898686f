/**
 * Demo personas: fictional patients with test keys, one per situation the kiosk must handle.
 * Ages are kept relative to the sandbox clock (see `refreshPersonaAges`).
 */

export type PersonaId =
  | 'adult-with-declaration'
  | 'adult-no-declaration'
  | 'teen-15-no-capacity'
  | 'teen-16-capacity'
  | 'child-13'
  | 'adult-with-apps'
  | 'adult-expired-cert'
  | 'unknown-drfo'
  | 'adult-revoked-cert'
  | 'unknown-mismatch'
  | 'parent-of-two'
  | 'child-5'
  | 'guardian-no-relation';

export type LegalCapacity = 'VERIFICATION_NOT_NEEDED' | 'VERIFIED' | 'NOT_VERIFIED';

export interface PersonaSpec {
  id: PersonaId;
  lastName: string;
  firstName: string;
  secondName: string;
  gender: 'MALE' | 'FEMALE';
  /** age on the sandbox clock: full years plus days since the last birthday */
  ageYears: number;
  ageDays: number;
  /** 4 digits that complete the tax id after the birth-date part */
  taxSerial: string;
  /** false: the certificate's DRFO matches no person in the register */
  registered: boolean;
  capacity: LegalCapacity;
  /** revoked: valid dates, but the sandbox's OCSP responder (and its sign-in) report it revoked */
  certificate: 'valid' | 'expired' | 'revoked';
  /**
   * Key-6.dat (IIT, the most common) or a PrivatBank-style .jks; writing Key-6.dat is slow, so only some
   * use it. `none`: a small child with no key of their own (a confidant person acts for them).
   */
  keyFormat: 'key6' | 'jks' | 'none';
  password: string;
  phone: string;
  home: string;
  /** the names in the key certificate when they are not the persona's own (a certificate from before a marriage) */
  certificateName?: { lastName: string; firstName: string; secondName: string };
  notes: string;
}

export const PERSONAS: readonly PersonaSpec[] = [
  {
    id: 'adult-with-declaration',
    lastName: 'Ковальчук',
    firstName: 'Олена',
    secondName: 'Петрівна',
    gender: 'FEMALE',
    ageYears: 42,
    ageDays: 150,
    taxSerial: '0163',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'key6',
    password: 'olena-4242',
    phone: '+380671234501',
    home: 'Вінниця',
    notes:
      'Adult with an active declaration (family doctor) and an older terminated one; OTP phone +380671234501.',
  },
  {
    id: 'adult-no-declaration',
    lastName: "Дем'яненко",
    firstName: 'Андрій',
    secondName: 'Іванович',
    gender: 'MALE',
    ageYears: 29,
    ageDays: 40,
    taxSerial: '0271',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'andrii-2929',
    phone: '+380501234502',
    home: 'Львів',
    notes:
      'Adult without any declaration: can choose a family doctor or a therapist. Key in a .jks container.',
  },
  {
    id: 'teen-15-no-capacity',
    lastName: 'Ґалаґан',
    firstName: 'Софія',
    secondName: 'Олексіївна',
    gender: 'FEMALE',
    ageYears: 15,
    ageDays: 120,
    taxSerial: '0382',
    registered: true,
    capacity: 'NOT_VERIFIED',
    certificate: 'valid',
    keyFormat: 'key6',
    password: 'sofiia-1515',
    phone: '+380631234503',
    home: 'Київ',
    notes: 'Aged 15, legal capacity not confirmed: may sign in and view, every change is refused (403).',
  },
  {
    id: 'teen-16-capacity',
    lastName: 'Їжакевич',
    firstName: 'Назар',
    secondName: 'Євгенович',
    gender: 'MALE',
    ageYears: 16,
    ageDays: 200,
    taxSerial: '0497',
    registered: true,
    capacity: 'VERIFIED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'nazar-1616',
    phone: '+380931234504',
    home: 'Одеса',
    notes:
      'Aged 16 with legal capacity VERIFIED: may act; may choose a pediatrician or a family doctor, not a therapist.',
  },
  {
    id: 'child-13',
    lastName: 'Мельник',
    firstName: 'Дарина',
    secondName: 'Миколаївна',
    gender: 'FEMALE',
    ageYears: 13,
    ageDays: 90,
    taxSerial: '0518',
    registered: true,
    capacity: 'NOT_VERIFIED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'daryna-1313',
    phone: '+380661234505',
    home: 'Полтава',
    notes:
      'Aged 13: birth certificate, mother (PRIMARY, THIRD_PERSON method) and father parent-of-two (SECONDARY) as confidants, declaration with a pediatrician; no own actions.',
  },
  {
    id: 'adult-with-apps',
    lastName: 'Сергієнко',
    firstName: 'Тарас',
    secondName: 'Богданович',
    gender: 'MALE',
    ageYears: 35,
    ageDays: 10,
    taxSerial: '0624',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'taras-3535',
    phone: '+380971234506',
    home: 'Харків',
    notes: 'Adult who granted several e-cabinet applications access; revoke them on the apps screen.',
  },
  {
    id: 'adult-expired-cert',
    lastName: "Лук'яненко",
    firstName: 'Марія',
    secondName: 'Степанівна',
    gender: 'FEMALE',
    ageYears: 58,
    ageDays: 300,
    taxSerial: '0735',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'expired',
    keyFormat: 'key6',
    password: 'mariia-5858',
    phone: '+380681234507',
    home: 'Чернігів',
    notes: 'Registered adult whose certificate has expired: sign-in is refused (400, certificate expired).',
  },
  {
    id: 'unknown-drfo',
    lastName: 'Пилипенко',
    firstName: 'Остап',
    secondName: 'Юрійович',
    gender: 'MALE',
    ageYears: 33,
    ageDays: 210,
    taxSerial: '0846',
    registered: false,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'ostap-3333',
    phone: '+380951234508',
    home: 'Житомир',
    notes: 'Valid certificate whose DRFO matches no person in the register: sign-in is refused (401).',
  },
  {
    id: 'adult-revoked-cert',
    lastName: 'Бондаренко',
    firstName: 'Богдан',
    secondName: 'Вікторович',
    gender: 'MALE',
    ageYears: 47,
    ageDays: 60,
    taxSerial: '0957',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'revoked',
    keyFormat: 'jks',
    password: 'bohdan-4747',
    phone: '+380731234509',
    home: 'Рівне',
    notes:
      'Registered adult whose certificate its provider revoked: the OCSP responder reports it revoked and sign-in is refused (400, certificate revoked).',
  },
  {
    id: 'unknown-mismatch',
    lastName: 'Мороз',
    firstName: 'Христина',
    secondName: 'Андріївна',
    gender: 'FEMALE',
    ageYears: 27,
    ageDays: 95,
    taxSerial: '1068',
    registered: false,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'khrystyna-2727',
    phone: '+380991234510',
    home: 'Ужгород',
    certificateName: { lastName: 'Гнатюк', firstName: 'Христина', secondName: 'Андріївна' },
    notes:
      'Not in eHealth; her certificate still carries her maiden name Гнатюк while she registers as Мороз: registration is refused (409, the last name does not match the certificate).',
  },
  {
    id: 'parent-of-two',
    lastName: 'Мельник',
    firstName: 'Микола',
    secondName: 'Петрович',
    gender: 'MALE',
    ageYears: 41,
    ageDays: 200,
    taxSerial: '1169',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'mykola-4141',
    phone: '+380661234510',
    home: 'Полтава',
    notes:
      'Father of child-13 and child-5, their registered confidant (SECONDARY for child-13, PRIMARY for child-5): acts for either child through confidant sign-in with his own key.',
  },
  {
    id: 'child-5',
    lastName: 'Мельник',
    firstName: 'Остап',
    secondName: 'Миколайович',
    gender: 'MALE',
    ageYears: 5,
    ageDays: 140,
    taxSerial: '1271',
    registered: true,
    capacity: 'NOT_VERIFIED',
    certificate: 'valid',
    keyFormat: 'none',
    password: '',
    phone: '+380661234511',
    home: 'Полтава',
    notes:
      'Aged 5, no key of his own: birth certificate and a tax id, father parent-of-two (PRIMARY) and mother as confidants, no declaration yet.',
  },
  {
    id: 'guardian-no-relation',
    lastName: 'Савчук',
    firstName: 'Віра',
    secondName: 'Олександрівна',
    gender: 'FEMALE',
    ageYears: 51,
    ageDays: 30,
    taxSerial: '1382',
    registered: true,
    capacity: 'VERIFICATION_NOT_NEEDED',
    certificate: 'valid',
    keyFormat: 'jks',
    password: 'vira-5151',
    phone: '+380671234512',
    home: 'Київ',
    notes:
      'Adult with her own key and no registered relation to anyone: confidant sign-in for any child is refused (403).',
  },
];

export const personaFullName = (p: PersonaSpec): string => `${p.lastName} ${p.firstName} ${p.secondName}`;

/** The names the persona's key certificate carries (its own unless `certificateName` says otherwise). */
export const certificateNameOf = (
  p: PersonaSpec,
): { lastName: string; firstName: string; secondName: string } =>
  p.certificateName ?? { lastName: p.lastName, firstName: p.firstName, secondName: p.secondName };
