import { describe, expect, it } from 'vitest';
import { deliveredSubLabel } from './sub-label.js';

describe('deliveredSubLabel (DOMAIN.md 13)', () => {
  it.each([
    [['CON080', 'RECRN010', 'RECRN011'], 'IN_GIACENZA'],
    [['RECAG010', 'RECAG011A'], 'IN_GIACENZA'],
    [['RECRN010', 'RECRN011', 'RECRN003A', 'RECRN003C'], 'IN_GIACENZA'],
    [['RECAG010', 'RECAG011A', 'RECAG005A', 'RECAG005C'], 'RITIRATA_IN_GIACENZA'],
    [['RECAG010', 'RECAG011A', 'RECAG006A', 'RECAG006C'], 'RITIRATA_IN_GIACENZA'],
    [['RECAG010', 'RECAG011A', 'RECAG012', 'RECAG008A', 'RECAG008C'], 'COMPIUTA_GIACENZA'],
    [['RECRN010', 'RECRN011', 'RECRN005A', 'RECRN005C'], 'COMPIUTA_GIACENZA'],
    [['RECAG010', 'RECAG011A', 'PNAG012'], 'COMPIUTA_GIACENZA'],
    [['RECRN010', 'RECRN011', 'PNRN012'], 'COMPIUTA_GIACENZA'],
  ])('after %j reads %s', (codes, label) => {
    expect(deliveredSubLabel(codes)).toBe(label);
  });

  it.each([
    [[]],
    [['CON080', 'RECRN001A', 'RECRN001C']],
    [['RECAG010', 'RECAG011A', 'RECAG012']],
    [['RECRN010', 'RECRN011', 'RECRN004A', 'RECRN004C']],
  ])('has no sub-label after %j', (codes) => {
    expect(deliveredSubLabel(codes)).toBeNull();
  });

  it('ignores scans that arrive after the outcome, and unknown codes', () => {
    expect(deliveredSubLabel(['RECAG005A', 'RECAG005C', 'RECAG005B'])).toBe('RITIRATA_IN_GIACENZA');
    expect(deliveredSubLabel(['RECAG010', 'RECAG011A', 'RECAG011B'])).toBe('IN_GIACENZA');
    expect(deliveredSubLabel(['RECRN011', 'XYZ'])).toBe('IN_GIACENZA');
  });
});
