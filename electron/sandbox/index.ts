import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { openDatabase, type Db } from '../core/db';
import { SandboxClock } from './clock';
import { sandboxMigrations } from './db/migrations';
import { Faults, type FaultConfig } from './faults';
import { Router } from './http/router';
import { createSandboxServer } from './http/server';
import { preparePki, type PersonaIdentity, type Pki } from './pki/personas';
import { esignVerifier } from './pki/verifier';
import { unavailableVerifier } from './signature';
import { appRoutes } from './routes/apps';
import { authRoutes } from './routes/auth';
import { bulkRoutes } from './routes/bulk';
import { declarationRequestRoutes } from './routes/declaration-requests';
import { declarationRoutes } from './routes/declarations';
import { dictionaryRoutes } from './routes/dictionaries';
import { documentRoutes } from './routes/documents';
import { confidantRoutes } from './routes/confidant';
import { personRequestRoutes } from './routes/person-requests';
import { personRoutes } from './routes/person';
import { signUpRoutes } from './routes/sign-up';
import { toolRoutes, type ToolDeps } from './routes/tools';
import { uaddressRoutes } from './routes/uaddresses';
import { getMeta, seedDatabase, type SeedName } from './seed';
import { PATIENT_SCOPES } from './seed/clients';
import { PERSONAS, personaFullName, type PersonaSpec } from './seed/personas';
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
  /**
   * Personas whose certificate ends at the given moment instead of two years on (a key that expires
   * during a long run). Their keys are written again when the stored ones end at another moment.
   */
  certificateValidTo?: Readonly<Record<string, Date>>;
  /** defaults to a silent logger; the CLI passes one writing to stderr */
  logger?: Logger;
  /** overrides of the eHealth parameters (token lifetimes, request term, page sizes…) */
  config?: Partial<Omit<SandboxConfig, 'clientId' | 'clientSecret' | 'apiKey' | 'scope'>>;
}

export const SANDBOX_DB_FILE = 'sandbox.db';

type SandboxDefaults = Omit<SandboxConfig, 'clientId' | 'clientSecret' | 'apiKey' | 'scope'>;

const DEFAULTS: SandboxDefaults = {
  accessTokenTtlSeconds: 900,
  refreshTokenTtlSeconds: 8 * 3600,
  nonceTtlSeconds: 900,
  requestTtlDays: 1,
  declarationTermDays: 365,
  otpTtlMinutes: 15,
  otpMaxAttempts: 3,
  pageSizeMax: 300,
  pageSizeDefault: 50,
  uploadUrlTtlSeconds: 3600,
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

/** The sandbox database, seeded when new; a database seeded otherwise is refused. */
function openSeeded(
  dataDir: string,
  seedName: SeedName,
  clock: SandboxClock,
  log: Logger,
  declarationTermDays: number,
): { db: Db; seed: SeedName; seedMs: number; seeded: boolean } {
  const db = openSandboxDb(dataDir);
  try {
    const existing = getMeta(db, 'seed');
    if (existing && existing !== seedName) {
      throw new Error(
        `the data directory holds a '${existing}' sandbox; start it with --seed ${existing} or use another data directory`,
      );
    }
    let seedMs = 0;
    if (!existing) {
      const t = performance.now();
      db.pragma('cache_size = -65536');
      const summary = seedDatabase(db, seedName, clock.now(), declarationTermDays);
      db.pragma('cache_size = -2000');
      seedMs = Math.round(performance.now() - t);
      const { legalEntities, divisions, doctors } = summary;
      log.info({ seed: seedName, ms: seedMs, legalEntities, divisions, doctors }, 'sandbox seeded');
    }
    refreshPersonaAges(db, clock.now());
    return { db, seed: seedName, seedMs, seeded: !existing };
  } catch (e) {
    db.close();
    throw e;
  }
}

interface PersonaPerson {
  persona: PersonaSpec;
  /** the persona's person in this database; none for a persona eHealth does not know */
  row: { tax_id: string; doc: string } | undefined;
  /** the tax id its certificate carries (undefined only before the filter) */
  taxId: string | undefined;
}

/**
 * The personas this database offers: the registered ones with their person, the unregistered ones
 * with the tax id chosen for them at seeding (one added after this database was seeded: not offered).
 */
function personaPersons(db: Db): PersonaPerson[] {
  return PERSONAS.map((p) => {
    const row = db.prepare('SELECT tax_id, doc FROM persons WHERE persona_id = ?').get(p.id) as
      { tax_id: string; doc: string } | undefined;
    return { persona: p, row, taxId: row?.tax_id ?? unknownTaxId(db, p.id) };
  }).filter((p) => p.taxId !== undefined);
}

/** An unregistered persona's tax id (the first one's is also kept under the older key). */
const unknownTaxId = (db: Db, id: string): string | undefined =>
  getMeta(db, `unknown_drfo:${id}`) ?? (id === 'unknown-drfo' ? getMeta(db, 'unknown_drfo') : undefined);

/**
 * Who each persona's certificate names: their tax id, or the DRFO of nobody for the unknown ones;
 * and when it ends, for a persona given a moment in `certificateValidTo`. A child without a key of
 * their own has none.
 */
function personaIdentities(
  persons: PersonaPerson[],
  certificateValidTo: Readonly<Record<string, Date>> | undefined,
): PersonaIdentity[] {
  return persons
    .filter(({ persona }) => persona.keyFormat !== 'none')
    .map(({ persona, taxId }) => {
      const validTo = certificateValidTo?.[persona.id];
      return { persona, taxId: taxId as string, ...(validTo ? { validTo } : {}) };
    });
}

function sandboxState(
  db: Db,
  clock: SandboxClock,
  log: Logger,
  seed: SeedName,
  overrides: Partial<SandboxDefaults> | undefined,
): SandboxState {
  const config: SandboxConfig = {
    ...DEFAULTS,
    ...overrides,
    clientId: getMeta(db, 'client_id') as string,
    clientSecret: getMeta(db, 'client_secret') as string,
    // eHealth: the api-key a PIS sends is its client secret
    apiKey: getMeta(db, 'client_secret') as string,
    scope: PATIENT_SCOPES.join(' '),
  };
  return {
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
    seed,
    tsa: null,
    ocsp: null,
  };
}

/** eHealth's routes, and the sandbox's own tools under /sandbox/. */
function routers(tools: ToolDeps): { eHealth: Router; tools: Router } {
  return {
    tools: new Router().add(...toolRoutes(tools)),
    eHealth: new Router().add(
      ...authRoutes,
      ...confidantRoutes,
      ...signUpRoutes,
      ...personRoutes,
      ...personRequestRoutes,
      ...documentRoutes,
      ...declarationRoutes,
      ...declarationRequestRoutes,
      ...appRoutes,
      ...bulkRoutes,
      ...uaddressRoutes,
      ...dictionaryRoutes,
    ),
  };
}

/** Listens; the base URL the sandbox is reached at. */
async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}

async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}

/** The personas as the ready line lists them, with their key files. */
function personaViews(persons: PersonaPerson[], pki: Pki, now: Date): SandboxPersona[] {
  return persons.map(({ persona, row }) => {
    const key = pki.keys.get(persona.id);
    const doc = row ? (JSON.parse(row.doc) as { birth_date: string }) : null;
    return {
      id: persona.id,
      fullName: personaFullName(persona),
      taxId: key?.drfo ?? row?.tax_id ?? '',
      birthDate: doc?.birth_date ?? isoDate(personaBirthDate(persona, now)),
      keyFile: key?.keyFile ?? '',
      password: persona.password,
      notes: persona.notes,
      certificateFile: key?.certificateFile ?? '',
    };
  });
}

/** Starts the embedded eHealth sandbox: seeds (or reuses) its database, prepares the test PKI, listens. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const started = performance.now();
  const log = opts.logger ?? pino({ level: 'silent' });
  const clock = new SandboxClock(opts.now);
  const ownDir = !opts.dataDir;
  const dataDir = resolve(opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-sandbox-')));
  let db: Db | null = null;
  let server: Server | null = null;
  try {
    const termDays = opts.config?.declarationTermDays ?? DEFAULTS.declarationTermDays;
    const opened = openSeeded(dataDir, opts.seed ?? 'national', clock, log, termDays);
    db = opened.db;
    const persons = personaPersons(db);
    const identities = personaIdentities(persons, opts.certificateValidTo);
    const personasDir = join(dataDir, 'personas');
    const keysDir = opts.keysCacheDir
      ? sharedKeysDir(
          resolve(opts.keysCacheDir),
          identities
            .map((i) => `${i.persona.id}=${i.taxId}${i.validTo ? `@${i.validTo.toISOString()}` : ''}`)
            .join(','),
        )
      : personasDir;
    const state = sandboxState(db, clock, log, opened.seed, opts.config);

    let personas: SandboxPersona[] = [];
    let revoke: (personaId: string) => boolean = () => false;
    const listening = createSandboxServer(state, {
      ...routers({ clock, personas: () => personas, revoke: (id) => revoke(id) }),
      ...(opts.record ? { record: resolve(opts.record) } : {}),
    });
    state.baseUrl = await listen(listening, opts.port ?? 0, opts.host ?? '127.0.0.1');
    server = listening;

    const ocspUrl = `${state.baseUrl}/ocsp`;
    const pki = await preparePki({ keysDir, personasDir, identities, now: clock.now, ocspUrl });
    state.verifier = esignVerifier(pki.trust, pki.isRevoked);
    revoke = (id) => pki.revokePersona(id);
    state.tsa = pki.tsa;
    state.ocsp = pki.ocsp;
    personas = personaViews(persons, pki, clock.now());

    const startMs = Math.round(performance.now() - started);
    log.info({ baseUrl: state.baseUrl, seed: state.seed, ms: startMs }, 'sandbox ready');

    const openDb = db;
    let closed = false;
    return {
      baseUrl: state.baseUrl,
      clientId: state.config.clientId,
      clientSecret: state.config.clientSecret,
      apiKey: state.config.apiKey,
      tsaUrl: `${state.baseUrl}/tsa`,
      ocspUrl,
      trustList: pki.trustBundle,
      scope: state.config.scope,
      requestTermHours: state.config.requestTtlDays * 24,
      personas,
      faults: { set: (f) => state.faults.set(f), reset: () => state.faults.reset() },
      revokeCertificate: (id) => pki.revokePersona(id),
      clock: { now: clock.now, advance: (ms) => clock.advance(ms) },
      seed: state.seed,
      dataDir,
      timings: { seedMs: opened.seedMs, startMs, seeded: opened.seeded },
      async close() {
        if (closed) return;
        closed = true;
        await closeServer(listening);
        openDb.close();
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (server) await closeServer(server);
    db?.close();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
