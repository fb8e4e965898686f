import type { ActingMessageKey } from './acting.uk';
import type { Message } from './types';

/** English messages of "Act for my child" (keys from acting.uk.ts). */
export const actingEn: Record<ActingMessageKey, Message> = {
  'acting.homeButton': 'Act for my child',
  'acting.homeHint': "the child's declaration, doctor and data — with your key",
  'acting.opened': 'Children you are acting for now:',
  'acting.open': 'Open the cabinet: {name}',

  'acting.title': 'Act for my child',
  'acting.lead':
    "Type the child's details as in the birth certificate. eHealth checks that you are the child's parent or legal guardian.",
  'acting.lastName': "Child's surname",
  'acting.firstName': "Child's first name",
  'acting.secondName': "Child's patronymic (if any)",
  'acting.birthDate': 'Date of birth',
  'acting.birthDateHint': 'day, month, year — for example 05032019',
  'acting.documentKind': "The child's document",
  'acting.birthCertificate': 'Birth certificate',
  'acting.taxId': 'Tax number (РНОКПП)',
  'acting.certificateNumber': 'Certificate series and number',
  'acting.certificateHint': 'as in the certificate, for example І-КИ123456',
  'acting.taxIdNumber': "Child's tax number",
  'acting.keyboardFor': 'On-screen keyboard for “{field}”',
  'acting.continue': 'Continue',
  'acting.back': 'Back',
  'acting.invalid.lastName': 'Type the surname in Ukrainian letters.',
  'acting.invalid.firstName': 'Type the first name in Ukrainian letters.',
  'acting.invalid.secondName': 'The patronymic takes Ukrainian letters only.',
  'acting.invalid.birthDate': "Type the child's real date of birth (the child must be under 18).",
  'acting.invalid.certificate': "Check the certificate's series and number.",
  'acting.invalid.taxId': 'A tax number has 10 digits; please check it.',

  'acting.confirmTitle': 'Check and sign',
  'acting.confirmLead':
    'You will sign, with your own key, a request to eHealth to act for this child. The signature changes nothing else.',
  'acting.child': 'Child',
  'acting.born': 'Date of birth',
  'acting.document': 'Document',
  'acting.sign': "Sign with my key and open the child's cabinet",
  'acting.signing': "Signing and opening the child's cabinet…",

  'acting.banner': 'You are acting for: {name}',
  'acting.bannerRegion': 'Whose cabinet is open',
  'acting.bannerViewOnly': 'view only',
  'acting.backToOwn': 'To my own cabinet',
  'acting.childTitle': "Child's cabinet",
  'acting.childLead': 'Choose what to do for the child. You sign, with your own key.',
  'acting.childPerson': "Child's personal data",
  'acting.childPersonHint': 'view and update',
  'acting.childDeclarations': "Child's declarations",
  'acting.childDeclarationsHint': 'current declaration and earlier ones',
  'acting.childDoctorSearch': 'Find a doctor for the child',
  'acting.childDoctorSearchHint': 'a pediatrician or a family doctor, a new declaration',
  'acting.teenViewOnly':
    'The child is 14 or older and signs their own declarations and changes. You can view.',
  'acting.relationViewOnly':
    'eHealth has not yet confirmed your relation to the child: for now you can only view. Please ask at the reception desk.',
  'acting.finishHint':
    '"Finish" closes both the child\'s cabinet and yours — the kiosk forgets all the data.',

  'acting.declarationsTitle': "The child's declarations",
  'acting.declarationsNone': 'The child has no current declaration with a doctor.',
  'acting.wizardNoCurrent': 'The child has no current declaration now.',

  'noRelation.title': 'Your relation to the child is not registered',
  'noRelation.lead':
    "eHealth does not yet hold a record that you are this child's parent or legal guardian, so you cannot act for the child at the kiosk.",
  'noRelation.how': 'How to put it right',
  'noRelation.step1':
    "Ask a doctor or the reception desk of any clinic working with eHealth (for example, when you sign the child's declaration).",
  'noRelation.step2':
    "Bring your passport or ID card, your tax number and the child's birth certificate (a guardian: the court decision or the guardian's certificate).",
  'noRelation.step3':
    'Once it is registered, sign in at the kiosk with your key and choose "Act for my child".',
  'noRelation.print': 'Print a reminder',
  'noRelation.printing': 'Printing…',
  'noRelation.printed': 'The reminder is printed. Please take it from the printer.',
  'noRelation.saved': 'The reminder is saved. Ask at the reception desk to print it.',
  'noRelation.tryAgain': 'Check the details again',
  'noRelation.toOwn': 'To my own cabinet',

  'under14.parentKiosk':
    'A parent can also do this at this kiosk: sign in with their own qualified e-signature key and choose "Act for my child".',
};
