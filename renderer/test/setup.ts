import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setKioskForTests } from '../src/api';
import { resetAllStores } from '../src/stores/reset';

afterEach(() => {
  cleanup();
  resetAllStores();
  setKioskForTests(null);
  document.documentElement.removeAttribute('data-text-size');
  document.documentElement.removeAttribute('data-contrast');
});
