import type { SigninMessageKey } from './signin.uk';
import type { Message } from './types';

/** English messages of sign-in, home, the under-14 page and the speech mode (keys from signin.uk.ts). */
export const signinEn: Record<SigninMessageKey, Message> = {
  'keys.waiting': 'Waiting for a medium with a key…',
  'keys.searching': 'Looking for keys…',
  'keys.found': {
    one: '{count} key found. Choose yours:',
    other: '{count} keys found. Choose yours:',
  },
  'keys.list': 'Keys found',
  'keys.onMedium': 'on the medium “{medium}”',
  'keys.inFolder': 'in the folder “{folder}”',
  'keys.keyFolder': 'in the kiosk’s key folder',

  'password.title': 'Key password',
  'password.lead':
    'Type the password on the on-screen keyboard: «АБВ» gives Ukrainian letters, «ABC» Latin ones, ⇧ a capital or a symbol.',
  'password.key': 'Key: {name}',
  'password.field': 'Key password',
  'password.signIn': 'Sign in',
  'password.otherKey': 'Choose another key',

  'progress.title': 'Signing in…',
  'progress.lead': 'Please wait. Do not remove the medium with your key.',
  'progress.steps': 'Sign-in steps',
  'progress.opening-key': 'Opening the key',
  'progress.signing': 'Signing the sign-in request',
  'progress.signing-in': 'Signing in to eHealth',
  'progress.loading-person': 'Loading your data',
  'progress.done': 'done',
  'progress.current': 'in progress',

  'signinError.title': 'Could not sign in',
  'signinError.CERT_EXPIRED': 'The key’s certificate is not valid',
  'signinError.CERT_UNTRUSTED': 'The key’s certificate is not valid',
  'signinError.CERT_REVOKED': 'The key’s certificate has been revoked',
  'signinError.CERT_STATUS_UNKNOWN': 'The key’s certificate could not be confirmed',
  'signinError.PERSON_NOT_FOUND': 'You were not found in eHealth',
  'signinError.EHEALTH_UNAVAILABLE': 'eHealth is unavailable',
  'signinError.offline':
    'While it is down you can find a doctor in the kiosk’s directory and print their details.',
  'signinError.findDoctor': 'Find a doctor',
  'signinError.tryAgain': 'Try again',
  'signinError.otherKey': 'Choose another key',
  'signinError.help': 'Need help? Please ask at the reception desk.',

  'under14.title': 'The cabinet is for ages 14 and over',
  'under14.lead':
    'Under 14 the patient cabinet cannot be used on your own. This is an eHealth rule, not a problem with your key.',
  'under14.what': 'What to do',
  'under14.step1': 'Come to the reception desk with a parent or another legal representative.',
  'under14.step2': 'Bring your birth certificate and your parent’s identity document.',
  'under14.step3': 'Show the referral slip the kiosk prints at the desk.',
  'under14.print': 'Print the referral slip',
  'under14.printed': 'The slip has been printed. Please take it from the printer.',
  'under14.saved': 'The slip has been saved. Ask at the reception desk to print it.',
  'under14.printing': 'Printing…',

  'home.title': 'Welcome, {name}!',
  'home.titleSpoken': 'Welcome!',
  'home.lead': 'Choose what you would like to do:',
  'home.person': 'My personal data',
  'home.personHint': 'see and update',
  'home.declarations': 'My declarations',
  'home.declarationsHint': 'the current one and earlier ones',
  'home.doctorSearch': 'Find a doctor',
  'home.doctorSearchHint': 'and sign a new declaration',
  'home.apps': 'Access to my data',
  'home.appsHint': 'which e-cabinets may access it',
  'home.personHintViewOnly': 'see it (changes are not possible yet)',
  'home.doctorSearchHintViewOnly': 'and print a note about them for the reception desk',
  'home.appsHintViewOnly': 'see which e-cabinets have access',
  'home.viewOnlyTitle': 'You can view only',
  'home.viewOnly':
    'You are {age}. Under 18 you can change data, sign declarations and revoke access only once eHealth has confirmed your full legal capacity. The reception desk confirms it from your documents. From 14 you can also sign a declaration with a doctor at the reception desk, with your passport.',
  'home.finishHint': 'When you are done, press “Finish”: the kiosk forgets all your data.',

  'speech.toggle': 'Read aloud',
  'speech.noVoice': 'Reading aloud is not available: this kiosk has no English voice installed.',
  'speech.hint':
    'The kiosk will read out the screen title, prompts, the focused button and errors. Passwords and personal data are never read out.',
  'speech.controls': 'Reading aloud',
  'speech.repeat': 'Repeat',
  'speech.louder': 'Louder',
  'speech.quieter': 'Quieter',
  'speech.off': 'Stop reading aloud',
  'speech.volume': 'Volume: {percent} %',
  'speech.error': 'Error: {text}',
  'speech.private': 'personal data',
};
