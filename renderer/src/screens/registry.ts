import type { ComponentType } from 'react';
import type { ScreenId } from '../stores/ui';
import { ActForChild } from './ActForChild/ActForChild';
import { ActingNoRelation } from './ActingNoRelation/ActingNoRelation';
import { Apps } from './Apps/Apps';
import { DeclarationDetails } from './DeclarationDetails/DeclarationDetails';
import { Declarations } from './Declarations/Declarations';
import { DeclarationWizard } from './DeclarationWizard/DeclarationWizard';
import { DoctorCard } from './DoctorCard/DoctorCard';
import { DoctorSearch } from './DoctorSearch/DoctorSearch';
import { DocumentCapture } from './DocumentCapture/DocumentCapture';
import { Home } from './Home/Home';
import { InsertKey } from './InsertKey/InsertKey';
import { KeyboardPractice } from './KeyboardPractice/KeyboardPractice';
import { KeyPassword } from './KeyPassword/KeyPassword';
import { PersonData } from './PersonData/PersonData';
import { PersonEdit } from './PersonEdit/PersonEdit';
import { PersonPhone } from './PersonPhone/PersonPhone';
import { PersonResult } from './PersonResult/PersonResult';
import { PersonReview } from './PersonReview/PersonReview';
import { Receipt } from './Receipt/Receipt';
import { RegistrationForm } from './RegistrationForm/RegistrationForm';
import { RegistrationIntro } from './RegistrationIntro/RegistrationIntro';
import { RegistrationPhone } from './RegistrationPhone/RegistrationPhone';
import { RegistrationQueued } from './RegistrationQueued/RegistrationQueued';
import { RegistrationReview } from './RegistrationReview/RegistrationReview';
import { RegistrationSign } from './RegistrationSign/RegistrationSign';
import { RegistrarAudit } from './RegistrarAudit/RegistrarAudit';
import { RegistrarDirectory } from './RegistrarDirectory/RegistrarDirectory';
import { RegistrarOutbox } from './RegistrarOutbox/RegistrarOutbox';
import { RegistrarPanel } from './RegistrarPanel/RegistrarPanel';
import { RegistrarPin } from './RegistrarPin/RegistrarPin';
import { RegistrarSettings } from './RegistrarSettings/RegistrarSettings';
import { SignInError } from './SignInError/SignInError';
import { SigningIn } from './SigningIn/SigningIn';
import { Under14 } from './Under14/Under14';
import { Welcome } from './Welcome/Welcome';

/** Screen id → screen. A ScreenId without a screen here fails the type check. */
export const SCREENS: Record<ScreenId, ComponentType> = {
  welcome: Welcome,
  insertKey: InsertKey,
  keyboardPractice: KeyboardPractice,
  keyPassword: KeyPassword,
  signingIn: SigningIn,
  signInError: SignInError,
  under14: Under14,
  home: Home,
  registrationIntro: RegistrationIntro,
  registrationForm: RegistrationForm,
  registrationPhone: RegistrationPhone,
  registrationReview: RegistrationReview,
  registrationSign: RegistrationSign,
  registrationQueued: RegistrationQueued,
  actForChild: ActForChild,
  actingNoRelation: ActingNoRelation,
  // the four functions
  person: PersonData,
  personEdit: PersonEdit,
  personReview: PersonReview,
  personResult: PersonResult,
  personPhone: PersonPhone,
  documentCapture: DocumentCapture,
  declarations: Declarations,
  declarationDetails: DeclarationDetails,
  doctorSearch: DoctorSearch,
  doctorCard: DoctorCard,
  declarationWizard: DeclarationWizard,
  apps: Apps,
  receipt: Receipt,
  registrarPin: RegistrarPin,
  registrarPanel: RegistrarPanel,
  registrarOutbox: RegistrarOutbox,
  registrarDirectory: RegistrarDirectory,
  registrarSettings: RegistrarSettings,
  registrarAudit: RegistrarAudit,
};
