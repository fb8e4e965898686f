/**
 * A thin, typed door to a vendor PKCS#11 module through pkcs11js (an optional dependency: when
 * it is not installed, tokens are simply "not available"). Errors become KioskError values.
 */
import { createRequire } from 'node:module';
import type * as Pkcs11Types from 'pkcs11js';
import { err, ok, type Result } from '#shared/result';
import { parseCertificate } from '../pki/certificate';

type Pkcs11Module = typeof Pkcs11Types;
type Pkcs11 = InstanceType<Pkcs11Module['PKCS11']>;
type Handle = Buffer;

const require = createRequire(import.meta.url);
let loaded: Pkcs11Module | null | undefined;

function pkcs11js(): Pkcs11Module | null {
  if (loaded === undefined) {
    try {
      loaded = require('pkcs11js') as Pkcs11Module;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

export interface TokenSlot {
  /** Index in the list of slots with a token present (what KeySource.slot refers to). */
  slot: number;
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  mechanisms: number[];
}

export interface TokenObject {
  handle: Handle;
  id: Uint8Array;
  label: string;
}

function pkcsCode(e: unknown): number | null {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number'
    ? (e as { code: number }).code
    : null;
}

/** An initialised module; `close()` finalises it. */
export class Pkcs11Token {
  private session: Handle | null = null;

  private constructor(
    readonly api: Pkcs11Module,
    private readonly p11: Pkcs11,
  ) {}

  static load(modulePath: string): Result<Pkcs11Token> {
    const api = pkcs11js();
    if (!api)
      return err(
        'NOT_AVAILABLE',
        'hardware tokens are not supported on this kiosk (pkcs11js is not installed)',
      );
    const p11 = new api.PKCS11();
    try {
      p11.load(modulePath);
    } catch (e) {
      return err('NOT_AVAILABLE', `the token driver cannot be loaded: ${(e as Error).message}`);
    }
    try {
      p11.C_Initialize();
    } catch (e) {
      if (pkcsCode(e) !== api.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        return err('NOT_AVAILABLE', `the token driver failed to start: ${(e as Error).message}`);
      }
    }
    return ok(new Pkcs11Token(api, p11));
  }

  private slots(): Handle[] {
    return this.p11.C_GetSlotList(true);
  }

  listSlots(): TokenSlot[] {
    return this.slots().map((h, slot) => {
      const info = this.p11.C_GetTokenInfo(h);
      let mechanisms: number[];
      try {
        mechanisms = this.p11.C_GetMechanismList(h);
      } catch {
        mechanisms = []; // a token that cannot list mechanisms offers none we can use
      }
      return {
        slot,
        label: info.label.trim(),
        manufacturer: info.manufacturerID.trim(),
        model: info.model.trim(),
        serial: info.serialNumber.trim(),
        mechanisms,
      };
    });
  }

  /** Opens a session on the slot and logs in; the PIN string is the token's own requirement. */
  login(slot: number, pin: string): Result<void> {
    const h = this.slots()[slot];
    if (!h) return err('KEY_NOT_FOUND', 'the token is not inserted');
    try {
      this.session = this.p11.C_OpenSession(h, this.api.CKF_SERIAL_SESSION);
      this.p11.C_Login(this.session, this.api.CKU_USER, pin);
      return ok(undefined);
    } catch (e) {
      const code = pkcsCode(e);
      if (code === this.api.CKR_PIN_INCORRECT) return err('KEY_WRONG_PASSWORD', 'wrong PIN for this token');
      if (code === this.api.CKR_PIN_LOCKED) return err('KEY_LOCKED', 'the token PIN is locked');
      return err('KEY_UNREADABLE', `cannot log in to the token: ${(e as Error).message}`);
    }
  }

  private find(cls: number): Handle[] {
    if (!this.session) throw new Error('not logged in');
    this.p11.C_FindObjectsInit(this.session, [{ type: this.api.CKA_CLASS, value: cls }]);
    try {
      return this.p11.C_FindObjects(this.session, 64);
    } finally {
      this.p11.C_FindObjectsFinal(this.session);
    }
  }

  private attrs(h: Handle, types: number[]): (Buffer | undefined)[] {
    if (!this.session) throw new Error('not logged in');
    return this.p11
      .C_GetAttributeValue(
        this.session,
        h,
        types.map((type) => ({ type })),
      )
      .map((a) => a.value as Buffer | undefined);
  }

  certificates(): { der: Uint8Array; id: Uint8Array }[] {
    return this.find(this.api.CKO_CERTIFICATE).map((h) => {
      const [value, id] = this.attrs(h, [this.api.CKA_VALUE, this.api.CKA_ID]);
      return { der: new Uint8Array(value ?? []), id: new Uint8Array(id ?? []) };
    });
  }

  privateKeys(): TokenObject[] {
    return this.find(this.api.CKO_PRIVATE_KEY).map((h) => {
      const [id, label] = this.attrs(h, [this.api.CKA_ID, this.api.CKA_LABEL]);
      return { handle: h, id: new Uint8Array(id ?? []), label: (label ?? Buffer.alloc(0)).toString('utf8') };
    });
  }

  /** Test/plumbing helper: stores a certificate object on the token (session object). */
  storeCertificate(der: Uint8Array, id: Uint8Array, label: string): void {
    if (!this.session) throw new Error('not logged in');
    const a = this.api;
    const cert = parseCertificate(der);
    this.p11.C_CreateObject(this.session, [
      { type: a.CKA_SUBJECT, value: Buffer.from(cert.subjectDer) },
      { type: a.CKA_ISSUER, value: Buffer.from(cert.issuerDer) },
      { type: a.CKA_SERIAL_NUMBER, value: Buffer.from(cert.serialTlv) },
      { type: a.CKA_CLASS, value: a.CKO_CERTIFICATE },
      { type: a.CKA_CERTIFICATE_TYPE, value: a.CKC_X_509 },
      { type: a.CKA_TOKEN, value: false },
      { type: a.CKA_LABEL, value: label },
      { type: a.CKA_ID, value: Buffer.from(id) },
      { type: a.CKA_VALUE, value: Buffer.from(der) },
    ]);
  }

  /** Signs a hash with a vendor DSTU mechanism; returns the raw bytes the token gives. */
  sign(key: Handle, mechanism: number, hash: Uint8Array, maxSignatureBytes = 256): Result<Uint8Array> {
    if (!this.session) return err('SIGNER_FAILED', 'the token session is closed');
    try {
      this.p11.C_SignInit(this.session, { mechanism }, key);
      const out = this.p11.C_Sign(this.session, Buffer.from(hash), Buffer.alloc(maxSignatureBytes));
      return ok(new Uint8Array(out));
    } catch (e) {
      if (pkcsCode(e) === this.api.CKR_MECHANISM_INVALID)
        return err('SIGNER_FAILED', 'the token does not offer the DSTU 4145 signing mechanism');
      return err('SIGNER_FAILED', `the token refused to sign: ${(e as Error).message}`);
    }
  }

  close(): void {
    try {
      if (this.session) {
        try {
          this.p11.C_Logout(this.session);
        } catch {
          // already logged out (token removed): closing below still releases the session
        }
        this.p11.C_CloseSession(this.session);
      }
    } finally {
      this.session = null;
      this.p11.C_Finalize();
    }
  }
}
