/**
 * Ops CLI: `npm run kiosk -- <group> <command> [flags]`. Every command accepts --data-dir DIR.
 * Groups live in electron/cli/<group>.ts and are listed in `groups` below.
 */
import { defaultDataDir } from './core/paths';
import { auditGroup } from './cli/audit';
import { directoryGroup } from './cli/directory';
import { ehealthGroup } from './cli/ehealth';
import { esignGroup } from './cli/esign';
import { outboxGroup } from './cli/outbox';
import { registrarGroup } from './cli/registrar';
import { statusGroup } from './cli/status';
import { EXIT, UsageError, type CliContext, type CliGroup, type CliIO } from './cli/types';

const groups: Record<string, CliGroup> = {
  esign: esignGroup,
  outbox: outboxGroup,
  directory: directoryGroup,
  audit: auditGroup,
  status: statusGroup(),
  registrar: registrarGroup,
  ehealth: ehealthGroup,
};

export const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
    return Buffer.concat(chunks);
  },
};

/** Pulls the global --data-dir out of the argument list (it may appear anywhere). */
export function extractDataDir(argv: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--data-dir') {
      const v = argv[++i];
      if (!v) throw new UsageError('--data-dir needs a directory');
      dataDir = v;
    } else if (a.startsWith('--data-dir=')) {
      dataDir = a.slice('--data-dir='.length);
    } else rest.push(a);
  }
  return { dataDir, rest };
}

function usage(io: CliIO): void {
  io.stderr(
    [
      'usage: kiosk <group> <command> [flags] [--data-dir DIR]',
      '',
      ...Object.entries(groups).map(([n, g]) => `  ${n.padEnd(10)} ${g.summary}`),
    ].join('\n'),
  );
}

export async function runCli(
  argv: string[],
  io: CliIO = nodeIO,
  host: Pick<CliContext, 'secretStorage'> = {},
): Promise<number> {
  try {
    const { dataDir, rest } = extractDataDir(argv);
    const [name, ...args] = rest;
    if (!name || name === 'help' || name === '--help') {
      usage(io);
      return name ? EXIT.ok : EXIT.usage;
    }
    const group = groups[name];
    if (!group) {
      io.stderr(`unknown command group: ${name}`);
      usage(io);
      return EXIT.usage;
    }
    const ctx: CliContext = { dataDir: dataDir ?? defaultDataDir(), io, ...host };
    return await group.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(e.message);
      return EXIT.usage;
    }
    io.stderr(`error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.failed;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
