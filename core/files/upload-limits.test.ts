import { describe, expect, it } from 'vitest';
import { megabytes, megabytesText } from './upload-limits.js';

const MIB = 1024 * 1024;

describe('megabytes in messages', () => {
  it('whole limits as they are, sizes with one decimal in the reader\'s language', () => {
    expect(megabytesText(15 * MIB, 'it')).toBe('15');
    expect(megabytesText(16.2 * MIB, 'it')).toBe('16,2');
    expect(megabytesText(16.2 * MIB, 'en')).toBe('16.2');
  });

  it('a size just over a limit reads over it (rounded up), never equal to it', () => {
    const justOver = 15 * MIB + 1;
    expect(megabytesText(justOver, 'it')).toBe('15,1');
    expect(megabytes(justOver)).toBe(15.1);
    expect(megabytes(15.04 * MIB)).toBe(15.1);
    expect(megabytes(31 * MIB - 1)).toBe(31);
  });
});
