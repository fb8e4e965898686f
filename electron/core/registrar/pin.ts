import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Registrar PINs: digits only (the kiosk's digit keypad), 6 to 12 of them, not all the same digit
 * and not a plain run such as 123456 — the PIN is the only thing between a passer-by and the
 * registrar panel.
 */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export type PinProblem = 'format' | 'too-simple';

export function pinProblem(pin: string): PinProblem | null {
  if (!new RegExp(`^[0-9]{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin)) return 'format';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10));
  // one repeated digit (step 0) or a run up or down (step 1 or 9, wrapping 9→0)
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0] as number)) return 'too-simple';
  return null;
}

/** scrypt cost parameters, stored beside every hash so the defaults can rise without a migration. */
export const ScryptParams = z
  .object({
    N: z
      .number()
      .int()
      .min(1024)
      .max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    keyLength: z.number().int().min(32).max(64),
  })
  .strict();
export type ScryptParams = z.infer<typeof ScryptParams>;

/** About 0.1 s and 32 MiB per attempt on a kiosk PC: cheap for one login, slow for a stolen database. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

export interface PinHash {
  salt: Buffer;
  hash: Buffer;
  params: ScryptParams;
}

const SALT_BYTES = 16;

const derive = (pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(
      pin.normalize('NFKC'),
      salt,
      params.keyLength,
      // maxmem must cover 128·N·r bytes with room to spare, or Node refuses the cost it was given
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (e, key) => (e ? reject(e) : resolve(key)),
    );
  });

/** Hashes a PIN with a fresh random salt. */
export async function hashPin(
  pin: string,
  params: ScryptParams = DEFAULT_SCRYPT,
  random: (n: number) => Buffer = randomBytes,
): Promise<PinHash> {
  const salt = random(SALT_BYTES);
  return { salt, hash: await derive(pin, salt, params), params };
}

/** Constant-time comparison of the derived key; a hash of another length simply does not match. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const candidate = await derive(pin, stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
