// Every refusal of the counter flow has its own code and changes nothing (DOMAIN.md 9, 10.1, 13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, delegateIdentification, idDocument, newOperationId, recipientIdentification, startDeskHost, uploadScan, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-err-'); }, 60_000);
afterAll(async () => { await h?.close(); });

async function codeOf(op: string, input: unknown): Promise<string | undefined> {
  return (await h.api(op, input)).body.error?.code;
}

async function actCode(name: Parameters<typeof caseOf>[1], taxId: string, by: 'qr' | 'iun' = 'iun'): Promise<string | undefined> {
  const c = caseOf(h, name);
  const target = by === 'qr' ? { qrCode: c.qrUrl } : { iun: c.notification.iun };
  return codeOf('desk.inquiry', { mode: 'ACT', ...target, identification: await recipientIdentification(h, taxId) });
}

describe('desk start field', () => {
  it('says a URL that is not a SEND AAR link is not a SEND QR', async () => {
    expect(await codeOf('desk.identifyInput', { text: 'https://example.com/pay?id=123' })).toBe('AAR_QR_INVALID');
  });
  it('says a well-formed token that SEND never issued is unknown', async () => {
    expect(await codeOf('desk.identifyInput', { text: 'https://cittadini.notifichedigitali.it/notifica?aar=QUJDRC1FRkdILUlKS0wtMjAyNjA1LVotMV9QRi14eHh4' })).toBe('AAR_QR_UNKNOWN');
  });
  it('gives the core code for an IUN with a wrong check character', async () => {
    const iun = caseOf(h, 'qrPickup').notification.iun;
    const wrong = iun.slice(0, 22) + (iun[22] === 'A' ? 'B' : 'A') + iun.slice(23);
    expect(await codeOf('desk.identifyInput', { text: wrong })).toBe('IUN_INVALID_CHECK_CHAR');
  });
  it('recognises a codice fiscale and a partita IVA, and refuses anything else', async () => {
    expect((await h.api('desk.identifyInput', { text: PEOPLE.unreachable.taxId.toLowerCase() })).body.data).toMatchObject({ kind: 'TAX_ID', recipientType: 'PF' });
    expect((await h.api('desk.identifyInput', { text: '01199250158' })).body.data).toMatchObject({ kind: 'TAX_ID', recipientType: 'PG' });
    expect(await codeOf('desk.identifyInput', { text: 'buongiorno' })).toBe('DESK_INPUT_UNRECOGNISED');
  });
});

describe('desk ACT refusals', () => {
  it('refuses an unknown IUN, a cancelled and a refused notification', async () => {
    const unknown = await recipientIdentification(h, PEOPLE.other.taxId);
    expect(await codeOf('desk.inquiry', { mode: 'ACT', iun: 'KWKU-JHXN-HJXM-202304-U-1', identification: unknown })).toBe('NOTIFICATION_NOT_FOUND');
    expect(await actCode('cancelled', PEOPLE.other.taxId)).toBe('NOTIFICATION_CANCELLED');
    expect(await actCode('refused', PEOPLE.other.taxId)).toBe('NOTIFICATION_REFUSED');
  });
  it('refuses the QR of somebody else\'s notification', async () => {
    expect(await actCode('qrPickup', PEOPLE.other.taxId, 'qr')).toBe('TAX_ID_NOT_RECIPIENT');
  });
  it('refuses the IUN of somebody else\'s notification without speaking of a QR', async () => {
    const r = await h.api('desk.inquiry', { mode: 'ACT', iun: caseOf(h, 'qrPickup').notification.iun, identification: await recipientIdentification(h, PEOPLE.other.taxId) });
    expect(r.body.error?.code).toBe('IUN_NOT_OF_TAX_ID');
    expect(r.body.error?.message).toContain(caseOf(h, 'qrPickup').notification.iun);
    expect(r.body.error?.message).not.toContain('QR');
  });
  it('refuses when the print limit is reached (already collected)', async () => {
    expect(await actCode('alreadyCollected', PEOPLE.other.taxId)).toBe('PRINT_LIMIT_REACHED');
  });
  it('refuses when an act file is not on this computer', async () => {
    expect(await actCode('actMissing', PEOPLE.other.taxId)).toBe('ACT_DOCUMENT_MISSING');
  });
  it('offers only the AAR and attestations 120 days after refinement', async () => {
    const c = caseOf(h, 'expired');
    const r = await h.api<{ actsNoLongerAvailable: boolean; documents: { kind: string; available: boolean }[] }>('desk.inquiry', { mode: 'ACT', iun: c.notification.iun, identification: await recipientIdentification(h, PEOPLE.other.taxId) });
    expect(r.body.data!.actsNoLongerAvailable).toBe(true);
    expect(r.body.data!.documents.filter((d) => d.kind === 'ACT').every((d) => !d.available)).toBe(true);
    expect(r.body.data!.documents.some((d) => d.kind === 'AAR' && d.available)).toBe(true);
  });
  it('refuses a delegate without a mandate, and a delegate without the signed form', async () => {
    const c = caseOf(h, 'delegatePickup');
    const stranger = await delegateIdentification(h, PEOPLE.delegator.taxId, PEOPLE.stranger);
    expect(await codeOf('desk.inquiry', { mode: 'ACT', iun: c.notification.iun, identification: stranger })).toBe('DELEGATION_MISSING');
    const noForm = await delegateIdentification(h, PEOPLE.delegator.taxId, PEOPLE.delegate);
    delete (noForm.scans as { delegationForm?: string }).delegationForm;
    expect(await codeOf('desk.inquiry', { mode: 'ACT', iun: c.notification.iun, identification: noForm })).toBe('DELEGATION_FORM_MISSING');
  });
  it('refuses an expired identity document, naming the field', async () => {
    const id = { ...(await recipientIdentification(h, PEOPLE.recipient.taxId)), recipientDocument: { ...idDocument(), expiryDate: '2020-01-31' } };
    const check = await h.api<{ ok: boolean; problems: { field: string; code: string }[] }>('desk.checkIdentity', { identification: id });
    expect(check.body.data).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'recipientDocument.expiryDate', code: 'IDENTITY_DOCUMENT_EXPIRED' })] });
    expect(await codeOf('desk.startTransaction', { operationId: newOperationId(), mode: 'ACT', iun: caseOf(h, 'qrPickup').notification.iun, identification: id })).toBe('IDENTITY_DOCUMENT_EXPIRED');
  });
  it('says how a CIE number is written when a passport number was typed under the default type', async () => {
    const id = { ...(await recipientIdentification(h, PEOPLE.recipient.taxId)), recipientDocument: { ...idDocument(), type: 'CARTA_IDENTITA_ELETTRONICA', number: 'YA1234567' } };
    const check = await h.api<{ ok: boolean; problems: { field: string; code: string; message: string }[] }>('desk.checkIdentity', { identification: id });
    expect(check.body.data?.problems).toEqual([expect.objectContaining({ field: 'recipientDocument.number', code: 'IDENTITY_DOCUMENT_NUMBER_SHAPE' })]);
    expect(check.body.data?.problems[0]?.message).toContain('CA12345AB');
  });
  it('tells every problem of an empty form at once: the empty fields and the scan missing', async () => {
    // As the renderer sends an untouched form (the draft's empty strings, no scan).
    const empty = { recipientType: 'PF', recipientTaxId: '', collector: 'RECIPIENT', recipientDocument: { type: 'CARTA_IDENTITA_ELETTRONICA', number: '', issuer: '', issueDate: '', expiryDate: '' }, scans: {} };
    const check = await h.api<{ ok: boolean; problems: { field: string; code: string; message: string }[] }>('desk.checkIdentity', { identification: empty });
    expect(check.body.ok).toBe(true);
    expect(check.body.data?.ok).toBe(false);
    const fields = check.body.data!.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['recipientTaxId', 'recipientDocument.number', 'recipientDocument.issuer', 'recipientDocument.issueDate', 'recipientDocument.expiryDate', 'scans.recipientId']));
    expect(new Set(fields).size).toBe(fields.length);
    expect(check.body.data!.problems.find((p) => p.field === 'scans.recipientId')).toMatchObject({ code: 'IDENTITY_SCAN_MISSING' });
    expect(check.body.data!.problems.every((p) => p.message.length > 0)).toBe(true);
  });
  it('tells an expired document and the scans of a company delegate together with a wrong tax code', async () => {
    const id = {
      recipientType: 'PG', recipientTaxId: '0119925015', collector: 'DELEGATE', recipientDocument: { ...idDocument(), expiryDate: '2020-01-31' },
      delegate: { taxId: '', denomination: '', document: { ...idDocument('YA1234567'), type: 'PASSAPORTO' } }, scans: { recipientId: 'f'.repeat(64) },
    };
    const check = await h.api<{ ok: boolean; problems: { field: string; code: string }[] }>('desk.checkIdentity', { identification: id });
    const byField = Object.fromEntries(check.body.data!.problems.map((p) => [p.field, p.code]));
    expect(byField).toMatchObject({
      'recipientDocument.expiryDate': 'IDENTITY_DOCUMENT_EXPIRED',
      'scans.recipientId': 'SCAN_NOT_FOUND',
      'scans.delegateId': 'IDENTITY_SCAN_MISSING',
      'scans.delegationForm': 'DELEGATION_FORM_MISSING',
      'scans.companyRegister': 'COMPANY_DOCUMENTS_MISSING',
      'scans.selfDeclaration': 'COMPANY_DOCUMENTS_MISSING',
    });
    expect(Object.keys(byField)).toEqual(expect.arrayContaining(['recipientTaxId', 'delegate.taxId', 'delegate.denomination']));
  });
  it('writes no transaction for a refused start', async () => {
    const operationId = newOperationId();
    expect(await codeOf('desk.startTransaction', { operationId, mode: 'ACT', iun: caseOf(h, 'cancelled').notification.iun, identification: await recipientIdentification(h, PEOPLE.other.taxId) })).toBe('NOTIFICATION_CANCELLED');
    expect(await codeOf('desk.getTransaction', { operationId })).toBe('RADD_TRANSACTION_NOT_FOUND');
  });
});

describe('desk scans', () => {
  it('refuses a file that is neither JPEG, PNG nor PDF', async () => {
    expect(await codeOf('desk.uploadScan', { fileName: 'x.png', dataBase64: Buffer.from('GIF89a....').toString('base64') })).toBe('SCAN_TYPE_NOT_ALLOWED');
  });
  it('accepts a body over the default 1 MiB cap for desk.uploadScan only', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0);
    Buffer.from('%PDF-1.4\n').copy(big);
    expect(await uploadScan(h, 'big.pdf', big)).toMatch(/^[0-9a-f]{64}$/);
    const other = await h.api('desk.identifyInput', { text: 'x'.repeat(2 * 1024 * 1024) });
    expect(other.status).toBe(413);
  });
  it('refuses a scan over 15 MB', async () => {
    const r = await h.api('desk.uploadScan', { fileName: 'huge.pdf', dataBase64: Buffer.alloc(16 * 1024 * 1024, 1).toString('base64') });
    expect([413, 422]).toContain(r.status);
  });
});
