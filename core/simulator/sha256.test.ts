import { describe, expect, it } from 'vitest';
import { sha256, sha256Base64, toBase64, toHex, utf8Bytes } from './sha256.js';

describe('pure SHA-256 (FIPS 180-4 test vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j', (text, hex) => {
    expect(toHex(sha256(utf8Bytes(text)))).toBe(hex);
  });

  it('hashes a message longer than one block with multi-byte characters', () => {
    // sha256 of "è".repeat(100) computed independently (python hashlib).
    expect(toHex(sha256(utf8Bytes('è'.repeat(100))))).toBe('b1ed5626c581ec3a720a91ae83eabc3bbbbf9907e715e8425d731923a795ee20');
  });

  it.each([
    [[], ''],
    [[0x66], 'Zg=='],
    [[0x66, 0x6f], 'Zm8='],
    [[0x66, 0x6f, 0x6f], 'Zm9v'],
  ])('base64 of %j is %j', (bytes, b64) => {
    expect(toBase64(Uint8Array.from(bytes))).toBe(b64);
  });

  it('gives the base64 digest of a text', () => {
    expect(sha256Base64('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });
});
