import type { IdentificationDraft, IdentityDocumentDraft } from '../../stores/desk.js';

// A refused "Cerca notifiche" names fields by form path ("recipientDocument.number", "scans.delegateId").
// The form keeps each message only while its field still holds the value refused: a field the clerk
// has changed since says nothing until the next search, and leaves the summary with its message.

const DOCUMENT_FIELDS = new Set<keyof IdentityDocumentDraft>(['type', 'number', 'issuer', 'issueDate', 'expiryDate']);

function documentField(doc: IdentityDocumentDraft, field: string): string | undefined {
  return DOCUMENT_FIELDS.has(field as keyof IdentityDocumentDraft) ? doc[field as keyof IdentityDocumentDraft] : undefined;
}

/**
 * What the form holds at `path`, as text (a scan by its key, '' when none); undefined for a path
 * that names no field of the form (its message stays until the next search).
 */
export function valueAt(d: IdentificationDraft, path: string): string | undefined {
  const [head, ...rest] = path.split('.');
  const tail = rest.join('.');
  switch (head) {
    case 'recipientType': case 'recipientTaxId': case 'recipientDenomination': case 'collector':
      return rest.length ? undefined : d[head];
    case 'recipientDocument':
      return documentField(d.recipientDocument, tail);
    case 'delegate':
      if (tail === 'taxId') return d.delegateTaxId;
      if (tail === 'denomination') return d.delegateDenomination;
      if (tail === 'delegateType') return d.delegateType;
      return rest[0] === 'document' && rest.length === 2 ? documentField(d.delegateDocument, rest[1]!) : undefined;
    case 'scans':
      return rest.length === 1 ? (d.scans[rest[0] as keyof IdentificationDraft['scans']]?.scanId ?? '') : undefined;
    default:
      return undefined;
  }
}

/** The values of `paths` as the form holds them now: taken when a refusal names them. */
export function valuesOf(d: IdentificationDraft, paths: string[]): Record<string, string | undefined> {
  return Object.fromEntries(paths.map((p) => [p, valueAt(d, p)]));
}

/** The messages whose field still holds the value refused (`refused`, from valuesOf at the refusal). */
export function stillRefused(messages: Record<string, string>, refused: Record<string, string | undefined>, d: IdentificationDraft): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).filter(([path]) => !(path in refused) || valueAt(d, path) === refused[path]));
}
