/**
 * `npm run sandbox -- [--port N] [--seed small|national] [--data-dir DIR] [--record FILE]`
 * Starts the eHealth sandbox and prints exactly one JSON line on stdout when ready; logs go to stderr.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startSandbox } from './index';

const USAGE =
  'usage: npm run sandbox -- [--port N] [--seed small|national] [--data-dir DIR] [--record FILE] [--host ADDR]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        record: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be an integer from 0 to 65535\n${USAGE}`);
    return 2;
  }
  const seed = values.seed ?? 'national';
  if (seed !== 'small' && seed !== 'national') {
    console.error(`--seed must be small or national\n${USAGE}`);
    return 2;
  }
  const logger = pino({ level: process.env.SANDBOX_LOG_LEVEL ?? 'info' }, pino.destination(2));
  const sandbox = await startSandbox({
    port,
    seed,
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values.record ? { record: values.record } : {}),
    logger,
  });
  process.stdout.write(
    `${JSON.stringify({
      event: 'ready',
      baseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      apiKey: sandbox.apiKey,
      tsaUrl: sandbox.tsaUrl,
      ocspUrl: sandbox.ocspUrl,
      caCertificates: Buffer.from(sandbox.trustList).toString('base64'),
      scope: sandbox.scope,
      personas: sandbox.personas.map(({ id, fullName, taxId, birthDate, keyFile, password, notes }) => ({
        id,
        fullName,
        taxId,
        birthDate,
        keyFile,
        password,
        notes,
      })),
    })}\n`,
  );
  logger.info(
    { seedMs: sandbox.timings.seedMs, startMs: sandbox.timings.startMs, seeded: sandbox.timings.seeded },
    'timings',
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sandbox.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`sandbox failed to start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
