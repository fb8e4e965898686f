import { foldText } from '../text';

/**
 * Which scans a person request asks for. eHealth answers a person request with
 * `urgent.documents: [{type, url}]`, the documents to upload before it is signed, but publishes no
 * list of which changes need which scan. The sandbox's rule (README, "Documents"): a change of who the
 * person is needs the document that proves it; a change of how to reach them does not.
 *
 * - an identity document that is new or has a new number → a scan of that document (its `type`);
 * - a new last, first or second name, or birth date → a scan of the identity document that carries it
 *   (the request's NATIONAL_ID, else PASSPORT, else BIRTH_CERTIFICATE, else its first document);
 * - a tax id where none was on file → a scan of the tax-id card (`TAX_ID`, eHealth's register-document type);
 * - addresses, phones, e-mail, secret word, emergency contact, communication preference → nothing.
 *
 * Names are compared as eHealth searches them: case-insensitive, every apostrophe alike.
 */

export interface IdentityDocument {
  type: string;
  number: string;
}

export interface IdentityFields {
  first_name: string;
  last_name: string;
  second_name?: string | undefined;
  birth_date: string;
  tax_id?: string | undefined;
  no_tax_id?: boolean | undefined;
  documents: readonly IdentityDocument[];
}

/** The document types a person may be asked to upload: eHealth's DOCUMENT_TYPE plus the tax-id card. */
export const TAX_ID_DOCUMENT = 'TAX_ID';

const PROOF_ORDER = ['NATIONAL_ID', 'PASSPORT', 'BIRTH_CERTIFICATE'];

const sameText = (a: string | undefined, b: string | undefined): boolean =>
  foldText((a ?? '').trim()) === foldText((b ?? '').trim());

const documentNumber = (n: string): string => n.replace(/\s+/g, '').toLocaleUpperCase('uk-UA');

/** The document types to upload for `update` of the person now on file as `current`, in request order. */
export function documentsNeeded(current: IdentityFields, update: IdentityFields): string[] {
  const needed = new Set<string>();
  const onFile = new Set(current.documents.map((d) => `${d.type}:${documentNumber(d.number)}`));
  for (const d of update.documents)
    if (!onFile.has(`${d.type}:${documentNumber(d.number)}`)) needed.add(d.type);

  const identityChanged =
    !sameText(current.last_name, update.last_name) ||
    !sameText(current.first_name, update.first_name) ||
    !sameText(current.second_name, update.second_name) ||
    current.birth_date !== update.birth_date;
  if (identityChanged) {
    const proof =
      PROOF_ORDER.find((t) => update.documents.some((d) => d.type === t)) ?? update.documents[0]?.type;
    if (proof) needed.add(proof);
  }

  const hadTaxId = !!current.tax_id && current.no_tax_id !== true;
  if (!hadTaxId && update.tax_id && update.no_tax_id !== true) needed.add(TAX_ID_DOCUMENT);

  const order = update.documents.map((d) => d.type);
  return [...needed].sort((a, b) => rank(order, a) - rank(order, b));
}

const rank = (order: string[], type: string): number => {
  const i = order.indexOf(type);
  return i === -1 ? order.length : i;
};
