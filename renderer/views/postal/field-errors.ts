// Which form field a host field error belongs to: the API's paths (`outcome.next.address.zip`, as
// in the contract's outcome schema) become the ids of the outcome form's fields (after the
// screen's id prefix: `next-address-zip`), so that the fields named by "check the highlighted
// fields" are highlighted.

/** Plain fields of the outcome, by API path under `outcome.`. */
const FIELDS: Record<string, string> = {
  at: 'at',
  receiverName: 'receiver',
  receiverRelation: 'relation',
  delegateName: 'delegate',
  office: 'office',
  cause: 'cause',
  'next.failureCause': 'next-cause',
};

/** The outcome's addresses (AddressFields ids) and the parts of one. */
const ADDRESSES: Record<string, string> = { discoveredAddress: 'discovered', 'next.address': 'next-address' };
const ADDRESS_PARTS: Record<string, string> = { address: 'street', addressDetails: 'street', zip: 'zip', municipality: 'municipality', province: 'province' };

function fieldId(path: string): string | undefined {
  const p = path.replace(/^outcome\./, '');
  if (FIELDS[p]) return FIELDS[p];
  for (const [prefix, id] of Object.entries(ADDRESSES)) {
    if (p === prefix) return `${id}-street`;
    if (p.startsWith(`${prefix}.`)) {
      const part = ADDRESS_PARTS[p.slice(prefix.length + 1)];
      return part ? `${id}-${part}` : `${id}-street`;
    }
  }
  return undefined;
}

/** Field errors by the form field's id (without the screen prefix); paths of no form field are left out. */
export function outcomeFieldErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const id = fieldId(path);
    if (id && !(id in out)) out[id] = message;
  }
  return out;
}

/** The errors of one address (`next-address`), keyed by its part's id (`zip`). */
export function addressErrors(errors: Record<string, string>, id: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(`${id}-`)).map(([k, v]) => [k.slice(id.length + 1), v]));
}

/** Host refusals about the receipt's date (no field path given): they mark the date field. */
const DATE_CODES = new Set(['OUTCOME_DATE_IN_FUTURE', 'DATE_BEFORE_SEND', 'INVALID_INSTANT']);

/** The host's refusal by field id: its field errors, or the date field for a refusal of the date. */
export function refusalFieldErrors(error: { code: string; message: string; fields?: Record<string, string> } | null | undefined): Record<string, string> {
  if (!error) return {};
  if (DATE_CODES.has(error.code)) return { at: error.message };
  return outcomeFieldErrors(error.fields);
}

/** The field id (without the screen prefix) of each required field's label key (use-outcome-draft `missing()`). */
const REQUIRED: Record<string, string> = {
  'postal.form.date': 'at',
  'postal.form.receiverName': 'receiver',
  'postal.form.receiverRelation': 'relation',
  'postal.form.cause': 'cause',
  'postal.form.next': 'next',
};

/** The required fields left empty, by field id, each with `message`. */
export function missingFieldErrors(labels: readonly string[], message: string): Record<string, string> {
  return Object.fromEntries(labels.map((l) => [REQUIRED[l] ?? l, message]));
}

/** The label key of a field id (for the summary's links): the inverse of REQUIRED and the address parts. */
export function fieldLabelKey(id: string): string {
  const plain: Record<string, string> = { at: 'postal.form.date', receiver: 'postal.form.receiverName', relation: 'postal.form.receiverRelation', delegate: 'postal.form.delegateName', office: 'postal.form.office', cause: 'postal.form.cause', next: 'postal.form.next', 'next-cause': 'postal.form.nextCause' };
  if (plain[id]) return plain[id];
  const part = id.replace(/^(discovered|next-address)-/, '');
  return ({ street: 'postal.form.street', zip: 'postal.form.zip', municipality: 'postal.form.municipality', province: 'postal.form.province' } as Record<string, string>)[part] ?? 'postal.form.fieldInvalid';
}
