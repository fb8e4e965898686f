/**
 * Vendor-defined PKCS#11 identifiers for Ukrainian DSTU algorithms, as published in the
 * "Ukrainian PKCS#11 additions" header (uacryptoki.h) used by eHealth's DS service. They are
 * values in the vendor-defined range (CKM_VENDOR_DEFINED = 0x80000000 and above); which of
 * them a given token (Avtor SecureToken-337, IIT Алмаз-1К / Кристал-1) offers must be read from
 * C_GetMechanismList on the device — Avtor's own header uses another range (base 0x8E000000).
 */
export const UA_PKCS11 = {
  /** Key type of a DSTU 4145 key pair. */
  CKK_DSTU4145: 0x80420131,
  /** DSTU 4145 signature over a hash computed outside the token (raw r‖s). */
  CKM_DSTU4145: 0x80420031,
  /** GOST 34.311 hash followed by DSTU 4145 signature, inside the token. */
  CKM_GOST34311_DSTU4145: 0x80420032,
  /** GOST 34.311-95 hash. */
  CKM_GOST34311: 0x80420021,
  CKM_DSTU4145_KEY_PAIR_GEN: 0x80420042,
  /** Attribute holding the GOST 28147 S-box (DKE) of a key. */
  CKA_GOST_SBOXES: 0x80420311,
} as const;

/** Base of Avtor's vendor-defined range (their mechanism numbers are offsets from here). */
export const AVTOR_VENDOR_BASE = 0x8e000000;

/** The mechanisms we can sign with, in order of preference (we always hash ourselves). */
export const DSTU_SIGN_MECHANISMS = [UA_PKCS11.CKM_DSTU4145] as const;
