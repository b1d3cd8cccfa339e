import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES, PAPER_CODES, isCodeOfProduct, paperCodeInfo, paperProductOf } from './codes.js';
import { paperEventCategory } from './validate.js';

// DOMAIN.md 7.4, row by row: code, product, kind as written in the table (P = PROGRESS).
const DOMAIN_TABLE: [string, string, 'PROGRESS' | 'OK' | 'KO'][] = [
  ['CON080', 'ALL', 'PROGRESS'], ['CON018', 'ALL', 'PROGRESS'], ['CON020', 'ALL', 'PROGRESS'],
  ['CON993', 'ALL', 'PROGRESS'], ['CON995', 'ALL', 'PROGRESS'], ['CON996', 'ALL', 'PROGRESS'],
  ['CON997', 'ALL', 'PROGRESS'], ['CON998', 'ALL', 'PROGRESS'],
  ['P008', 'ALL', 'PROGRESS'], ['P010', 'ALL', 'PROGRESS'], ['P011', 'ALL', 'PROGRESS'], ['P012', 'ALL', 'PROGRESS'],
  ['P013', 'ALL', 'PROGRESS'], ['P014', 'ALL', 'PROGRESS'],
  ['RECRN001A', 'AR', 'PROGRESS'], ['RECRN001B', 'AR', 'PROGRESS'], ['RECRN001C', 'AR', 'OK'],
  ['RECRN002A', 'AR', 'PROGRESS'], ['RECRN002B', 'AR', 'PROGRESS'], ['RECRN002C', 'AR', 'OK'],
  ['RECRN002D', 'AR', 'PROGRESS'], ['RECRN002E', 'AR', 'PROGRESS'], ['RECRN002F', 'AR', 'KO'],
  ['RECRN003A', 'AR', 'PROGRESS'], ['RECRN003B', 'AR', 'PROGRESS'], ['RECRN003C', 'AR', 'OK'],
  ['RECRN004A', 'AR', 'PROGRESS'], ['RECRN004B', 'AR', 'PROGRESS'], ['RECRN004C', 'AR', 'OK'],
  ['RECRN005A', 'AR', 'PROGRESS'], ['RECRN005B', 'AR', 'PROGRESS'], ['RECRN005C', 'AR', 'OK'],
  ['RECRN006', 'AR', 'PROGRESS'], ['RECRN010', 'AR', 'PROGRESS'], ['RECRN011', 'AR', 'PROGRESS'],
  ['RECRN013', 'AR', 'PROGRESS'], ['RECRN015', 'AR', 'PROGRESS'], ['PNRN012', 'AR', 'OK'],
  ['RECAG001A', '890', 'PROGRESS'], ['RECAG001B', '890', 'PROGRESS'], ['RECAG001C', '890', 'OK'],
  ['RECAG002A', '890', 'PROGRESS'], ['RECAG002B', '890', 'PROGRESS'], ['RECAG002C', '890', 'OK'],
  ['RECAG003A', '890', 'PROGRESS'], ['RECAG003B', '890', 'PROGRESS'], ['RECAG003C', '890', 'OK'],
  ['RECAG003D', '890', 'PROGRESS'], ['RECAG003E', '890', 'PROGRESS'], ['RECAG003F', '890', 'KO'],
  ['RECAG004', '890', 'PROGRESS'],
  ['RECAG005A', '890', 'PROGRESS'], ['RECAG005B', '890', 'PROGRESS'], ['RECAG005C', '890', 'OK'],
  ['RECAG006A', '890', 'PROGRESS'], ['RECAG006B', '890', 'PROGRESS'], ['RECAG006C', '890', 'OK'],
  ['RECAG007A', '890', 'PROGRESS'], ['RECAG007B', '890', 'PROGRESS'], ['RECAG007C', '890', 'OK'],
  ['RECAG008A', '890', 'PROGRESS'], ['RECAG008B', '890', 'PROGRESS'], ['RECAG008C', '890', 'PROGRESS'],
  ['RECAG010', '890', 'PROGRESS'], ['RECAG011A', '890', 'PROGRESS'], ['RECAG011B', '890', 'PROGRESS'],
  ['RECAG012', '890', 'OK'], ['PNAG012', '890', 'OK'], ['RECAG013', '890', 'PROGRESS'], ['RECAG015', '890', 'PROGRESS'],
  ['RECRS001C', 'RS', 'OK'],
  ['RECRS002A', 'RS', 'PROGRESS'], ['RECRS002B', 'RS', 'PROGRESS'], ['RECRS002C', 'RS', 'KO'],
  ['RECRS002D', 'RS', 'PROGRESS'], ['RECRS002E', 'RS', 'PROGRESS'], ['RECRS002F', 'RS', 'KO'],
  ['RECRS003C', 'RS', 'OK'], ['RECRS004C', 'RS', 'KO'], ['RECRS005C', 'RS', 'KO'],
  ['RECRS006', 'RS', 'PROGRESS'], ['RECRS013', 'RS', 'PROGRESS'], ['RECRS015', 'RS', 'PROGRESS'],
  ['RECRI001', 'RIR', 'PROGRESS'], ['RECRI002', 'RIR', 'PROGRESS'],
  ['RECRI003A', 'RIR', 'PROGRESS'], ['RECRI003B', 'RIR', 'PROGRESS'], ['RECRI003C', 'RIR', 'OK'],
  ['RECRI004A', 'RIR', 'PROGRESS'], ['RECRI004B', 'RIR', 'PROGRESS'], ['RECRI004C', 'RIR', 'KO'],
  ['RECRI005', 'RIR', 'PROGRESS'],
  ['RECRSI003C', 'RIS', 'OK'], ['RECRSI004C', 'RIS', 'KO'], ['RECRSI005', 'RIS', 'PROGRESS'],
];

describe('paper code table (DOMAIN.md 7.4)', () => {
  it.each(DOMAIN_TABLE)('%s is a %s code of kind %s', (code, product, kind) => {
    const info = paperCodeInfo(code);
    expect(info?.kind).toBe(kind);
    expect(info?.products).toEqual([product]);
    expect(info?.meaning.it).not.toBe('');
    expect(info?.meaning.en).not.toBe('');
  });

  it('knows no code outside the table', () => {
    expect(paperCodeInfo('RECRN007A')).toBeUndefined();
    expect(paperCodeInfo('recrn001c')).toBeUndefined();
    expect(paperCodeInfo('toString')).toBeUndefined();
  });

  it('marks RECAG005C-007C, and only them, as final only before RECAG012', () => {
    const flagged = Object.values(PAPER_CODES).filter((i) => i.finalOnlyBeforeRecag012).map((i) => i.code);
    expect(flagged.sort()).toEqual(['RECAG005C', 'RECAG006C', 'RECAG007C']);
  });

  it.each([
    ['RECRN011', 'IN_GIACENZA'], ['RECAG011A', 'IN_GIACENZA'], ['RECRN003C', 'IN_GIACENZA'],
    ['RECAG005C', 'RITIRATA_IN_GIACENZA'], ['RECAG006C', 'RITIRATA_IN_GIACENZA'],
    ['RECAG008C', 'COMPIUTA_GIACENZA'], ['RECRN005C', 'COMPIUTA_GIACENZA'], ['PNAG012', 'COMPIUTA_GIACENZA'],
    ['PNRN012', 'COMPIUTA_GIACENZA'],
  ])('gives %s the DOMAIN.md 13 sub-label %s', (code, label) => {
    expect(paperCodeInfo(code)?.giacenza).toBe(label);
  });

  it('gives a sub-label to no other code', () => {
    expect(Object.values(PAPER_CODES).filter((i) => i.giacenza).length).toBe(9);
  });

  it('requires a failure cause on the KO finals of absolute unreachability', () => {
    for (const code of ['RECRN002F', 'RECAG003F', 'RECRS002F', 'RECRI004C']) expect(paperCodeInfo(code)?.requiresFailureCause).toBe(true);
    expect(paperCodeInfo('RECRN001C')?.requiresFailureCause).toBeUndefined();
  });

  it('has Italian and English labels for M01-M08 and F01-F03', () => {
    expect(Object.keys(FAILURE_CAUSES)).toEqual(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'F01', 'F02', 'F03']);
  });

  it('makes every RS event a SIMPLE_REGISTERED_LETTER_PROGRESS whatever its kind', () => {
    expect(paperEventCategory('RS', 'OK')).toBe('SIMPLE_REGISTERED_LETTER_PROGRESS');
    expect(paperEventCategory('RS', 'KO')).toBe('SIMPLE_REGISTERED_LETTER_PROGRESS');
    expect(paperEventCategory('RS', 'PROGRESS')).toBe('SIMPLE_REGISTERED_LETTER_PROGRESS');
    expect(paperEventCategory('AR', 'OK')).toBe('SEND_ANALOG_FEEDBACK');
    expect(paperEventCategory('890', 'PROGRESS')).toBe('SEND_ANALOG_PROGRESS');
  });

  it('treats CON codes as codes of every product', () => {
    const con = paperCodeInfo('CON080')!;
    expect(['AR', '890', 'RS', 'RIR', 'RIS'].every((p) => isCodeOfProduct(con, p as 'AR'))).toBe(true);
    expect(isCodeOfProduct(paperCodeInfo('RECRN001C')!, '890')).toBe(false);
  });

  it.each([
    ['AR', 'AR'], ['RN_AR', 'AR'], ['890', '890'], ['RN_890', '890'], ['RN_RS', 'RS'], ['RI_AR', 'RIR'], ['RI_RS', 'RIS'],
  ])('reads SEND productType %s as %s', (input, product) => {
    expect(paperProductOf(input)).toBe(product);
  });
});
