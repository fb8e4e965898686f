import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { openDatabase, type Db } from '../core/db/database';
import { SandboxClock } from './clock';
import { sandboxMigrations } from './db/migrations';
import { Faults, type FaultConfig } from './faults';
import { Router } from './http/router';
import { createSandboxServer } from './http/server';
import { preparePki } from './pki/personas';
import { esignVerifier } from './pki/verifier';
import { unavailableVerifier } from './signature';
import { appRoutes } from './routes/apps';
import { authRoutes } from './routes/auth';
import { bulkRoutes } from './routes/bulk';
import { declarationRequestRoutes } from './routes/declaration-requests';
import { declarationRoutes } from './routes/declarations';
import { dictionaryRoutes } from './routes/dictionaries';
import { personRequestRoutes } from './routes/person-requests';
import { personRoutes } from './routes/person';
import { toolRoutes } from './routes/tools';
import { uaddressRoutes } from './routes/uaddresses';
import { getMeta, seedDatabase, type SeedName } from './seed';
import { PATIENT_SCOPES } from './seed/clients';
import { PERSONAS, personaFullName } from './seed/personas';
import { personaBirthDate, refreshPersonaAges } from './seed/persons';
import { isoDate } from './time';
import type { SandboxConfig, SandboxState } from './state';
import { foldText } from './text';

export type { FaultConfig } from './faults';

export interface SandboxPersona {
  id: string;
  fullName: string;
  taxId: string;
  birthDate: string;
  /** absolute path of the key container (Key-6.dat or .jks) */
  keyFile: string;
  password: string;
  notes: string;
  /** the certificate file beside the key (Key-6.dat holds no certificate) */
  certificateFile: string;
}

export interface SandboxHandle {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  tsaUrl: string;
  /** The test CA's OCSP responder; every persona certificate names it in its authorityInfoAccess. */
  ocspUrl: string;
  /** The test CA as a CACertificates.p7b-style bundle: the trust list of a kiosk in training. */
  trustList: Uint8Array;
  scope: string;
  /** eHealth's request term here (`requestTtlDays`), for the kiosk's EhealthConfig.requestTermHours. */
  requestTermHours: number;
  personas: SandboxPersona[];
  faults: { set(f: Partial<FaultConfig>): void; reset(): void };
  /** Revokes a persona's certificate: OCSP and sign-in report it revoked from now on (until restart). */
  revokeCertificate(personaId: string): boolean;
  /** moves the sandbox clock forward (expiry of tokens, nonces, requests, OTP codes) */
  clock: { now(): Date; advance(ms: number): void };
  seed: SeedName;
  dataDir: string;
  /** how the sandbox started: milliseconds spent seeding (0 when reused) and in total */
  timings: { seedMs: number; startMs: number; seeded: boolean };
  close(): Promise<void>;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  seed?: SeedName;
  dataDir?: string;
  record?: string;
  now?: () => Date;
  /**
   * A folder shared by sandboxes for the persona key files (tests use one so keys are generated once);
   * by default they live in `<dataDir>/personas`.
   */
  keysCacheDir?: string;
  /** defaults to a silent logger; the CLI passes one writing to stderr */
  logger?: Logger;
  /** overrides of the eHealth parameters (token lifetimes, request term, page sizes…) */
  config?: Partial<Omit<SandboxConfig, 'clientId' | 'clientSecret' | 'apiKey' | 'scope'>>;
}

export const SANDBOX_DB_FILE = 'sandbox.db';

const DEFAULTS: Omit<SandboxConfig, 'clientId' | 'clientSecret' | 'apiKey' | 'scope'> = {
  accessTokenTtlSeconds: 900,
  refreshTokenTtlSeconds: 8 * 3600,
  nonceTtlSeconds: 900,
  requestTtlDays: 1,
  declarationTermDays: 365,
  otpTtlMinutes: 15,
  otpMaxAttempts: 3,
  pageSizeMax: 300,
  pageSizeDefault: 50,
};

function openSandboxDb(dataDir: string): Db {
  const db = openDatabase(join(dataDir, SANDBOX_DB_FILE), sandboxMigrations, { synchronous: 'NORMAL' });
  db.function('lower_uk', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? foldText(s) : null,
  );
  return db;
}

/**
 * A key cache shared by several sandboxes (tests): one subfolder per set of persona identities, since
 * the tax ids follow the birth dates and so the sandbox clock. Writing Key-6.dat files takes seconds.
 */
function sharedKeysDir(root: string, identity: string): string {
  const dir = join(root, createHash('sha256').update(identity).digest('hex').slice(0, 16));
  if (!existsSync(dir)) pruneOldKeyDirs(root);
  return dir;
}

/** Key folders of other days' tax ids are not used again; drop the ones untouched for a week. */
function pruneOldKeyDirs(root: string): void {
  const weekAgo = Date.now() - 7 * 86_400_000;
  try {
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (statSync(path).mtimeMs < weekAgo) rmSync(path, { recursive: true, force: true });
    }
  } catch (e) {
    // nothing to prune yet, or another sandbox pruned the same folder first
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Starts the embedded eHealth sandbox: seeds (or reuses) its database, prepares the test PKI, listens. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const started = performance.now();
  const log = opts.logger ?? pino({ level: 'silent' });
  const clock = new SandboxClock(opts.now);
  const ownDir = !opts.dataDir;
  const dataDir = resolve(opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-sandbox-')));
  const seedName: SeedName = opts.seed ?? 'national';
  let db: Db | null = null;
  let listening: Server | null = null;
  try {
    db = openSandboxDb(dataDir);
    const existing = getMeta(db, 'seed');
    let seedMs = 0;
    if (!existing) {
      const t = performance.now();
      db.pragma('cache_size = -65536');
      const summary = seedDatabase(
        db,
        seedName,
        clock.now(),
        opts.config?.declarationTermDays ?? DEFAULTS.declarationTermDays,
      );
      db.pragma('cache_size = -2000');
      seedMs = Math.round(performance.now() - t);
      log.info(
        {
          seed: seedName,
          ms: seedMs,
          legalEntities: summary.legalEntities,
          divisions: summary.divisions,
          doctors: summary.doctors,
        },
        'sandbox seeded',
      );
    } else if (existing !== seedName) {
      throw new Error(
        `the data directory holds a '${existing}' sandbox; start it with --seed ${existing} or use another data directory`,
      );
    }
    refreshPersonaAges(db, clock.now());

    const persons = PERSONAS.map((p) => {
      const row = db?.prepare('SELECT tax_id, doc FROM persons WHERE persona_id = ?').get(p.id) as
        { tax_id: string; doc: string } | undefined;
      return { persona: p, row };
      // a persona added after this database was seeded has no person in it: not offered here
    }).filter(({ persona, row }) => row !== undefined || !persona.registered);
    const unknownTax = getMeta(db, 'unknown_drfo');
    const identities = persons.map(({ persona, row }) => ({
      persona,
      taxId: row?.tax_id ?? (unknownTax as string),
    }));
    const personasDir = join(dataDir, 'personas');
    const keysDir = opts.keysCacheDir
      ? sharedKeysDir(
          resolve(opts.keysCacheDir),
          identities.map((i) => `${i.persona.id}=${i.taxId}`).join(','),
        )
      : personasDir;

    const config: SandboxConfig = {
      ...DEFAULTS,
      ...opts.config,
      clientId: getMeta(db, 'client_id') as string,
      clientSecret: getMeta(db, 'client_secret') as string,
      // eHealth: the api-key a PIS sends is its client secret
      apiKey: getMeta(db, 'client_secret') as string,
      scope: PATIENT_SCOPES.join(' '),
    };
    const state: SandboxState = {
      db,
      now: clock.now,
      baseUrl: '',
      config,
      jwtSecret: Buffer.from(getMeta(db, 'jwt_secret') as string, 'hex'),
      faults: new Faults(),
      // the PKI comes once the address is known (its certificates name this sandbox's OCSP responder)
      verifier: unavailableVerifier,
      log,
      bootId: randomUUID(),
      seed: existing === 'national' || existing === 'small' ? existing : seedName,
      tsa: null,
      ocsp: null,
    };

    let personas: SandboxPersona[] = [];
    let revoke: (personaId: string) => boolean = () => false;
    const tools = new Router().add(
      ...toolRoutes({ clock, personas: () => personas, revoke: (id) => revoke(id) }),
    );
    const eHealth = new Router().add(
      ...authRoutes,
      ...personRoutes,
      ...personRequestRoutes,
      ...declarationRoutes,
      ...declarationRequestRoutes,
      ...appRoutes,
      ...bulkRoutes,
      ...uaddressRoutes,
      ...dictionaryRoutes,
    );
    const server = createSandboxServer(state, {
      eHealth,
      tools,
      ...(opts.record ? { record: resolve(opts.record) } : {}),
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
    });
    listening = server;
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    state.baseUrl = `http://${host}:${address.port}`;

    const pki = await preparePki({
      keysDir,
      personasDir,
      identities,
      now: clock.now,
      ocspUrl: `${state.baseUrl}/ocsp`,
    });
    state.verifier = esignVerifier(pki.trust, pki.isRevoked);
    revoke = (id) => pki.revokePersona(id);
    state.tsa = pki.tsa;
    state.ocsp = pki.ocsp;

    personas = persons.map(({ persona, row }) => {
      const key = pki.keys.get(persona.id);
      const doc = row ? (JSON.parse(row.doc) as { birth_date: string }) : null;
      return {
        id: persona.id,
        fullName: personaFullName(persona),
        taxId: key?.drfo ?? '',
        birthDate: doc?.birth_date ?? isoDate(personaBirthDate(persona, clock.now())),
        keyFile: key?.keyFile ?? '',
        password: persona.password,
        notes: persona.notes,
        certificateFile: key?.certificateFile ?? '',
      };
    });

    const startMs = Math.round(performance.now() - started);
    log.info({ baseUrl: state.baseUrl, seed: state.seed, ms: startMs }, 'sandbox ready');

    const openDb = db;
    let closed = false;
    return {
      baseUrl: state.baseUrl,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      apiKey: config.apiKey,
      tsaUrl: `${state.baseUrl}/tsa`,
      ocspUrl: `${state.baseUrl}/ocsp`,
      trustList: pki.trustBundle,
      scope: config.scope,
      requestTermHours: config.requestTtlDays * 24,
      personas,
      faults: { set: (f) => state.faults.set(f), reset: () => state.faults.reset() },
      revokeCertificate: (id) => pki.revokePersona(id),
      clock: { now: clock.now, advance: (ms) => clock.advance(ms) },
      seed: state.seed,
      dataDir,
      timings: { seedMs, startMs, seeded: !existing },
      async close() {
        if (closed) return;
        closed = true;
        await new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
        openDb.close();
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    const server = listening as Server | null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
    db?.close();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
