import type { ComponentType } from 'react';
import type { ScreenId } from '../stores/ui';
import { Home } from './Home/Home';
import { InsertKey } from './InsertKey/InsertKey';
import { KeyboardPractice } from './KeyboardPractice/KeyboardPractice';
import { KeyPassword } from './KeyPassword/KeyPassword';
import { PersonData } from './PersonData/PersonData';
import { PersonEdit } from './PersonEdit/PersonEdit';
import { PersonPhone } from './PersonPhone/PersonPhone';
import { PersonResult } from './PersonResult/PersonResult';
import { PersonReview } from './PersonReview/PersonReview';
import { Pending } from './Pending/Pending';
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
  // the four functions: Pending until their screens are registered here
  person: PersonData,
  personEdit: PersonEdit,
  personReview: PersonReview,
  personResult: PersonResult,
  personPhone: PersonPhone,
  declarations: Pending,
  doctorSearch: Pending,
  apps: Pending,
  registrarPin: RegistrarPin,
  registrarPanel: RegistrarPanel,
  registrarOutbox: RegistrarOutbox,
  registrarDirectory: RegistrarDirectory,
  registrarSettings: RegistrarSettings,
  registrarAudit: RegistrarAudit,
};
