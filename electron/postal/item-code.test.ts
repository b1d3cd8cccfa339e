import { describe, expect, it } from 'vitest';
import { formatItemCode, parseItemCode, requestIdOf } from './item-code.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';

describe('postal item code', () => {
  it.each([
    [`PREPARE_ANALOG_DOMICILE.IUN_${IUN}.RECINDEX_1.ATTEMPT_0`, { iun: IUN, recipientIndex: 1, attempt: 0 }],
    [`send_analog_domicile.iun_${IUN.toLowerCase()}.recindex_0.attempt_1`, { iun: IUN, recipientIndex: 0, attempt: 1 }],
    [`PREPARE_SIMPLE_REGISTERED_LETTER.IUN_${IUN}.RECINDEX_2`, { iun: IUN, recipientIndex: 2, attempt: 'RS' }],
    [`${IUN}/0/1`, { iun: IUN, recipientIndex: 0, attempt: 1 }],
    [` ${IUN.toLowerCase()}/3/rs `, { iun: IUN, recipientIndex: 3, attempt: 'RS' }],
    [IUN, { iun: IUN }],
    ['QDUXGHKPJNAM202603T1', { iun: IUN }],
  ])('reads %s', (code, expected) => {
    expect(parseItemCode(code)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'POSTAL_ITEM_CODE_INVALID'],
    [`${IUN}/0/2`, 'POSTAL_ITEM_CODE_INVALID'],
    [`${IUN}/0`, 'POSTAL_ITEM_CODE_INVALID'],
    [`PREPARE_ANALOG_DOMICILE.IUN_${IUN}.RECINDEX_0`, 'POSTAL_ITEM_CODE_INVALID'],
    ['QDUX-GHKP-JNAM-202603-A-1/0/0', 'IUN_INVALID_CHECK_CHAR'],
    ['HELLO', 'IUN_INVALID_FORMAT'],
  ])('refuses %s with %s', (code, error) => {
    const r = parseItemCode(code);
    expect(r.ok ? 'ok' : r.code).toBe(error);
  });

  it('prints the canonical code and the requestId that read back as the same item', () => {
    const ref = { iun: IUN, recipientIndex: 1, attempt: 0 as const };
    expect(parseItemCode(formatItemCode(ref))).toEqual({ ok: true, value: ref });
    expect(parseItemCode(requestIdOf(ref))).toEqual({ ok: true, value: ref });
    const rs = { iun: IUN, recipientIndex: 0, attempt: 'RS' as const };
    expect(parseItemCode(requestIdOf(rs))).toEqual({ ok: true, value: rs });
  });
});
