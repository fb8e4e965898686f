/** Types of what boundaries.js exports besides the ESLint plugin (used by the lint tests). */
import type { ESLint } from 'eslint';

export const CORE_DEPS: Readonly<Record<string, readonly string[]>>;
export const CORE_LEAVES: readonly string[];
export const CORE_ROOTS: readonly string[];
export function isTestFile(rel: string): boolean;
export function coreViolation(from: string, target: string, root: string): string | null;
declare const plugin: ESLint.Plugin;
export default plugin;
