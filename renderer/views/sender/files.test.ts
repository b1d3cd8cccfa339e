import { describe, expect, it, vi } from 'vitest';

vi.mock('../../api/client.js', () => ({ call: () => Promise.reject(new Error('no host in this test')) }));
const { bySize } = await import('./files.js');

const MB = 1024 * 1024;

describe('the PDFs chosen for a new notification', () => {
  it('refuses a file over 30 MB by name and size before reading it, and keeps the files chosen with it', () => {
    const files = [{ name: 'enorme.pdf', size: 31 * MB }, { name: 'verbale.pdf', size: 2 * MB }, { name: 'limite.pdf', size: 30 * MB }];
    const { ok, tooLarge } = bySize(files, 'it');
    expect(ok.map((f) => f.name)).toEqual(['verbale.pdf', 'limite.pdf']);
    expect(tooLarge).toEqual(['File troppo grande: «enorme.pdf» (31 MB). Il massimo è 30 MB']);
    expect(bySize([{ name: 'big.pdf', size: 30 * MB + 1 }], 'en').tooLarge).toEqual(['File too large: "big.pdf" (30.1 MB). The maximum is 30 MB']);
  });
});
