import { describe, expect, it } from 'vitest';
import { upperCaseKeepingCaret } from './upper-case.js';

describe('a tax code typed in lower case', () => {
  it('is put in capitals, the caret where the clerk was typing', () => {
    expect(upperCaseKeepingCaret('vrdgli78dx52', 10, 10)).toEqual({ value: 'VRDGLI78DX52', start: 10, end: 10 });
    expect(upperCaseKeepingCaret('VRDgli', 3, 6)).toEqual({ value: 'VRDGLI', start: 3, end: 6 });
    expect(upperCaseKeepingCaret('abc', null, null)).toEqual({ value: 'ABC', start: null, end: null });
  });
  it('moves the caret with a letter that grows', () => {
    expect(upperCaseKeepingCaret('ßa', 1, 1)).toEqual({ value: 'SSA', start: 2, end: 2 });
  });
});
