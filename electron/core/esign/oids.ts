/** Object identifiers used by Ukrainian qualified signatures (DSTU 4145, GOST 34.311) and CAdES. */
export const OID = {
  // algorithms (DSTU / GOST, UA arc 1.2.804.2.1.1.1.1)
  gost34311: '1.2.804.2.1.1.1.1.2.1',
  gost34311Hmac: '1.2.804.2.1.1.1.1.1.2',
  gost28147Cfb: '1.2.804.2.1.1.1.1.1.1.3',
  dstu4145le: '1.2.804.2.1.1.1.1.3.1.1',
  dstu4145be: '1.2.804.2.1.1.1.1.3.1.2',
  curvePb257: '1.2.804.2.1.1.1.1.3.1.1.2.6',
  curvePb431: '1.2.804.2.1.1.1.1.3.1.1.2.9',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  iitStore: '1.3.6.1.4.1.19398.1.1.1.2',
  sunJksKeyProtector: '1.3.6.1.4.1.42.2.17.1.1',

  // CMS content types
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
  tstInfo: '1.2.840.113549.1.9.16.1.4',

  // signed / unsigned attributes
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  contentTimeStamp: '1.2.840.113549.1.9.16.2.20',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  /** CAdES-X-L: certificates of the chain and the TSA carried in the unsigned attributes. */
  certificateValues: '1.2.840.113549.1.9.16.2.23',

  // PKCS#12
  pkcs12KeyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs12ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  pkcs12CertBag: '1.2.840.113549.1.12.10.1.3',
  x509CertificateBag: '1.2.840.113549.1.9.22.1',

  // names
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  givenName: '2.5.4.42',

  // extensions
  subjectDirectoryAttributes: '2.5.29.9',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  subjectInfoAccess: '1.3.6.1.5.5.7.1.11',
  qcStatements: '1.3.6.1.5.5.7.1.3',

  // access methods
  adOcsp: '1.3.6.1.5.5.7.48.1',
  adCaIssuers: '1.3.6.1.5.5.7.48.2',
  adTimeStamping: '1.3.6.1.5.5.7.48.3',

  // OCSP (RFC 6960)
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',

  // key purposes
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  ekuOcspSigning: '1.3.6.1.5.5.7.3.9',
  /** Electronic seal ("печатка") of a legal entity — what eHealth counts as a stamp. */
  ekuElectronicStamp: '1.2.804.2.1.1.1.3.9',

  // subjectDirectoryAttributes (Ukrainian registry codes)
  drfo: '1.2.804.2.1.1.1.11.1.4.1.1',
  /** An older spelling of the DRFO attribute seen in some certificates. */
  drfoAlt: '1.2.804.2.1.1.1.11.1.4.7.1',
  edrpou: '1.2.804.2.1.1.1.11.1.4.2.1',
} as const;
