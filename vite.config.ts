import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the renderer (renderer/ → dist/renderer) and configures the unit/integration tests:
 * node environment for electron/, shared/, build/ and test/integration; jsdom for renderer/.
 * Main, preload, CLI and signer are bundled by build/bundle-main.ts.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    assetsInlineLimit: 0,
  },
  test: {
    root: projectRoot,
    projects: [
      {
        test: {
          name: 'node',
          root: projectRoot,
          environment: 'node',
          include: [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'build/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/bench/**/*.test.ts',
            'test/soak/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['build/vitest-setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          root: projectRoot,
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test/setup.ts'],
        },
      },
    ],
  },
});
