import { actingEn } from './acting.en';
import { personEn } from './person.en';
import { signinEn } from './signin.en';
import { registrarEn } from './registrar.en';
import { cabinetEn } from './cabinet.en';
import { registrationEn } from './registration.en';
import { documentsEn } from './documents.en';
import type { MessageKey } from './uk';
import type { Dictionary } from './types';

/** English. Typed against the Ukrainian keys: a missing or extra key fails the type check. */
export const en: Dictionary<MessageKey> = {
  messages: {
    'app.title': 'Patient cabinet',
    'frame.settings': 'Display settings',
    'frame.language': 'Language',
    'frame.largeText': 'Large text',
    'frame.highContrast': 'High contrast',
    'frame.finish': 'Finish',
    'frame.training': 'Training mode: the data is not real',
    'frame.notice': 'Kiosk message',
    'frame.dismiss': 'OK',

    'welcome.title': 'Patient cabinet',
    'welcome.lead': 'Here, with your own qualified electronic signature (KEP), you can:',
    'welcome.personalData': 'see and update your personal data;',
    'welcome.declarations': 'see your declaration with a doctor and your earlier ones;',
    'welcome.newDeclaration': 'find a doctor and sign a new declaration;',
    'welcome.access': 'decide which e-cabinets may access your data.',
    'welcome.privacy': 'When you finish, the kiosk forgets all your data.',
    'welcome.start': 'Start',
    'welcome.help': 'Need help? Please ask at the reception desk.',

    'insertKey.title': 'Next step: your key',
    'insertKey.lead':
      'To sign in you need your qualified electronic signature (KEP) on a USB flash drive or a secure token.',
    'insertKey.steps': 'How it works',
    'insertKey.step1': 'You insert the flash drive or token into the kiosk’s USB port.',
    'insertKey.step2': 'The kiosk shows the keys it finds on it, and you choose yours.',
    'insertKey.step3':
      'You type the key’s password on the on-screen keyboard. The password is never shown or stored.',
    'insertKey.practice': 'Try the on-screen keyboard',
    'insertKey.back': 'Back',

    'practice.title': 'On-screen keyboard',
    'practice.lead': 'Try typing. Nothing you type here is saved anywhere.',
    'practice.field': 'Practice text',
    'practice.layout': 'Keyboard',
    'practice.masked': 'Hide the characters, as for a password',
    'practice.clear': 'Clear',
    'practice.back': 'Back',

    'keyboard.group': 'On-screen keyboard',
    'keyboard.layout.digits': 'Digits',
    'keyboard.layout.phone': 'Phone',
    'keyboard.layout.password': 'For a password',
    'keyboard.toCyrillic': 'Switch to Ukrainian letters',
    'keyboard.toLatin': 'Switch to Latin letters',
    'keyboard.scriptLatin': 'Latin letters now (ABC)',
    'keyboard.scriptCyrillic': 'Ukrainian letters now (АБВ)',
    'keyboard.show': 'Show',
    'keyboard.hide': 'Hide',
    'keyboard.backspace': 'Delete',
    'keyboard.shift': 'Capital letter',
    'keyboard.space': 'Space',
    'keyboard.spaceKey': 'space',
    'keyboard.phonePrefix': 'The phone number starts with +380',

    'idle.title': 'Are you still there?',
    'idle.body':
      'You have not touched the screen for a while. To protect your data, the kiosk will end the session and erase everything you entered.',
    'idle.countdown': { one: '{count} second left', other: '{count} seconds left' },
    'idle.continue': 'Continue',

    'error.attemptsLeft': { one: '{count} attempt left.', other: '{count} attempts left.' },
    'error.retryInMinutes': {
      one: 'Please try again in {count} minute.',
      other: 'Please try again in {count} minutes.',
    },
    ...signinEn,
    ...personEn,
    ...registrarEn,
    ...cabinetEn,
    ...documentsEn,
    ...registrationEn,
    ...actingEn,
  },
  errors: {
    BAD_REQUEST: 'The kiosk could not process the request. Please try again or ask at the reception desk.',
    FORBIDDEN_SENDER: 'This action is blocked for security reasons. Please ask at the reception desk.',
    UNKNOWN_CHANNEL: 'This function is not available on this kiosk. Please ask at the reception desk.',
    INTERNAL:
      'Something went wrong in the kiosk. Please try again; if it keeps happening, ask at the reception desk.',
    NOT_AVAILABLE: 'This is not available right now. Please try later or ask at the reception desk.',
    NO_SESSION: 'Your session has already ended. Please start again.',
    SESSION_BUSY: 'The kiosk is still finishing the previous step. Please wait a few seconds.',
    AGE_UNDER_14:
      'People under 14 cannot use the cabinet on their own. Please go to the reception desk; staff will help you together with a parent.',
    VIEW_ONLY:
      'You may only look: changing your data, signing declarations and removing access need your full legal capacity confirmed in eHealth. It is confirmed at the reception desk from your documents.',
    NO_RELATION:
      'eHealth holds no record that you are a parent or legal guardian of this child. Please ask a doctor or the reception desk of a clinic to register it.',
    CHILD_NOT_FOUND:
      "eHealth found no child with these details. Check the surname, first name, date of birth and the document's number.",
    ACTING_NOT_ALLOWED: 'You cannot act for this person at the kiosk. Please ask at the reception desk.',
    KEY_NOT_FOUND: 'No key file was found on the medium. Check that you inserted the right one.',
    KEY_UNREADABLE:
      'The key file is damaged or in a format the kiosk does not support. Choose another key file or ask your provider.',
    KEY_WRONG_PASSWORD:
      'Wrong key password. Check whether its letters are Latin or Ukrainian (some look the same) and which are capitals.',
    KEY_LOCKED:
      'The key is temporarily locked after several wrong passwords. If you have forgotten the password, ask your provider.',
    KEY_NO_SIGNING_KEY:
      'The file has no signing key. It may be a key for encryption only. Choose another key file.',
    CERT_EXPIRED: 'Your key’s certificate has expired. Please renew the key with your provider.',
    CERT_NOT_YET_VALID: 'Your key’s certificate is not valid yet. Please try later or ask your provider.',
    CERT_UNTRUSTED:
      'The key’s certificate was issued by a provider this kiosk does not trust. Use a key from another provider or ask at the reception desk.',
    CERT_REVOKED:
      'Your key’s certificate has been revoked by its provider. It can no longer be used to sign: please get a new key from your provider.',
    CERT_STATUS_UNKNOWN:
      'Your key’s provider did not confirm that the certificate is valid, so signing is not possible right now. Please contact your provider or the reception desk.',
    SIGNER_MISMATCH: 'This key belongs to someone else. Choose your own key.',
    SIGNER_FAILED: 'The signature could not be created. Please try again.',
    TSA_UNAVAILABLE:
      'The time-stamp service is unavailable, so signing is not possible right now. Please try later.',
    EHEALTH_UNAVAILABLE:
      'The national eHealth system is unavailable right now. Please try later; doctor search still works without it.',
    EHEALTH_REJECTED: 'eHealth rejected the request. Please check your data or ask at the reception desk.',
    EHEALTH_UNAUTHORIZED: 'Signing in to eHealth failed or has expired. Please sign in again.',
    EHEALTH_FORBIDDEN: 'eHealth does not allow you to do this. Please ask at the reception desk.',
    EHEALTH_NOT_FOUND: 'eHealth has no such record: it may have just changed. Go back and try again.',
    EHEALTH_CONFLICT: 'The data in eHealth changed while you were working. Please try again.',
    PERSON_NOT_FOUND: 'You were not found in eHealth. Please ask at the reception desk.',
    VALIDATION: 'Some of the data is not right. Please check the marked fields.',
    SMS_CODE_WRONG: 'Wrong SMS code. Check it and type it again.',
    SMS_CODE_EXPIRED: 'The SMS code is no longer valid. Please ask for a new code.',
    SMS_ATTEMPTS_EXCEEDED: 'No attempts left for this code. Please ask for a new code.',
    DISK_FULL: 'The kiosk has run out of storage space. Please ask at the reception desk.',
    STORAGE_FAILED: 'The kiosk could not save the data. Please ask at the reception desk.',
    OPERATION_NOT_FOUND:
      'This operation was not found. It may have finished already. Check the receipt code or ask at the reception desk.',
    DIRECTORY_EMPTY:
      'The doctor directory has not been loaded yet. Please try later or ask at the reception desk.',
    SYNC_FAILED: 'The doctor directory could not be updated. Showing the saved copy; try updating later.',
    PIN_NOT_SET:
      'The registrar PIN has not been set yet. Set it first: hold the bottom-left corner of the screen for three seconds.',
    PIN_WRONG: 'Wrong PIN. Check it and type it again.',
    PIN_LOCKED:
      'PIN entry is temporarily locked after several wrong tries. If the PIN is forgotten, ask a senior registrar.',
    NOT_ENROLLED:
      'This kiosk is not enrolled yet, or its enrolment code is no longer valid. Ask clinic IT to issue a new code on this computer.',
    ENROLLMENT_CODE_WRONG: 'Wrong kiosk enrolment code. Check it and type it again.',
    REGISTRAR_REQUIRED: 'This needs a member of the reception staff. Please ask one to come over.',
    BIRTH_DATE_MISMATCH: 'The date of birth does not match the patient’s record. Check it and type it again.',
    BIRTH_DATE_NOT_CONFIRMED: 'The registrar must first check your date of birth. Then you can continue.',
    OUTBOX_NOT_EMPTY:
      'The environment cannot be changed while operations from the previous one still wait to be sent. Wait until they are sent.',
    TRUST_LIST_INVALID:
      'This file is not a list of trusted certificates, or it is damaged. Check the file and try again.',
    PRINT_FAILED: 'Printing failed. Please ask at the reception desk.',
    DOCTOR_FULL: 'This doctor has no free places for new declarations. Please choose another doctor.',
    SPECIALITY_NOT_FOR_AGE:
      'A doctor of this speciality cannot sign a declaration with a patient of your age. Please choose a family doctor or one suited to your age.',
    DECLARATION_NOT_ACTIVE: 'This declaration is no longer in force, so there is nothing to terminate.',
    FLOW_EXPIRED: 'The time for this step has run out or it is already finished. Please start again.',
    CAMERA_UNAVAILABLE:
      'The document camera is not working. Take the picture from a memory stick instead, or ask at the reception desk.',
    CAMERA_REFUSED:
      'The kiosk may not use the camera right now. Tap “Try again”; if it happens again, take the picture from a memory stick or ask at the reception desk.',
    DOCUMENT_INVALID:
      'This picture cannot be sent as a document: it must be one clear page. Please try taking the picture again.',
    DOCUMENT_TOO_LARGE:
      'The picture is larger than eHealth accepts (10 MB). Please try again, or choose a smaller picture.',
    DOCUMENT_UPLOAD_FAILED:
      'The picture could not be sent to eHealth. It is kept: tap “Send again”. If it keeps failing, ask at the reception desk.',
    MEDIUM_NO_IMAGES:
      'No pictures were found on the inserted memory stick. Try one with a JPEG or PNG picture of the document, or use the camera.',
  },
  keySymbols: {
    "'": 'apostrophe',
    '`': 'grave accent',
    '~': 'tilde',
    '!': 'exclamation mark',
    '@': 'at sign',
    '#': 'hash',
    $: 'dollar',
    '%': 'percent',
    '^': 'caret',
    '&': 'ampersand',
    '*': 'asterisk',
    '(': 'left parenthesis',
    ')': 'right parenthesis',
    '-': 'hyphen',
    _: 'underscore',
    '=': 'equals',
    '+': 'plus',
    '[': 'left square bracket',
    ']': 'right square bracket',
    '{': 'left brace',
    '}': 'right brace',
    '\\': 'backslash',
    '|': 'vertical bar',
    ';': 'semicolon',
    ':': 'colon',
    '"': 'quotation mark',
    ',': 'comma',
    '.': 'full stop',
    '<': 'less than',
    '>': 'greater than',
    '/': 'slash',
    '?': 'question mark',
    '№': 'numero sign',
    '₴': 'hryvnia sign',
  },
};
