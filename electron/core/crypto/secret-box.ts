import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Version byte of the sealed format, so the layout can change without guessing later. */
const FORMAT_V1 = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * AES-256-GCM for data at rest (outbox payloads, refresh tokens). Every sealed value is bound to
 * an "associated data" label such as `outbox:<id>:payload`, so a value copied into another row or
 * column — or written by another kiosk with another key — fails to open instead of being misused.
 *
 * Layout: [version 1 byte][iv 12 bytes][tag 16 bytes][ciphertext].
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly subkeys = new Map<string, Buffer>();

  constructor(
    key: Buffer,
    private readonly random: (n: number) => Buffer = randomBytes,
  ) {
    if (key.length !== SECRET_KEY_BYTES) throw new SecretBoxError('the secret key must be 32 bytes');
    this.key = Buffer.from(key);
  }

  seal(plaintext: Buffer | string, associatedData: string): Buffer {
    const iv = this.random(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([
      cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
      cipher.final(),
    ]);
    return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
  }

  /** Throws SecretBoxError when the value is malformed, tampered with, or sealed for another label/key. */
  open(sealed: Buffer | Uint8Array, associatedData: string): Buffer {
    const buf = Buffer.isBuffer(sealed) ? sealed : Buffer.from(sealed);
    if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== FORMAT_V1) {
      throw new SecretBoxError('sealed value has an unknown format');
    }
    const iv = buf.subarray(1, 1 + IV_BYTES);
    const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const body = buf.subarray(1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new SecretBoxError('sealed value failed authentication (tampered, foreign, or wrong label)');
    }
  }

  /**
   * A stable pseudonym for `value` (e.g. a person id) for one purpose: HMAC-SHA256 under a key
   * derived for that purpose. Lets rows be grouped per patient without storing who the patient is.
   */
  pseudonym(value: string, purpose: string): string {
    return createHmac('sha256', this.subkey(`kiosk-pseudonym:${purpose}`))
      .update(value, 'utf8')
      .digest('hex')
      .slice(0, 32);
  }

  /**
   * A message authentication code (HMAC-SHA256, hex) of `text` under a key derived from the
   * at-rest key for one purpose (e.g. the audit chain): protected exactly as the at-rest key is.
   */
  mac(text: string, purpose: string): string {
    return createHmac('sha256', this.subkey(`kiosk-mac:${purpose}`))
      .update(text, 'utf8')
      .digest('hex');
  }

  private subkey(info: string): Buffer {
    let k = this.subkeys.get(info);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), info, 32));
      this.subkeys.set(info, k);
    }
    return k;
  }

  sealJson(value: unknown, associatedData: string): Buffer {
    return this.seal(JSON.stringify(value), associatedData);
  }

  openJson(sealed: Buffer | Uint8Array, associatedData: string): unknown {
    const text = this.open(sealed, associatedData).toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SecretBoxError('sealed value is not JSON');
    }
  }
}
