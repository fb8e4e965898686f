// Types of tables.js for the TypeScript tests (eslint.config.js loads the plain JavaScript).
import type { Rule } from 'eslint';

/** Table → owner: a file, or a folder ending in '/'. */
export declare const TABLE_OWNERS: Readonly<Record<string, string>>;
export declare function isExempt(rel: string): boolean;
export declare function owns(owner: string, rel: string): boolean;
export declare function tablesNamed(text: string): string[];
export declare const tableOwnersRule: Rule.RuleModule;
