// The "Deleghe" screen end to end (DOMAIN.md 10 step 1): a clerk registers the delegation a person
// brings (a wrong tax code is marked on its field first), the delegate then collects at the counter
// for the delegator, and once the delegation is revoked the counter refuses the same delegate; a
// company delegate (PG) is registered and identified at the counter by its partita IVA.
import { makeTaxId, makeVatNumber } from '../../core/index.js';
import { expect, snapshot, test } from './fixtures.js';
import { deskCases, PEOPLE, seedDeskCases, type DeskCase } from './data/desk-cases.js';
import { DeskCounterPage } from './pages/desk-counter.js';
import { DeskMandatesPage } from './pages/desk-mandates.js';

const NOW = Date.now();
const DAY = 86_400_000;
test.use({
  seed: async ({}, use) => { await use(async (store) => { await seedDeskCases(store, NOW); }); },
  hostEnv: { RADD_DEMO_OPERATORS: '1' },
});

/** Someone with no delegation at all until the clerk registers one. */
const NEW_DELEGATE = { taxId: makeTaxId({ surname: 'Rinaldi', name: 'Chiara', birthDate: '1991-10-05', female: true, cadastralCode: 'L736' }), denomination: 'Chiara Rinaldi' };
/** A company delegate (a CAF), registered by its partita IVA. */
const CAF = { taxId: makeVatNumber('0345678901'), denomination: 'CAF Servizi Napoli Srl' };
/** The same code with the wrong check letter, as a clerk could mistype it. */
const MISTYPED = NEW_DELEGATE.taxId.slice(0, 15) + (NEW_DELEGATE.taxId.endsWith('A') ? 'B' : 'A');
const DOC = { number: 'CA12345AB', issuer: 'Comune di Roma', issueDate: '2021-06-30', expiryDate: '2031-06-30' };
const PASSPORT = { type: 'PASSAPORTO', number: 'YB7654321', issuer: 'Questura di Venezia', issueDate: '2022-02-10', expiryDate: '2032-02-10' };
const romeDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

let pickup: DeskCase;
test.beforeAll(async () => { pickup = (await deskCases(NOW)).find((c) => c.name === 'delegatePickup')!; });

/** At the counter: the delegator's notification by IUN, the delegate with documents and scans. */
async function identifyDelegate(counter: DeskCounterPage): Promise<void> {
  await counter.scan(pickup.notification.iun);
  await counter.recipient(PEOPLE.delegator.taxId, DOC);
  await counter.delegate(NEW_DELEGATE.taxId, NEW_DELEGATE.denomination, PASSPORT);
  await counter.attachScan('recipientId');
  await counter.attachScan('delegateId');
  await counter.attachScan('delegationForm', 'delega.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
  await counter.confirmIdentification();
}

test.describe.serial('delegations registered at the desk', () => {
  test('the clerk registers a delegation; a mistyped tax code is marked on its field first', async ({ page, host, accessible }) => {
    const mandates = new DeskMandatesPage(page);
    await mandates.open(host.url);
    await expect(mandates.searchField).toBeFocused();
    await accessible(page, 'desk mandates');

    await mandates.search(PEOPLE.delegator.taxId.toLowerCase());
    await expect(mandates.row(PEOPLE.delegate.taxId)).toHaveAttribute('data-state', 'ACTIVE');
    await accessible(page, 'desk mandates (list)');

    await mandates.fill({ delegatorTaxId: PEOPLE.delegator.taxId, delegateTaxId: MISTYPED, delegateName: NEW_DELEGATE.denomination, validFrom: romeDay(NOW), validTo: romeDay(NOW + 60 * DAY) });
    await mandates.register();
    await expect(mandates.fieldError('delegate')).toContainText('carattere di controllo');
    await expect(page.getByTestId('mandate-delegate')).toBeFocused();
    await accessible(page, 'desk mandates (field error)');

    await page.getByTestId('mandate-delegate').fill(NEW_DELEGATE.taxId);
    await mandates.register();
    await expect(mandates.notice).toHaveAttribute('data-kind', 'created');
    await expect(mandates.notice).toContainText(NEW_DELEGATE.denomination);
    await expect(mandates.row(NEW_DELEGATE.taxId)).toHaveAttribute('data-state', 'ACTIVE');
    await accessible(page, 'desk mandates (registered)');
    await snapshot(page, 'desk-mandates');
  });

  test('Esc with a delegation half typed asks before throwing it away; with nothing typed it clears at once', async ({ page, host, accessible }) => {
    const mandates = new DeskMandatesPage(page);
    await mandates.open(host.url);
    const delegator = page.getByTestId('mandate-delegator');
    await delegator.fill(PEOPLE.delegator.taxId);
    await delegator.press('Escape');
    const dialog = page.getByTestId('mandate-clear-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('mandate-clear-reject')).toBeFocused();
    await accessible(page, 'desk mandates (clear dialog)');
    // "Keep" (or Esc): the form stays as typed.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(delegator).toHaveValue(PEOPLE.delegator.taxId);
    // Asked again and confirmed: the form is empty.
    await delegator.press('Escape');
    await page.getByTestId('mandate-clear-accept').click();
    await expect(delegator).toHaveValue('');
    // Nothing typed: Esc asks nothing.
    await delegator.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the new delegate collects at the counter for the delegator', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await identifyDelegate(counter);
    await expect(page.getByTestId('desk-who-delegate')).toContainText(NEW_DELEGATE.taxId);
    await accessible(page, 'desk results (registered delegate)');
    await page.keyboard.press('Enter');
    await expect(counter.state).toHaveAttribute('data-state', 'STARTED');
    await expect(page.getByTestId('desk-operation-delegate')).toContainText(NEW_DELEGATE.denomination);
    await accessible(page, 'desk operation (registered delegate)');
    await counter.abort('Prova della delega registrata allo sportello');
    await expect(counter.state).toHaveAttribute('data-state', 'ABORTED');
  });

  test('once revoked the delegation stays listed as ended and the counter refuses the delegate', async ({ page, host, accessible }) => {
    const mandates = new DeskMandatesPage(page);
    await mandates.open(host.url);
    await mandates.search(NEW_DELEGATE.taxId);
    await mandates.askRevoke(NEW_DELEGATE.denomination);
    await expect(page.getByTestId('mandate-revoke-reject')).toBeFocused();
    await accessible(page, 'desk mandates (revoke dialog)');
    await snapshot(page, 'desk-mandates-revoke');
    await mandates.confirmRevoke();
    await expect(mandates.notice).toHaveAttribute('data-kind', 'revoked');
    await expect(mandates.row(NEW_DELEGATE.taxId)).toHaveAttribute('data-state', 'ENDED');
    await expect(mandates.row(NEW_DELEGATE.taxId).getByTestId('mandate-revoke')).toHaveCount(0);
    await accessible(page, 'desk mandates (revoked)');

    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await identifyDelegate(counter);
    await expect(counter.error).toHaveAttribute('data-code', 'DELEGATION_MISSING');
    await accessible(page, 'desk identify (revoked delegation)');
  });

  test('a company delegate (PG) registered by its partita IVA collects through its representative', async ({ page, host, accessible }) => {
    const mandates = new DeskMandatesPage(page);
    await mandates.open(host.url);
    await mandates.fill({ delegatorTaxId: PEOPLE.delegator.taxId, delegateTaxId: CAF.taxId, delegateName: CAF.denomination, delegateType: 'PG', validFrom: romeDay(NOW) });
    await mandates.register();
    await expect(mandates.row(CAF.taxId)).toHaveAttribute('data-state', 'ACTIVE');
    await accessible(page, 'desk mandates (company delegate)');

    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.scan(pickup.notification.iun);
    await counter.recipient(PEOPLE.delegator.taxId, DOC);
    await counter.delegate(CAF.taxId, CAF.denomination, PASSPORT, 'PG');
    await accessible(page, 'desk identify (company delegate)');
    for (const slot of ['recipientId', 'delegateId', 'delegationForm']) await counter.attachScan(slot);
    await counter.confirmIdentification();
    await expect(page.getByTestId('desk-who-delegate')).toContainText(CAF.taxId);
    await accessible(page, 'desk results (company delegate)');
  });
});
