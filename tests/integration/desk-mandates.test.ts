// Delegations registered at the desk (DOMAIN.md 10 step 1) through the real HTTP host: a mandate
// registered on the "Deleghe" screen lets its delegate collect at the counter (by IUN and by the
// recipient's AAR QR, DOMAIN.md 13), revoking it stops that at once, the row is kept and every
// change is audited by id only; the form's mistakes come back by field with the core's codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskMandateList, DeskMandateView } from '../../electron/api/contract/index.js';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, delegateIdentification, startDeskHost, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-mandates-'); }, 60_000);
afterAll(async () => { await h?.close(); });

const today = () => new Date(h.nowMs).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
const draft = (delegator: { taxId: string }, delegate: { taxId: string; denomination: string }, extra: Record<string, string> = {}) => ({
  mandate: { delegatorTaxId: delegator.taxId.toLowerCase(), delegateTaxId: delegate.taxId, delegateDenomination: delegate.denomination, delegateType: 'PF', validFrom: today(), ...extra },
});

async function create(body: ReturnType<typeof draft>): Promise<DeskMandateView> {
  const r = await h.api<DeskMandateView>('desk.createMandate', body);
  if (!r.body.ok) throw new Error(JSON.stringify(r.body.error));
  return r.body.data!;
}

async function actInquiry(target: { iun?: string; qrCode?: string }, delegator: { taxId: string }, delegate: { taxId: string; denomination: string }) {
  return h.api('desk.inquiry', { mode: 'ACT', ...target, identification: await delegateIdentification(h, delegator.taxId, delegate) });
}

describe('a mandate registered at the desk', () => {
  let mandate: DeskMandateView;

  it('lets a delegate who had none collect by IUN, once registered', async () => {
    const c = caseOf(h, 'delegatePickup');
    expect((await actInquiry({ iun: c.notification.iun }, PEOPLE.delegator, PEOPLE.stranger)).body.error?.code).toBe('DELEGATION_MISSING');
    mandate = await create(draft(PEOPLE.delegator, PEOPLE.stranger));
    expect(mandate).toMatchObject({ delegatorTaxId: PEOPLE.delegator.taxId, delegateTaxId: PEOPLE.stranger.taxId, state: 'ACTIVE', revocable: true, validTo: null });
    const r = await actInquiry({ iun: c.notification.iun }, PEOPLE.delegator, PEOPLE.stranger);
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
  });

  it('lets the delegate collect with the recipient\'s AAR QR, and not with another recipient\'s', async () => {
    const qr = caseOf(h, 'qrPickup');
    await create(draft(PEOPLE.recipient, PEOPLE.stranger));
    const r = await actInquiry({ qrCode: qr.qrUrl }, PEOPLE.recipient, PEOPLE.stranger);
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    // The delegator's mandate does not make the recipient's QR theirs.
    expect((await actInquiry({ qrCode: qr.qrUrl }, PEOPLE.delegator, PEOPLE.stranger)).body.error?.code).toBe('TAX_ID_NOT_RECIPIENT');
  });

  it('is listed for the delegator and for the delegate, newest first', async () => {
    const byDelegator = await h.api<DeskMandateList>('desk.listMandates', { taxId: PEOPLE.delegator.taxId.toLowerCase() });
    expect(byDelegator.body.data!.items.map((m) => m.mandateId)).toContain(mandate.mandateId);
    expect(byDelegator.body.data!.items.every((m) => m.delegatorTaxId === PEOPLE.delegator.taxId || m.delegateTaxId === PEOPLE.delegator.taxId)).toBe(true);
    const byDelegate = await h.api<DeskMandateList>('desk.listMandates', { taxId: PEOPLE.stranger.taxId });
    expect(byDelegate.body.data!.items.map((m) => m.delegatorTaxId)).toEqual([PEOPLE.recipient.taxId, PEOPLE.delegator.taxId]);
  });

  it('refuses a second mandate overlapping the active one of the same pair', async () => {
    const r = await h.api('desk.createMandate', draft(PEOPLE.delegator, PEOPLE.stranger));
    expect([r.status, r.body.error?.code]).toEqual([422, 'MANDATE_OVERLAPS']);
  });

  it('stops the delegate at once when revoked, keeps the row as ENDED; revoked again (the answer lost), it answers the first revocation', async () => {
    const r = await h.api<DeskMandateView>('desk.revokeMandate', { mandateId: mandate.mandateId });
    expect(r.body.data).toMatchObject({ mandateId: mandate.mandateId, state: 'ENDED', revocable: false });
    const c = caseOf(h, 'delegatePickup');
    expect((await actInquiry({ iun: c.notification.iun }, PEOPLE.delegator, PEOPLE.stranger)).body.error?.code).toBe('DELEGATION_MISSING');
    const listed = await h.api<DeskMandateList>('desk.listMandates', { taxId: PEOPLE.stranger.taxId });
    expect(listed.body.data!.items.find((m) => m.mandateId === mandate.mandateId)?.state).toBe('ENDED');
    const stored = await h.host.ctx.store.deskMandates.get(mandate.mandateId);
    const again = await h.api<DeskMandateView>('desk.revokeMandate', { mandateId: mandate.mandateId });
    expect(again.body.ok, JSON.stringify(again.body.error)).toBe(true);
    expect(again.body.data).toEqual(r.body.data);
    expect(await h.host.ctx.store.deskMandates.get(mandate.mandateId)).toEqual(stored);
    const unknown = await h.api('desk.revokeMandate', { mandateId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'MANDATE_NOT_FOUND']);
  });

  it('audits creation and revocation by the mandate id, never by the people\'s tax codes', async () => {
    const rows = await h.host.ctx.store.knex('audit_log').select();
    const mine = rows.filter((r: Record<string, unknown>) => JSON.stringify(r).includes('Mandate'));
    const text = JSON.stringify(mine);
    expect(text).toContain('desk.createMandate');
    expect(text).toContain('desk.revokeMandate');
    expect(text).toContain(mandate.mandateId);
    for (const p of [PEOPLE.delegator, PEOPLE.stranger, PEOPLE.recipient]) expect(text).not.toContain(p.taxId);
  });
});

describe('the mandate form', () => {
  const fieldsOf = async (body: unknown) => {
    const r = await h.api('desk.createMandate', body);
    const error = r.body.error as { code: string; details?: { fields?: { path: string; code: string }[] } } | undefined;
    return [error?.code, (error?.details?.fields ?? []).map((f) => [f.path, f.code])];
  };

  it.each([
    ['a wrong delegator tax code', { delegatorTaxId: 'SPSGNN48C12F839X' }, [['mandate.delegatorTaxId', 'TAX_ID_INVALID_CHECK_CHAR']]],
    ['the same person on both sides', { delegateTaxId: PEOPLE.delegator.taxId }, [['mandate.delegateTaxId', 'MANDATE_SELF_DELEGATION']]],
    ['a last day before the first', { validFrom: '2030-05-02', validTo: '2030-05-01' }, [['mandate.validTo', 'MANDATE_VALIDITY_INVERTED']]],
  ])('marks %s on its field', async (_name, extra, fields) => {
    expect(await fieldsOf(draft(PEOPLE.delegator, PEOPLE.elsewhere, extra))).toEqual(['VALIDATION_FAILED', fields]);
  });

  it('refuses a mandate whose last day is already past', async () => {
    const r = await h.api('desk.createMandate', draft(PEOPLE.delegator, PEOPLE.elsewhere, { validFrom: '2020-01-01', validTo: '2020-12-31' }));
    expect(r.body.error?.code).toBe('MANDATE_VALID_TO_PAST');
  });
});

describe('a write sent again after its answer was lost', () => {
  const mandateRows = async () => (await h.host.ctx.store.knex('desk_mandates').count({ n: '*' }))[0]!.n;
  const requestId = '7d3f9a2b-1c4e-4b8a-9f0d-2e6c5a4b3d21';

  it('registers a delegation once: the same requestId and form get the first answer, not MANDATE_OVERLAPS', async () => {
    const body = { ...draft(PEOPLE.other, PEOPLE.elsewhere), requestId };
    const first = await create(body);
    const rows = await mandateRows();
    const again = await h.api<DeskMandateView>('desk.createMandate', body);
    expect(again.body.ok, JSON.stringify(again.body.error)).toBe(true);
    expect(again.body.data).toEqual(first);
    expect(await mandateRows()).toBe(rows);
    // The same id with another form is not a repeat: refused, nothing registered.
    const other = await h.api('desk.createMandate', { ...draft(PEOPLE.other, PEOPLE.restart), requestId });
    expect([other.status, other.body.error?.code]).toEqual([409, 'REQUEST_ID_ALREADY_USED']);
    expect(other.body.error?.message).toContain('già stata eseguita');
    expect(await mandateRows()).toBe(rows);
    // Without an id, the same form sent twice is still an overlap.
    expect((await h.api('desk.createMandate', draft(PEOPLE.other, PEOPLE.elsewhere))).body.error?.code).toBe('MANDATE_OVERLAPS');
  });

  it('still refuses to revoke a delegation that ended by its own date (it was never revoked)', async () => {
    const mandateId = '0b7e2d4c-5a6f-4e1d-8c9b-3a2f1e0d9c8b';
    await h.host.ctx.store.deskMandates.put({
      mandateId, delegatorTaxId: PEOPLE.other.taxId, delegateTaxId: PEOPLE.restart.taxId, delegateDenomination: PEOPLE.restart.denomination, delegateType: 'PF',
      validFrom: '2020-01-01T00:00:00+01:00', validTo: '2020-12-31T23:59:59.999+01:00', createdAt: '2020-01-01T10:00:00+01:00',
    });
    const r = await h.api('desk.revokeMandate', { mandateId });
    expect([r.status, r.body.error?.code]).toEqual([409, 'MANDATE_ALREADY_ENDED']);
  });
});
