// A company delegate (PG, e.g. a CAF, DOMAIN.md 1 "Delegate", 10 step 1) at the counter, through the
// real HTTP host: registered on the "Deleghe" screen by its partita IVA, it collects by IUN through
// a person whose document is checked; the operation, the RADD start payload and the
// NOTIFICATION_VIEWED delegateInfo (DOMAIN.md 10 "Delegate viewing") name it as PG. A company
// without a mandate is refused with the code a person without one gets.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVatNumber } from '../../core/index.js';
import type { DeskMandateView } from '../../electron/api/contract/index.js';
import { openStore } from '../../db/store.js';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, delegateIdentification, newOperationId, startDeskHost, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-mandates-pg-'); }, 60_000);
afterAll(async () => { await h?.close(); });

const CAF = { taxId: makeVatNumber('0345678901'), denomination: 'CAF Servizi Napoli Srl' };
const OTHER_COMPANY = { taxId: makeVatNumber('0456789012'), denomination: 'Pratiche Veloci Snc' };
const today = () => new Date(h.nowMs).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

/** The delegate identification of desk-support, with the type the clerk chose. */
async function companyIdentification(company: { taxId: string; denomination: string }, delegateType?: 'PF' | 'PG') {
  const id = await delegateIdentification(h, PEOPLE.delegator.taxId, company);
  return { ...id, delegate: { ...id.delegate, ...(delegateType ? { delegateType } : {}) } };
}

type Tx = { operationId: string; documents: { position: number }[]; delegate: { taxId: string; mandateId: string | null } | null };

describe('a company delegate at the counter', () => {
  let mandate: DeskMandateView;

  beforeAll(async () => {
    const r = await h.api<DeskMandateView>('desk.createMandate', {
      mandate: { delegatorTaxId: PEOPLE.delegator.taxId, delegateTaxId: CAF.taxId, delegateDenomination: CAF.denomination, delegateType: 'PG', validFrom: today() },
    });
    if (!r.body.ok) throw new Error(JSON.stringify(r.body.error));
    mandate = r.body.data!;
  });

  it('is refused as a person: 11 digits are no codice fiscale when the type is left at PF', async () => {
    const c = caseOf(h, 'delegatePickup');
    const r = await h.api('desk.inquiry', { mode: 'ACT', iun: c.notification.iun, identification: await companyIdentification(CAF) });
    const error = r.body.error as { code: string; details?: { fields?: { path: string; code: string }[] } } | undefined;
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.details?.fields?.map((f) => [f.path, f.code])).toEqual([['identification.delegate.taxId', 'TAX_ID_INVALID_LENGTH']]);
  });

  it('without a mandate of the recipient is refused with DELEGATION_MISSING', async () => {
    const c = caseOf(h, 'delegatePickup');
    const r = await h.api('desk.inquiry', { mode: 'ACT', iun: c.notification.iun, identification: await companyIdentification(OTHER_COMPANY, 'PG') });
    expect(r.body.error?.code).toBe('DELEGATION_MISSING');
    const started = await h.api('desk.startTransaction', { operationId: newOperationId(), mode: 'ACT', iun: c.notification.iun, identification: await companyIdentification(OTHER_COMPANY, 'PG') });
    expect(started.body.error?.code).toBe('DELEGATION_MISSING');
  });

  it('with an active mandate collects by IUN, recorded as a PG delegate with that mandate', async () => {
    const c = caseOf(h, 'delegatePickup');
    const id = await companyIdentification(CAF, 'PG');
    const inquiry = await h.api('desk.inquiry', { mode: 'ACT', iun: c.notification.iun, identification: id });
    expect(inquiry.body.ok, JSON.stringify(inquiry.body.error)).toBe(true);
    expect((inquiry.body.data as { delegate: { delegateType: string } }).delegate.delegateType).toBe('PG');
    const operationId = newOperationId();
    const started = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', iun: c.notification.iun, identification: id });
    expect(started.body.ok, JSON.stringify(started.body.error)).toBe(true);
    expect(started.body.data!.delegate).toMatchObject({ taxId: CAF.taxId, delegateType: 'PG', mandateId: mandate.mandateId });
    const printed = await h.api<Tx>('desk.printBundle', { operationId });
    for (const d of printed.body.data!.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
    const done = await h.api('desk.completeTransaction', { operationId });
    expect(done.body.ok, JSON.stringify(done.body.error)).toBe(true);

    const s = await openStore({ client: 'sqlite3', filename: join(h.dir, 'radd-desk.sqlite'), dataDir: h.dir, readOnly: true });
    try {
      const viewed = (await s.timeline.listByIun(c.notification.iun)).find((e) => e.category === 'NOTIFICATION_VIEWED');
      expect(viewed?.details.delegateInfo).toEqual({ taxId: CAF.taxId, denomination: CAF.denomination, delegateType: 'PG', mandateId: mandate.mandateId });
      expect((await s.deskRecords.get(operationId))?.record).toMatchObject({ delegateType: 'PG', mandateId: mandate.mandateId, delegateDenomination: CAF.denomination });
      const start = (await s.outbox.due(Number.MAX_SAFE_INTEGER)).find((m) => m.kind === 'radd.startTransaction' && m.dedupeKey?.endsWith(operationId));
      expect(start?.payload).toMatchObject({ recipientTaxId: PEOPLE.delegator.taxId, recipientType: 'PF', delegateTaxId: CAF.taxId });
    } finally {
      await s.close();
    }
  });
});
