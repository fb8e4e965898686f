import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetAllStores } from '../src/stores/reset';

afterEach(() => {
  cleanup();
  resetAllStores();
});
