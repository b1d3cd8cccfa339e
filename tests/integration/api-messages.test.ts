// Every operation of the API table, sent an empty request and an "empty form" (every text field
// blank, every list empty, every choice unmade), answers in the caller's language with catalogue
// codes: no English text of the validation library reaches an Italian screen, and an empty field
// is "obbligatorio", not a length or pattern error. Through dispatch on a real host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode, type Locale } from '../../core/index.js';
import { contract, ROLES } from '../../electron/api/contract/index.js';
import { identificationSchema } from '../../electron/api/contract/desk.js';
import { dispatch } from '../../electron/api/dispatch.js';
import type { ApiError } from '../../electron/api/contract/envelope.js';
import { startAuthHost, type AuthHost } from './auth-support.js';

/** zod's own message phrases (v4): none may reach a clerk. */
const ZOD_ENGLISH = /Too small|Too big|Invalid input|Invalid string|Invalid option|Invalid discriminator|Invalid element|Invalid key|Unrecognized key|\bexpected [a-z]|\breceived [a-z]/;

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** What a form sends when the clerk fills nothing: '' for texts and choices, [] for lists, null for numbers. */
function blank(schema: unknown, depth = 0): unknown {
  if (depth > 10) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return '';
    case 'number':
    case 'int':
      return null;
    case 'array':
      return [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return blank(def.innerType, depth + 1);
    case 'pipe':
      return blank(def.in, depth + 1);
    case 'union':
      return blank((def.options as unknown[])[0], depth + 1);
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => [k, blank(v, depth + 1)]));
    default:
      return undefined;
  }
}

/** Operations whose empty form is accepted and would do something outside this test's temp store. */
const NOT_SENT_BLANK = new Set(['auth.logout']);

let h: AuthHost;
beforeAll(async () => {
  h = await startAuthHost();
});
afterAll(async () => h?.close());

function problemsOf(error: ApiError): string[] {
  const out: string[] = [];
  if (!isErrorCode(error.code)) out.push(`code ${error.code}`);
  if (ZOD_ENGLISH.test(error.message)) out.push(`message "${error.message}"`);
  for (const f of error.details?.fields ?? []) {
    if (!isErrorCode(f.code)) out.push(`${f.path}: code ${f.code}`);
    if (ZOD_ENGLISH.test(f.message)) out.push(`${f.path}: "${f.message}"`);
  }
  return out;
}

async function answers(locale: Locale, input: (schema: unknown) => unknown): Promise<{ problems: string[]; refusedFields: number }> {
  const problems: string[] = [];
  let refusedFields = 0;
  for (const [name, def] of Object.entries(contract)) {
    if (NOT_SENT_BLANK.has(name)) continue;
    const res = await dispatch(h.host.ctx, { roles: [...ROLES], locale, operatorId: 'message-walker' }, name, input(def.input));
    if (res.ok) continue;
    refusedFields += res.error.details?.fields?.length ?? 0;
    for (const p of problemsOf(res.error)) problems.push(`${name} ${p}`);
  }
  return { problems, refusedFields };
}

describe('no library English in any answer, in either language', () => {
  for (const locale of ['it', 'en'] as const) {
    it(`(${locale}) every operation sent {} answers with catalogue codes and messages`, async () => {
      const r = await answers(locale, () => ({}));
      expect(r.problems).toEqual([]);
      expect(r.refusedFields).toBeGreaterThan(50);
    });

    it(`(${locale}) every operation sent an empty form answers with catalogue codes and messages`, async () => {
      const r = await answers(locale, (schema) => blank(schema) ?? {});
      expect(r.problems).toEqual([]);
      expect(r.refusedFields).toBeGreaterThan(50);
    });
  }
});

describe('an empty field is "obbligatorio" on the forms clerks fill', () => {
  const caller = { roles: [...ROLES], locale: 'it' as const, operatorId: 'message-walker' };
  const fieldsOf = async (op: string, input: unknown) => {
    const res = await dispatch(h.host.ctx, caller, op, input);
    expect(res.ok, op).toBe(false);
    return res.ok ? {} : Object.fromEntries((res.error.details?.fields ?? []).map((f) => [f.path, f.message]));
  };

  it('Identificazione (desk.checkIdentity): every empty field, the tax code included, says Campo obbligatorio', async () => {
    // The check answers every problem of the form as typed (the scan missing among them), by field.
    const form = { ...(blank(identificationSchema) as object), scans: {} };
    const res = await dispatch(h.host.ctx, caller, 'desk.checkIdentity', { identification: form });
    const problems = res.ok ? (res.data as { problems: { field: string; message: string }[] }).problems : [];
    const fields = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    for (const p of ['recipientTaxId', 'recipientDocument.number', 'recipientDocument.issueDate', 'recipientDocument.expiryDate']) {
      expect(fields[p], p).toBe('Campo obbligatorio');
    }
    expect(fields['scans.recipientId']).toBe('Manca la scansione del documento di identità');
    // desk.inquiry, sent the same form, still refuses it by field.
    const inquiry = await fieldsOf('desk.inquiry', { mode: 'AOR', identification: blank(identificationSchema) });
    expect(inquiry['identification.recipientTaxId']).toBe('Campo obbligatorio');
  });

  it('Nuova notifica (sender.create): empty texts are required, empty lists ask for one item', async () => {
    const fields = await fieldsOf('sender.create', blank(contract['sender.create'].input));
    const messages = Object.values(fields);
    expect(messages).toContain('Campo obbligatorio');
    expect(messages).toContain('Aggiungere almeno un elemento');
  });

  it('Postal second attempt with an empty new address: the address fields are required, in Italian', async () => {
    const outcome = { kind: 'UNDELIVERED', next: { kind: 'SECOND_ATTEMPT', address: { address: '', zip: '', municipality: '' } } };
    const fields = await fieldsOf('postal.recordOutcome', { code: 'X', outcome });
    const address = Object.entries(fields).filter(([p]) => p.startsWith('outcome.next.address.'));
    expect(address.length).toBeGreaterThanOrEqual(3);
    for (const [p, m] of address) expect(m, p).toBe('Campo obbligatorio');
  });
});

describe('a tax code typed with spaces is read the same on every screen', () => {
  const caller = { roles: [...ROLES], locale: 'it' as const, operatorId: 'message-walker' };
  const spaced = 'rss mra 85t10 a562s';

  it.each([
    ['Sportello start (desk.identifyInput)', 'desk.identifyInput', { text: spaced }],
    ['Deleghe search (desk.listMandates)', 'desk.listMandates', { taxId: spaced }],
    ['Pratiche search (desk.searchHistory)', 'desk.searchHistory', { taxId: spaced }],
    ['Notifiche inviate filter (sender.list)', 'sender.list', { filter: { recipientTaxId: spaced } }],
  ])('%s accepts it', async (_screen, op, input) => {
    const res = await dispatch(h.host.ctx, caller, op, input);
    expect(res.ok ? 'ok' : `${res.error.code} ${JSON.stringify(res.error.details?.fields ?? [])}`).toBe('ok');
  });

  it('Deleghe search answers for the code without spaces', async () => {
    const res = await dispatch(h.host.ctx, caller, 'desk.listMandates', { taxId: spaced });
    expect(res.ok && (res.data as { taxId: string }).taxId).toBe('RSSMRA85T10A562S');
  });
});
