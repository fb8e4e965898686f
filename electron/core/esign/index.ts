/**
 * Qualified e-signature (КЕП) for the kiosk, the sandbox and the ops CLI: DSTU 4145-2002 over
 * GOST 34.311-95 in attached CAdES envelopes, key containers, a test PKI and the signer process.
 * This file is the module's public surface; jkurwa/gost89 stay behind `vendor/`.
 */

// verification
export { verifySignedContent } from './cms/verify';
export { signerCertificateOf } from './cms/checks';
export { decodeSignatureInput, MAX_SIGNED_DER_BYTES } from './cms/input';
export { loadTrustList, parseTrustList, TrustListError } from './pki/trust';
export type { SignerInfo, TrustList, VerifyErrorCode, VerifyOptions, VerifyReport } from './types';
export { isUnusableInput, UNUSABLE_INPUT_CODES } from './types';
export { drfoMatches, normalizeDrfo, isPersonalDrfo } from './identity';

// test PKI
export { createTestCa, issueTestIdentity, trustListOf, exportTestCa, loadTestCa } from './pki/test-pki';
export { generateTestKeySet } from './pki/test-key-set';
export type { TestKeyFile } from './pki/test-key-set';
export type { TestCa, TestSubject, TestContainerSpec } from './pki/test-pki';
export { createTimestampAuthority, TEST_TSA_POLICY } from './tsa/authority';
export type { TimestampAuthority } from './tsa/authority';
export { createOcspResponder, TEST_OCSP_VALIDITY_MS } from './ocsp/responder';
export type { OcspResponder } from './ocsp/responder';
export { issueCertificateFor, renewTestIdentity } from './pki/test-pki';

// revocation (OCSP)
export { checkRevocation, httpOcspPost, RevocationChecker, MAX_OCSP_RESPONSE_BYTES } from './ocsp/check';
export type { OcspPost, RevocationStatus } from './ocsp/check';
export type { SingleStatus } from './ocsp/protocol';

// signing in-process
export { openKeyContainer, certificatesFromFiles, MAX_CONTAINER_BYTES } from './containers/open';
export type { OpenKeyOptions } from './containers/open';
export { sniffContainer } from './containers/sniff';
export { gostImplementation, useGostImplementation } from './vendor/jk';
export type { GostImplementation } from './vendor/jk';
export type { ContainerKind } from './containers/sniff';
export { OpenedKey } from './key';
export type { KeyInfo } from './key';
export { signJson, signBytes, MAX_SIGNED_JSON_BYTES } from './cms/sign';
export type { SignJsonOptions, TsaFunction } from './cms/sign';

// the signer process, its port and the main-side service
export { SignerSession } from './signer/session';
export type { SignerEndReason, SignerSessionOptions } from './signer/session';
export { nodeSignerLauncher, defaultSignerEntry } from './signer/launcher';
export type { SignerChannel, SignerLauncher, NodeSignerLauncherOptions } from './signer/launcher';
export type { KeySource, SignerRequest, SignerResponse, SignerValue, TsaChoice } from './signer/protocol';
export { KeyLockout, loadLockoutSalt, withLockout, MAX_WRONG_PASSWORDS, LOCK_MS } from './lockout';
export { EsignService } from './service';
export type { EsignServiceOptions } from './service';

// key discovery
export { KeyDiscovery, KeyMediumWatcher, nodeDiscoveryFs } from './discovery/discovery';
export type { DiscoveryFs, KeyCandidate, KeyDiscoveryOptions } from './discovery/discovery';
export { platformMedia, linuxMedia, macMedia, windowsMedia, parseMountTable } from './discovery/media';
export type { MediaSource, Medium } from './discovery/media';

// hardware tokens
export { Pkcs11Token } from './pkcs11/token';
export type { TokenSlot } from './pkcs11/token';
export { UA_PKCS11, AVTOR_VENDOR_BASE } from './pkcs11/mechanisms';
export { parseCertificate, type ParsedCertificate } from './pki/certificate';
export { describeCertificate } from './pki/describe';
export { type LaunchOptions, SPARE_ARG } from './signer/launcher';
export { certificatesBeside, httpTsa } from './signer/worker';
