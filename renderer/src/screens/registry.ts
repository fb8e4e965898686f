import type { ComponentType } from 'react';
import type { ScreenId } from '../stores/ui';
import { InsertKey } from './InsertKey/InsertKey';
import { KeyboardPractice } from './KeyboardPractice/KeyboardPractice';
import { Welcome } from './Welcome/Welcome';

/** Screen id → screen. A ScreenId without a screen here fails the type check. */
export const SCREENS: Record<ScreenId, ComponentType> = {
  welcome: Welcome,
  insertKey: InsertKey,
  keyboardPractice: KeyboardPractice,
};
