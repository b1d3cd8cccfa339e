import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, FAST_TEST_SCRYPT, generatePassword, hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password.js';

describe('operator passwords (scrypt)', () => {
  it('stores algorithm, parameters, salt and key, never the password', async () => {
    const stored = await hashPassword('correct horse battery', FAST_TEST_SCRYPT);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct');
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password', FAST_TEST_SCRYPT)).not.toBe(await hashPassword('same password', FAST_TEST_SCRYPT));
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('right password', FAST_TEST_SCRYPT);
    expect(await verifyPassword('right password', stored)).toBe(true);
    expect(await verifyPassword('right passwore', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password (NFC)', async () => {
    const stored = await hashPassword('perch\u00e9-pass', FAST_TEST_SCRYPT);
    expect(await verifyPassword('perche\u0301-pass', stored)).toBe(true);
  });

  it('never matches a missing, malformed or out-of-bounds hash', async () => {
    const good = await hashPassword('x-password', FAST_TEST_SCRYPT);
    const parts = good.split('$');
    for (const bad of [undefined, '', 'plain-text', 'bcrypt$x', good.replace('scrypt', 'scrypt2'), [...parts.slice(0, 1), String(2 ** 22), ...parts.slice(2)].join('$'), [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'), good.slice(0, -4)]) {
      expect(await verifyPassword('x-password', bad), String(bad)).toBe(false);
    }
    expect(parsePasswordHash([...parts.slice(0, 3), '99', ...parts.slice(4)].join('$'))).toBeUndefined();
  });

  it('asks for a rehash when the stored cost is lower than the current one', async () => {
    const cheap = await hashPassword('x-password', FAST_TEST_SCRYPT);
    expect(needsRehash(cheap, DEFAULT_SCRYPT)).toBe(true);
    expect(needsRehash(cheap, FAST_TEST_SCRYPT)).toBe(false);
  });

  it('uses OWASP-level parameters by default (N=2^15, r=8, p=3)', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 3 });
  });

  it('generates one-time passwords of 24 URL-safe characters, different each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
