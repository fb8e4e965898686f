/**
 * Flags of `npm run start:browser`, exactly: `--port N` (0 = any free port), `--no-open`,
 * `--data-dir DIR`. Anything else is a usage error.
 */
export interface BrowserHostArgs {
  port: number;
  open: boolean;
  dataDir: string | null;
}

export const BROWSER_HOST_USAGE = 'usage: npm run start:browser -- [--port N] [--no-open] [--data-dir DIR]';

export type ParsedArgs = { ok: true; args: BrowserHostArgs } | { ok: false; message: string };

export function parseBrowserHostArgs(argv: readonly string[]): ParsedArgs {
  const args: BrowserHostArgs = { port: 0, open: true, dataDir: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port': {
        const v = value();
        if (v === undefined || !/^\d{1,5}$/.test(v) || Number(v) > 65535)
          return {
            ok: false,
            message: `--port needs a number from 0 to 65535, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`,
          };
        args.port = Number(v);
        break;
      }
      case '--no-open':
        if (inline !== undefined) return { ok: false, message: '--no-open takes no value' };
        args.open = false;
        break;
      case '--data-dir': {
        const v = value();
        if (!v) return { ok: false, message: '--data-dir needs a directory' };
        args.dataDir = v;
        break;
      }
      default:
        return { ok: false, message: `unknown argument: ${a}` };
    }
  }
  return { ok: true, args };
}
