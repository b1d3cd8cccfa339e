import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, isErrorCode, messageFor, type ErrorCode } from '../../core/index.js';
import { identificationSchema } from './contract/desk.js';
import { mandateDraftSchema } from './contract/desk-mandates.js';
import { newNotificationSchema, recipientInputSchema } from './contract/sender-schemas.js';
import { apiError, toApiError, validationError } from './errors.js';

/** The phrases of zod's own (English) messages: none may reach a clerk. */
const ZOD_ENGLISH = /Too small|Too big|Invalid input|Invalid string|Invalid option|Invalid discriminator|Invalid element|Invalid key|Unrecognized key|\bexpected [a-z]|\breceived [a-z]/;

function fieldsOf(schema: z.ZodType, input: unknown, locale: 'it' | 'en' = 'it') {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('the input was expected to fail');
  return validationError(r.error, locale, input);
}

const byPath = (e: ReturnType<typeof validationError>) => Object.fromEntries((e.details?.fields ?? []).map((f) => [f.path, f.code]));

describe('validationError: every zod check speaks the catalogue', () => {
  const schema = z.strictObject({
    name: z.string().trim().min(1).max(5),
    code: z.string().min(3),
    exact: z.string().length(4),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    pattern: z.string().regex(/^[A-Z]+$/),
    kind: z.enum(['A', 'B']),
    items: z.array(z.string()).min(1),
    many: z.array(z.string()).max(1),
    count: z.number().int().min(1).max(10),
    positive: z.number().gt(0),
    step: z.number().multipleOf(5),
    when: z.iso.datetime({ offset: true }),
    mail: z.email(),
    next: z.discriminatedUnion('kind', [z.object({ kind: z.literal('X') }), z.object({ kind: z.literal('Y') })]),
    flag: z.boolean(),
  });
  const bad = {
    name: 'too long', code: 'ab', exact: 'abc', day: '30/11/2026', pattern: 'abc', kind: 'C', items: [], many: ['a', 'b'],
    count: 1.5, positive: 0, step: 7, when: 'yesterday', mail: 'nobody', next: { kind: 'Z' }, flag: 'yes', extra: 1,
  };

  it('gives each kind of failure its own stable code, the field path kept', () => {
    expect(byPath(fieldsOf(schema, bad))).toEqual({
      name: 'INPUT_TEXT_TOO_LONG', code: 'INPUT_TEXT_TOO_SHORT', exact: 'INPUT_TEXT_LENGTH', day: 'INPUT_DATE_INVALID',
      pattern: 'INPUT_FORMAT_INVALID', kind: 'INPUT_CHOICE_INVALID', items: 'INPUT_LIST_EMPTY', many: 'INPUT_LIST_TOO_LONG',
      count: 'INPUT_NUMBER_NOT_INTEGER', positive: 'INPUT_NUMBER_NOT_ABOVE', step: 'INPUT_NUMBER_NOT_MULTIPLE',
      when: 'INPUT_DATE_TIME_INVALID', mail: 'INPUT_EMAIL_INVALID', 'next.kind': 'INPUT_CHOICE_INVALID', flag: 'INPUT_VALUE_INVALID',
      '': 'INPUT_FIELDS_UNEXPECTED',
    });
  });

  it('fills the limits into the message, in both languages, without zod\'s English', () => {
    for (const locale of ['it', 'en'] as const) {
      const e = fieldsOf(schema, bad, locale);
      for (const f of e.details?.fields ?? []) {
        expect(isErrorCode(f.code), f.code).toBe(true);
        expect(f.message, f.path).not.toMatch(ZOD_ENGLISH);
      }
      expect(e.details?.fields?.find((f) => f.path === 'name')?.message).toContain('5');
    }
  });

  it('says "required" for a missing, null or blank field, whatever check failed on it', () => {
    const e = fieldsOf(schema, { ...bad, name: '   ', code: '', day: '', kind: '', count: null, next: {}, flag: undefined });
    const codes = byPath(e);
    for (const p of ['name', 'code', 'day', 'kind', 'count', 'next.kind', 'flag']) expect(codes[p], p).toBe('INPUT_REQUIRED');
    expect(e.details?.fields?.find((f) => f.path === 'name')?.message).toBe('Campo obbligatorio');
  });

  it('keeps the core code of a check that carries one, and the domain\'s own "required" codes', () => {
    const coded = z.strictObject({
      zip: z.string().refine(() => false, { params: { code: 'SENDER_ZIP_REQUIRED' } }),
      taxId: z.string().refine(() => false, { params: { code: 'TAX_ID_INVALID_CHECK_CHAR' } }),
    });
    expect(byPath(fieldsOf(coded, { zip: '', taxId: 'RSSMRA85T10A562X' }))).toEqual({ zip: 'SENDER_ZIP_REQUIRED', taxId: 'TAX_ID_INVALID_CHECK_CHAR' });
  });

  it('puts a single domain error in the summary, but a generic field error only in the field', () => {
    const one = z.strictObject({ taxId: z.string().refine(() => false, { params: { code: 'TAX_ID_INVALID_CHECK_CHAR' } }) });
    expect(fieldsOf(one, { taxId: 'X' }).message).toMatch(/controllo/);
    expect(fieldsOf(z.strictObject({ a: z.string().min(1) }), { a: '' }).message).toBe('Dati non validi: controllare i campi evidenziati');
  });
});

const doc = { type: 'CARTA_IDENTITA', number: 'CA123', issuer: 'Comune di Roma', issueDate: '2020-01-01', expiryDate: '2030-01-01' };

describe('the forms a clerk fills: an empty form is answered in Italian, field by field', () => {
  it('Identificazione: an empty form says "required" for the tax code too, not "wrong length"', () => {
    const empty = { recipientType: 'PF', recipientTaxId: '', collector: 'RECIPIENT', recipientDocument: { type: 'CARTA_IDENTITA', number: '', issuer: '', issueDate: '', expiryDate: '' }, scans: {} };
    const e = fieldsOf(identificationSchema, empty);
    expect(byPath(e)).toEqual({
      recipientTaxId: 'INPUT_REQUIRED',
      'recipientDocument.number': 'INPUT_REQUIRED',
      'recipientDocument.issuer': 'INPUT_REQUIRED',
      'recipientDocument.issueDate': 'INPUT_REQUIRED',
      'recipientDocument.expiryDate': 'INPUT_REQUIRED',
    });
  });

  it('Identificazione: a wrong tax code is reported together with the other fields\' errors', () => {
    const input = { recipientType: 'PF', recipientTaxId: 'RSSMRA85T10A562X', collector: 'DELEGATE', delegate: { taxId: '123', denomination: '', document: doc }, recipientDocument: { ...doc, number: '' }, scans: {} };
    const codes = byPath(fieldsOf(identificationSchema, input));
    expect(codes).toMatchObject({ recipientTaxId: 'TAX_ID_INVALID_CHECK_CHAR', 'recipientDocument.number': 'INPUT_REQUIRED', 'delegate.denomination': 'INPUT_REQUIRED' });
    expect(codes['delegate.taxId']).toMatch(/^(TAX_ID|VAT)_/);
  });

  it('Identificazione: a delegate left out is required when the delegate collects', () => {
    const input = { recipientType: 'PF', recipientTaxId: '', collector: 'DELEGATE', recipientDocument: doc, scans: {} };
    expect(byPath(fieldsOf(identificationSchema, input))).toEqual({ recipientTaxId: 'INPUT_REQUIRED', delegate: 'INPUT_REQUIRED' });
  });

  it('Identificazione: a codice fiscale typed in groups passes and is stored without spaces', () => {
    const r = identificationSchema.safeParse({ recipientType: 'PF', recipientTaxId: 'rss mra 85t10 a562s', collector: 'RECIPIENT', recipientDocument: doc, scans: {} });
    expect(r.success && r.data.recipientTaxId).toBe('RSSMRA85T10A562S');
  });

  it('Nuova notifica: an empty form names every empty field, the lists included', () => {
    const codes = byPath(fieldsOf(newNotificationSchema, { paProtocolNumber: '', subject: '', senderDenomination: '', senderTaxId: '', taxonomyCode: '', recipients: [], documents: [] }));
    expect(codes).toMatchObject({
      paProtocolNumber: 'INPUT_REQUIRED', subject: 'INPUT_REQUIRED', senderDenomination: 'INPUT_REQUIRED', senderTaxId: 'INPUT_REQUIRED',
      taxonomyCode: 'INPUT_REQUIRED', physicalCommunicationType: 'INPUT_REQUIRED', recipients: 'INPUT_LIST_EMPTY', documents: 'SENDER_DOCUMENTS_REQUIRED',
    });
  });

  it('Nuova notifica: a recipient\'s empty tax code is told with the empty address fields, and the fee fields of DELIVERY_MODE too', () => {
    const recipient = { recipientType: 'PF', taxId: '', denomination: '', physicalAddress: { address: '', municipality: '', zip: '' } };
    expect(byPath(fieldsOf(recipientInputSchema, recipient))).toEqual({
      taxId: 'INPUT_REQUIRED', denomination: 'INPUT_REQUIRED', 'physicalAddress.address': 'INPUT_REQUIRED',
      'physicalAddress.municipality': 'INPUT_REQUIRED', 'physicalAddress.zip': 'SENDER_ZIP_REQUIRED',
    });
    const fees = byPath(fieldsOf(newNotificationSchema, { notificationFeePolicy: 'DELIVERY_MODE', subject: '' }));
    expect(fees).toMatchObject({ paFee: 'INPUT_REQUIRED', vat: 'INPUT_REQUIRED', subject: 'INPUT_REQUIRED' });
  });

  it('Deleghe: both tax codes and the days are reported even when the delegate type is missing', () => {
    const codes = byPath(fieldsOf(mandateDraftSchema, { delegatorTaxId: '', delegateTaxId: 'RSSMRA85T10A562X', delegateDenomination: '', validFrom: '' }));
    expect(codes).toMatchObject({ delegatorTaxId: 'INPUT_REQUIRED', delegateTaxId: 'TAX_ID_INVALID_CHECK_CHAR', delegateType: 'INPUT_REQUIRED', validFrom: 'INPUT_REQUIRED' });
  });

  it('Deleghe: tax codes typed in groups are stored without spaces', () => {
    const r = mandateDraftSchema.safeParse({ delegatorTaxId: 'rss mra 85t10 a562s', delegateTaxId: 'bnc lra 90a41 f205i', delegateDenomination: 'Laura Bianchi', delegateType: 'PF', validFrom: '2026-01-01' });
    expect(r.success && [r.data.delegatorTaxId, r.data.delegateTaxId]).toEqual(['RSSMRA85T10A562S', 'BNCLRA90A41F205I']);
  });
});

describe('the wire error carries the params its message shows, and no other', () => {
  const logger = { error: () => undefined };

  it('gives a domain error the params to render it again in the other language, never the internal operation', () => {
    const e = toApiError(new DomainError('SYNC_PEER_GARBAGE', { peer: 'SEND', operation: 'consumeEventStreamV25', path: 'a.b' }), 'it', logger, 'sync.runNow');
    expect(e).toEqual({ code: 'SYNC_PEER_GARBAGE', message: 'Risposta illeggibile dal servizio SEND: nessun dato è stato modificato', params: { peer: 'SEND' } });
    expect(JSON.stringify(e)).not.toContain('consumeEventStreamV25');
    expect(messageFor('SYNC_PEER_GARBAGE', 'en', e.params)).toBe('Unreadable answer from service SEND: no data was changed');
  });

  it('gives each field error its params, the English text the same as an English request gets', () => {
    const schema = z.strictObject({ name: z.string().max(5), taxId: z.string().refine(() => false, { params: { code: 'TAX_ID_INVALID_CHECK_CHAR', secret: 'x' } }) });
    const input = { name: 'too long', taxId: 'RSSMRA85T10A562X' };
    const italian = fieldsOf(schema, input, 'it').details!.fields!;
    const en = fieldsOf(schema, input, 'en').details!.fields!;
    expect(italian.find((f) => f.path === 'name')?.params).toEqual({ max: 5 });
    for (const f of italian) {
      expect(f.params ?? {}, f.path).not.toHaveProperty('code');
      expect(f.params ?? {}, f.path).not.toHaveProperty('secret');
      expect(messageFor(f.code as ErrorCode, 'en', f.params), f.path).toBe(en.find((g) => g.path === f.path)?.message);
    }
  });

  it('leaves params out when the message shows none, and an internal error only its correlation id', () => {
    expect(apiError('FORBIDDEN', 'it')).not.toHaveProperty('params');
    const e = toApiError(new Error('SQLITE_CONSTRAINT: secret row'), 'it', logger, 'desk.start');
    expect(e.params).toEqual({ correlationId: e.details?.correlationId });
    expect(JSON.stringify(e)).not.toContain('SQLITE');
  });
});
