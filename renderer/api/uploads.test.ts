import { describe, expect, it } from 'vitest';
import { FILE_UPLOADS, fileTooLarge } from './uploads.js';

const MIB = 1024 * 1024;
/** Base64 text of a file of `bytes` bytes (only its length matters). */
const base64Of = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);

describe('the size check before an upload is sent', () => {
  it('refuses a 16 MB scan at the counter naming the file, its size and the 15 MB limit', () => {
    const e = fileTooLarge('desk.uploadScan', { fileName: 'documento.pdf', dataBase64: base64Of(16.15 * MIB) }, 'it');
    expect(e).toEqual({ code: 'FILE_TOO_LARGE', message: 'File troppo grande: «documento.pdf» (16,2 MB). Il massimo è 15 MB' });
  });

  it('writes the size with a decimal point in English', () => {
    const e = fileTooLarge('desk.uploadScan', { fileName: 'documento.pdf', dataBase64: base64Of(16.15 * MIB) }, 'en');
    expect(e?.message).toBe('File too large: "documento.pdf" (16.2 MB). The maximum is 15 MB');
  });

  it('refuses a 45 MB PDF to notify by its title, in the UI language', () => {
    const e = fileTooLarge('sender.uploadDocument', { title: 'Avviso TARI', dataBase64: base64Of(45 * MIB), sha256Base64: 'x' }, 'en');
    expect(e?.message).toBe('File too large: "Avviso TARI" (45 MB). The maximum is 30 MB');
  });

  it('lets files up to the limit, and every other operation, through', () => {
    expect(fileTooLarge('desk.uploadScan', { fileName: 'a.png', dataBase64: base64Of(15 * MIB - 2) }, 'it')).toBeNull();
    expect(fileTooLarge('sender.uploadDocument', { title: 'a', dataBase64: base64Of(30 * MIB - 2), sha256Base64: 'x' }, 'it')).toBeNull();
    expect(fileTooLarge('notifications.getByIun', { iun: 'x' }, 'it')).toBeNull();
  });
});
