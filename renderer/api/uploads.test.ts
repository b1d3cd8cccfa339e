import { describe, expect, it } from 'vitest';
import { messageFor } from '../../core/index.js';
import { chunkedFileTooLarge, FILE_UPLOADS, fileTooLarge } from './uploads.js';

const MIB = 1024 * 1024;
/** Base64 text of a file of `bytes` bytes (only its length matters). */
const base64Of = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);

describe('the size check before an upload is sent', () => {
  it('refuses a 16 MB scan at the counter naming the file, its size and the 15 MB limit', () => {
    const e = fileTooLarge('desk.uploadScan', { fileName: 'documento.pdf', dataBase64: base64Of(16.15 * MIB) }, 'it');
    expect(e).toEqual({ code: 'FILE_TOO_LARGE', message: 'File troppo grande: «documento.pdf» (16,2 MB). Il massimo è 15 MB', params: { fileName: 'documento.pdf', sizeMb: 16.2, maxMb: 15 } });
  });

  it('carries the sizes as numbers, so the message reads right when rendered again in English', () => {
    const e = fileTooLarge('desk.uploadScan', { fileName: 'documento.pdf', dataBase64: base64Of(16.15 * MIB) }, 'it');
    expect(messageFor('FILE_TOO_LARGE', 'en', e?.params)).toBe('File too large: "documento.pdf" (16.2 MB). The maximum is 15 MB');
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

describe('the size check before a file goes up in chunks (postal scans, CSV of outcomes)', () => {
  it('refuses an 11 MB receipt scan at once, naming the file and the 10 MB limit', () => {
    expect(chunkedFileTooLarge('postal.uploadScan', { name: 'cartolina.pdf', size: 11 * MIB }, 'it'))
      .toEqual({ code: 'FILE_TOO_LARGE', message: 'File troppo grande: «cartolina.pdf» (11 MB). Il massimo è 10 MB', params: { fileName: 'cartolina.pdf', sizeMb: 11, maxMb: 10 } });
    expect(chunkedFileTooLarge('postal.uploadScan', { name: 'cartolina.pdf', size: 10 * MIB + 1 }, 'en')?.message)
      .toBe('File too large: "cartolina.pdf" (10.1 MB). The maximum is 10 MB');
  });

  it('lets a file of exactly the limit through, and a CSV up to its own 20 MB', () => {
    expect(chunkedFileTooLarge('postal.uploadScan', { name: 'a.png', size: 10 * MIB }, 'it')).toBeNull();
    expect(chunkedFileTooLarge('postal.importCsv', { name: 'esiti.csv', size: 15 * MIB }, 'it')).toBeNull();
    expect(chunkedFileTooLarge('postal.importCsv', { name: 'esiti.csv', size: 21 * MIB }, 'it')?.message).toContain('Il massimo è 20 MB');
  });

  it('names no file when the file has none (a made-up name would be in one language), with the limit as a param', () => {
    const e = chunkedFileTooLarge('postal.importCsv', { name: '', size: 21 * MIB }, 'it');
    expect(e).toEqual({ code: 'UPLOAD_TOO_LARGE', message: 'File troppo grande: il massimo è 20 MB', params: { maxMb: 20 } });
    expect(messageFor('UPLOAD_TOO_LARGE', 'en', e?.params)).toBe('File too large: the maximum is 20 MB');
  });

  it('names no file for a nameless receipt scan either (the scans screen gives it none), in both languages', () => {
    expect(chunkedFileTooLarge('postal.uploadScan', { name: '', size: 11 * MIB }, 'it'))
      .toEqual({ code: 'UPLOAD_TOO_LARGE', message: 'File troppo grande: il massimo è 10 MB', params: { maxMb: 10 } });
    expect(chunkedFileTooLarge('postal.uploadScan', { name: '', size: 11 * MIB }, 'en')?.message).toBe('File too large: the maximum is 10 MB');
  });
});
