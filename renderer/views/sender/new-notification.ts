// The new-notification form's state, shaped like sender.create's input (B2B NewNotificationRequest),
// with empty optional fields left out when sent. The host validates with the core; only the amount,
// typed as text, is read here (amount.ts), since the host receives it in cents.
// Then the errors as the clerk reads them: each under its field, saying which field (the same
// "Codice fiscale" is asked of the sender, of every recipient and of every creditor), and listed
// in the summary in the order of the form, each linked to its field.
import type { InputOf } from '../../../electron/api/contract/index.js';
import { parseAmount, type AmountProblem } from './amount.js';

export interface PaymentDraft { noticeCode: string; creditorTaxId: string; amountText: string; applyCost: boolean }
export interface RecipientDraft {
  recipientType: 'PF' | 'PG';
  taxId: string;
  denomination: string;
  pec: string;
  address: string;
  addressDetails: string;
  zip: string;
  municipality: string;
  province: string;
  foreignState: string;
  payments: PaymentDraft[];
}
export interface DocumentDraft { title: string; sha256Base64: string; size: number; fileName: string }
export interface NotificationDraft {
  senderDenomination: string;
  senderTaxId: string;
  paProtocolNumber: string;
  idempotenceToken: string;
  subject: string;
  abstract: string;
  taxonomyCode: string;
  physicalCommunicationType: 'REGISTERED_LETTER_890' | 'AR_REGISTERED_LETTER';
  notificationFeePolicy: 'FLAT_RATE' | 'DELIVERY_MODE';
  paFee: number | null;
  vat: number | null;
  group: string;
  recipients: RecipientDraft[];
  documents: DocumentDraft[];
}

export function emptyPayment(creditorTaxId: string): PaymentDraft {
  return { noticeCode: '', creditorTaxId, amountText: '', applyCost: true };
}

export function emptyRecipient(): RecipientDraft {
  return { recipientType: 'PF', taxId: '', denomination: '', pec: '', address: '', addressDetails: '', zip: '', municipality: '', province: '', foreignState: '', payments: [] };
}

export function emptyDraft(sender: { taxId: string | null; denomination: string | null }): NotificationDraft {
  return {
    senderDenomination: sender.denomination ?? '', senderTaxId: sender.taxId ?? '', paProtocolNumber: '', idempotenceToken: '', subject: '', abstract: '',
    taxonomyCode: '', physicalCommunicationType: 'REGISTERED_LETTER_890', notificationFeePolicy: 'FLAT_RATE', paFee: null, vat: null, group: '',
    recipients: [emptyRecipient()], documents: [],
  };
}

function amountOf(text: string): { amountCents?: number } {
  const a = parseAmount(text);
  return a.ok && a.cents !== null ? { amountCents: a.cents } : {};
}

/** What the form itself refuses before asking the host: amounts it cannot read, by field path. */
export function localProblems(d: NotificationDraft): Record<string, AmountProblem> {
  const out: Record<string, AmountProblem> = {};
  d.recipients.forEach((r, i) => r.payments.forEach((p, j) => {
    const a = parseAmount(p.amountText);
    if (!a.ok) out[amountPath(i, j)] = a.problem;
  }));
  return out;
}

export const amountPath = (recipient: number, payment: number) => `recipients.${recipient}.payments.${payment}.amountCents`;

/**
 * The pagoPA notice code as SEND takes it, 18 digits: a paper notice prints it in groups of four
 * ("3020 0010 0000 0194 21"), and typed or pasted that way it was refused as not 18 digits.
 */
export const noticeCodeOf = (typed: string) => typed.replace(/[\s\u00A0\u202F]+/g, '');

const opt = <K extends string>(k: K, v: string) => (v.trim() ? { [k]: v.trim() } : {}) as Partial<Record<K, string>>;

/**
 * The host's input. `requestKey` is the draft's own idempotenceToken, sent when the clerk typed
 * none (new-draft.ts): the same form submitted twice is one request, one notification.
 */
export function toCreateInput(d: NotificationDraft, requestKey?: string): InputOf<'sender.create'> {
  return {
    senderDenomination: d.senderDenomination, senderTaxId: d.senderTaxId, paProtocolNumber: d.paProtocolNumber, subject: d.subject,
    taxonomyCode: d.taxonomyCode.trim().toUpperCase(), physicalCommunicationType: d.physicalCommunicationType, notificationFeePolicy: d.notificationFeePolicy,
    ...opt('idempotenceToken', d.idempotenceToken.trim() || (requestKey ?? '')), ...opt('abstract', d.abstract), ...opt('group', d.group),
    ...(d.paFee !== null ? { paFee: d.paFee } : {}), ...(d.vat !== null ? { vat: d.vat } : {}),
    recipients: d.recipients.map((r) => ({
      recipientType: r.recipientType, taxId: r.taxId, denomination: r.denomination,
      ...(r.pec.trim() ? { digitalDomicile: { type: 'PEC' as const, address: r.pec.trim() } } : {}),
      physicalAddress: { address: r.address, municipality: r.municipality, ...opt('zip', r.zip), ...opt('addressDetails', r.addressDetails), ...opt('province', r.foreignState.trim() ? r.province : r.province.toUpperCase()), ...opt('foreignState', r.foreignState) },
      ...(r.payments.length ? {
        payments: r.payments.map((p) => ({ noticeCode: noticeCodeOf(p.noticeCode), creditorTaxId: p.creditorTaxId, applyCost: p.applyCost, ...amountOf(p.amountText) })),
      } : {}),
    })),
    documents: d.documents.map((x) => ({ title: x.title, sha256Base64: x.sha256Base64 })),
  };
}

// ------------------------------------------------------------------ errors, field by field

/**
 * The tax code errors of recipients left as "Persona fisica" (the default) whose code is 11 digits,
 * a company's partita IVA: the core's "lunghezza errata (11 caratteri, attesi 16)" is completed
 * with `hint` (choose "Persona giuridica"), since the code itself was not wrong.
 */
export function withRecipientTypeHints(fields: Record<string, string>, d: NotificationDraft, hint: string): Record<string, string> {
  const out = { ...fields };
  d.recipients.forEach((r, i) => {
    const path = `recipients.${i}.taxId`;
    if (out[path] && r.recipientType === 'PF' && /^\d{11}$/.test(r.taxId.replace(/\s+/g, ''))) out[path] = `${out[path]}; ${hint}`;
  });
  return out;
}

/** A field of the form: the id of its input (focus and link target) and the words that name it. */
export interface FieldRef {
  /** Element id in the form, for the focus and the summary's link. */
  target: string;
  /** i18n key of the field's own label, and where it is (recipient n, notice m), to name it. */
  label: string;
  recipient?: number;
  payment?: number;
  /** Position in the form, top to bottom. */
  order: number[];
}

const TOP: Record<string, [string, string]> = {
  senderDenomination: ['n-sender', 'sender.new.senderDenomination'],
  senderTaxId: ['n-sender-tax', 'sender.new.senderTaxId'],
  group: ['n-group', 'sender.filters.group'],
  paProtocolNumber: ['n-protocol', 'sender.list.protocol'],
  idempotenceToken: ['n-token', 'sender.new.idempotenceToken'],
  taxonomyCode: ['n-taxonomy', 'sender.new.taxonomyCode'],
  subject: ['n-subject', 'sender.list.subject'],
  abstract: ['n-abstract', 'sender.detail.abstract'],
  physicalCommunicationType: ['n-890', 'sender.new.product'],
  notificationFeePolicy: ['n-flat', 'sender.new.feePolicy'],
  paFee: ['n-pafee', 'sender.new.paFee'],
  vat: ['n-vat', 'sender.new.vat'],
};
const RECIPIENT: Record<string, [string, string]> = {
  recipientType: ['type', 'sender.new.recipientType'],
  taxId: ['taxId', 'sender.new.taxId'],
  denomination: ['name', 'sender.new.denomination'],
  digitalDomicile: ['pec', 'sender.new.pec'],
  'digitalDomicile.address': ['pec', 'sender.new.pec'],
  physicalAddress: ['address', 'sender.new.address'],
  'physicalAddress.address': ['address', 'sender.new.address'],
  'physicalAddress.addressDetails': ['address', 'sender.new.address'],
  'physicalAddress.zip': ['zip', 'sender.new.zip'],
  'physicalAddress.municipality': ['municipality', 'sender.new.municipality'],
  'physicalAddress.province': ['province', 'sender.new.province'],
  'physicalAddress.foreignState': ['foreign', 'sender.new.foreignState'],
};
const PAYMENT: Record<string, [string, string]> = {
  noticeCode: ['notice', 'sender.new.noticeCode'],
  creditorTaxId: ['creditor', 'sender.new.creditorTaxId'],
  amountCents: ['amount', 'senderNew.amountEuro'],
};
const TOP_KEYS = Object.keys(TOP);
const RECIPIENT_KEYS = Object.keys(RECIPIENT);
const PAYMENT_KEYS = Object.keys(PAYMENT);

/** The field an error path (as the host reports it) belongs to. */
export function fieldOf(path: string): FieldRef {
  const top = TOP[path];
  if (top) return { target: top[0], label: top[1], order: [0, TOP_KEYS.indexOf(path)] };
  const rec = /^recipients\.(\d+)(?:\.(.+))?$/.exec(path);
  if (rec) {
    const i = Number(rec[1]);
    const rest = rec[2] ?? '';
    const pay = /^payments\.(\d+)(?:\.(.+))?$/.exec(rest);
    if (pay) {
      const j = Number(pay[1]);
      const [target, label] = PAYMENT[pay[2] ?? ''] ?? PAYMENT.noticeCode!;
      return { target: `r${i}-${target}-${j}`, label, recipient: i, payment: j, order: [1, i, 1, j, PAYMENT_KEYS.indexOf(pay[2] ?? '')] };
    }
    const field = RECIPIENT[rest];
    if (field) return { target: `r${i}-${field[0]}`, label: field[1], recipient: i, order: [1, i, 0, RECIPIENT_KEYS.indexOf(rest)] };
    if (rest === 'payments') return { target: `r${i}-add-payment`, label: 'sender.new.payments', recipient: i, order: [1, i, 2] };
    return { target: `r${i}-type`, label: 'sender.new.recipient', recipient: i, order: [1, i, 0, -1] };
  }
  if (path === 'recipients') return { target: 'n-add-recipient', label: 'sender.new.recipients', order: [2] };
  const doc = /^documents\.(\d+)/.exec(path);
  if (doc) return { target: `n-doc-${doc[1]}`, label: 'sender.detail.docTitle', order: [3, Number(doc[1])] };
  if (path === 'documents') return { target: 'n-files', label: 'sender.detail.documents', order: [3, -1] };
  return { target: 'n-protocol', label: 'sender.new.notification', order: [-1] };
}

const byOrder = (a: number[], b: number[]): number => {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const d = (a[k] ?? -2) - (b[k] ?? -2);
    if (d !== 0) return d;
  }
  return 0;
};

export interface FieldError { path: string; target: string; text: string }

/**
 * The errors as shown: "<field, recipient n, notice m>: <what is wrong>", in the order of the form.
 * `name` turns a FieldRef into words (i18n); a message that begins with the field's own kind
 * ("Codice fiscale: carattere di controllo errato") is not made to say it twice.
 */
export function describeErrors(fields: Record<string, string>, name: (f: FieldRef) => string): FieldError[] {
  return Object.entries(fields)
    .map(([path, message]) => ({ path, message, field: fieldOf(path) }))
    .sort((a, b) => byOrder(a.field.order, b.field.order))
    .map(({ path, message, field }) => {
      const label = name(field);
      const prefix = /^([^:]{1,40}):\s+(.+)$/s.exec(message);
      const what = prefix && label.toLowerCase().startsWith(prefix[1]!.toLowerCase()) ? prefix[2]! : message;
      // "Campo obbligatorio" -> "campo obbligatorio" after the field's name; "IUN ...", "PEC ..." stay.
      const tail = /^\p{Lu}\p{Ll}/u.test(what) ? what[0]!.toLowerCase() + what.slice(1) : what;
      return { path, target: field.target, text: `${label}: ${tail}` };
    });
}
