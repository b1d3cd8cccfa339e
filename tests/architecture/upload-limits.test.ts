// The renderer checks a file's size before sending it (renderer/api/uploads.ts): it must know every
// upload operation of the contract, with the host's limit, or a file over the limit reaches the
// host's body cap again.
import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/api/contract/index.js';
import { CSV_LIMITS } from '../../electron/postal/csv-import.js';
import { MAX_POSTAL_SCAN_BYTES } from '../../electron/postal/scans.js';
import { CHUNKED_UPLOADS, FILE_UPLOADS } from '../../renderer/api/uploads.js';

describe('upload limits', () => {
  it('the screens check every upload operation of the contract against the host\'s own limit', () => {
    const uploads = Object.entries(contract).filter(([, def]) => def.maxFileBytes).map(([op, def]) => [op, def.maxFileBytes]);
    expect(uploads.length).toBeGreaterThan(0);
    expect(Object.fromEntries(uploads)).toEqual(Object.fromEntries(Object.entries(FILE_UPLOADS).map(([op, u]) => [op, u.maxBytes])));
  });

  it('the screens check files sent in chunks against the limit the host counts them to', () => {
    expect(CHUNKED_UPLOADS).toEqual({ 'postal.uploadScan': MAX_POSTAL_SCAN_BYTES, 'postal.importCsv': CSV_LIMITS.maxBytes });
  });
});
