import type { RegistrationMessageKey } from './registration.uk';
import type { Message } from './types';

/** English messages of registration with eHealth (keys from registration.uk.ts). */
export const registrationEn: Record<RegistrationMessageKey, Message> = {
  'registration.offer': 'Register with eHealth',
  'registration.offerLead':
    'If you are not registered in the national eHealth system yet, you can do it here with your key. It takes about 10 minutes.',

  'registration.introTitle': 'Registering with eHealth',
  'registration.whatTitle': 'What this means',
  'registration.what1':
    'eHealth is the national electronic health system. To have a declaration with a doctor and see your medical records, you must be registered in it.',
  'registration.what2':
    'You type your details: a document, your address, a phone and a contact person. Your names and tax number are taken from your key.',
  'registration.what3':
    'Your phone gets a text message with a code. From then on, you confirm actions in eHealth with this phone.',
  'registration.what4':
    'At the end you sign the application with your key. Then you are signed in to your cabinet straight away.',
  'registration.privacy':
    'The kiosk sends your details only to eHealth and forgets them as soon as you tap “Finish”.',
  'registration.consentTitle': 'Consent',
  'registration.consentText':
    'I agree that eHealth keeps and processes my personal data (names, date of birth, documents, address, phones) for my medical care, and I confirm that what I type is true.',
  'registration.consent': 'I agree to the processing of my personal data',
  'registration.consentNeeded':
    'To continue, agree to the processing of your data: eHealth does not register anyone without it.',
  'registration.start': 'Continue',
  'registration.back': 'Back',
  'registration.cancel': 'Cancel the registration',
  'registration.loading': 'Reading your details from the key…',
  'registration.prefillFailed': 'The details could not be read from the key.',

  'registration.formTitle': 'Your details for eHealth',
  'registration.formLead':
    'Fill in each part. Touch a field and a keyboard opens under it. Fields marked “optional” may stay empty.',
  'registration.fromKey': 'From your key (cannot be changed)',
  'registration.fullName': 'Surname, first name, patronymic',
  'registration.taxIdNone': 'the key carries no tax number',
  'registration.birthDateFromKey': 'The date of birth is taken from the tax number. Please check it.',
  'registration.secret': 'Secret word',
  'registration.secretHint':
    'A word you say at the reception desk if you lose your phone. 6 to 20 characters; remember it.',
  'registration.secretRule': 'The secret word has 6 to 20 characters.',
  'registration.nameChanged': 'My surname or first name is different now',
  'registration.nameChangedTitle': 'You cannot register with this key',
  'registration.nameChangedText':
    'eHealth registers a person only under the names in their key’s certificate: {name}. If your surname or first name has changed (for example after marriage), get a new key with your current name from your provider, then register. Or ask at the reception desk.',
  'registration.nameIsRight': 'No, the key is right',
  'registration.check': 'Check and continue',
  'registration.errors': {
    one: '{count} mistake found. It is marked under its field.',
    other: '{count} mistakes found. They are marked under their fields.',
  },
  'registration.errorsFromEhealth':
    'eHealth did not accept some details. They are marked under their fields.',

  'registration.phoneTitle': 'Phone for text-message codes',
  'registration.phoneLead':
    'A text message with a code goes to this number. From then on, eHealth sends its confirmation codes to it.',
  'registration.phoneNumber': 'Mobile phone number',
  'registration.sendCode': 'Send the code',
  'registration.sending': 'Sending…',
  'registration.codeSent':
    'We sent a text message with a 4-digit code to {phone}. The code is valid for 15 minutes.',
  'registration.noCodeNeeded': 'eHealth already knows this number: no code is needed.',
  'registration.code': 'Code from the text message',
  'registration.codeRule': 'The code is the 4 digits from the text message.',
  'registration.resend': 'Send a new code',
  'registration.otherNumber': 'Another number',
  'registration.toReview': 'Continue',

  'registration.reviewTitle': 'Check your details',
  'registration.reviewLead':
    'This is how eHealth will register you. If something is wrong, tap “Correct”. Next you sign the application with your key.',
  'registration.reviewPhone': 'Phone for text-message codes',
  'registration.secretSet': 'written down (not shown on screen)',
  'registration.edit': 'Correct',
  'registration.toSign': 'Go on to signing',

  'registration.signTitle': 'Sign the registration application',
  'registration.signLead':
    'Type your key’s password. The kiosk signs the application with it and sends it to eHealth with the code from the text message.',
  'registration.sign': 'Sign and register',
  'registration.signing': 'Signing and registering…',
  'registration.refused': 'eHealth did not register you',
  'registration.codeAgain': 'Type the code again',

  'registration.queuedTitle': 'Registration signed',
  'registration.queued':
    'eHealth cannot be reached right now. The kiosk keeps your signed registration and sends it by itself as soon as the connection returns — until {deadline}. After that eHealth will not accept it and you will need to register again.',
  'registration.queuedKeep':
    'Keep this code. Once the registration is delivered, sign in to the cabinet with your key.',
  'registration.queuedDelivered':
    'The registration was delivered: you are registered with eHealth. You can now sign in with your key.',
  'registration.signInNow': 'Sign in with my key',
};
