// Adapter secrets: a 0600 file in browser mode; safeStorage-encrypted values in Electron (a fake
// safeStorage stands in for the OS keychain). Never in the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeStorageSecretStore, type SafeStorageLike } from '../../electron/secrets-electron.js';
import { createFileSecretStore } from '../../electron/secrets-file.js';
import { startAuthHost } from './auth-support.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'radd-secrets-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Reversible, visibly not the plain text: enough to tell encrypted from plain in the file. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike & { calls: number } {
  const s = {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString: (v: string) => { s.calls++; return Buffer.from(`enc:${Buffer.from(v).reverse().toString('hex')}`); },
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'hex').reverse().toString(),
    getSelectedStorageBackend: () => backend,
  };
  return s;
}

describe('browser-mode secrets file', () => {
  it.skipIf(process.platform === 'win32')('keeps secrets in a file only its owner can read or write (0600)', async () => {
    const path = join(dir, 'secrets.json');
    const store = createFileSecretStore(path);
    await store.set('send-b2b.apiKey', 'k-123');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await store.set('radd.password', 'p-456');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await store.get('send-b2b.apiKey')).toBe('k-123');
    await store.delete('send-b2b.apiKey');
    expect(await store.get('send-b2b.apiKey')).toBeUndefined();
    expect(await store.get('radd.password')).toBe('p-456');
  });

  it('refuses names that could be paths or prototype keys', async () => {
    const store = createFileSecretStore(join(dir, 'secrets.json'));
    for (const name of ['../x', '', 'a/b', ' x', '__proto__', 'constructor!']) await expect(store.set(name, 'v'), name).rejects.toThrow(RangeError);
  });

  it('is the host\'s default, in the data directory, away from the database', async () => {
    const h = await startAuthHost();
    try {
      expect(h.host.ctx.secrets?.kind).toBe('file-0600');
      await h.host.ctx.secrets!.set('send-b2b.apiKey', 'very-secret-key');
      expect(readFileSync(join(h.dir, 'secrets.json'), 'utf8')).toContain('very-secret-key');
      expect(readFileSync(join(h.dir, 'radd-desk.sqlite')).includes('very-secret-key')).toBe(false);
    } finally {
      await h.close();
    }
  });
});

describe('Electron secrets (safeStorage)', () => {
  it('stores only the encrypted form and reads it back', async () => {
    const safe = fakeSafeStorage();
    const path = join(dir, 'secrets.enc.json');
    const store = createSafeStorageSecretStore(safe, path, { warn: () => undefined }, 'linux');
    await store.set('send-b2b.apiKey', 'plain-api-key');
    expect(store.kind).toBe('os-protected');
    expect(readFileSync(path, 'utf8')).not.toContain('plain-api-key');
    expect(safe.calls).toBe(1);
    expect(await store.get('send-b2b.apiKey')).toBe('plain-api-key');
  });

  it('refuses to store a secret when the OS cannot encrypt (SECRET_STORAGE_UNAVAILABLE)', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(false), join(dir, 's.json'), { warn: () => undefined }, 'linux');
    await expect(store.set('x', 'y')).rejects.toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
  });

  it('warns once when Linux has no keyring (basic_text backend)', async () => {
    const warnings: string[] = [];
    const store = createSafeStorageSecretStore(fakeSafeStorage(true, 'basic_text'), join(dir, 's.json'), { warn: (m: string) => warnings.push(m) }, 'linux');
    await store.set('a', '1');
    await store.set('b', '2');
    expect(warnings).toHaveLength(1);
  });
});
