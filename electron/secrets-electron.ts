// Electron secrets: each value encrypted with safeStorage (macOS Keychain, Windows DPAPI, Linux
// libsecret/kwallet) and stored base64 in a 0600 file of userData. Imported only by main.ts,
// which passes Electron's `safeStorage`; the parameter is structural so that this file does not
// import `electron` (only the five shell files may) and can be tested with a fake.
import { DomainError } from '../core/index.js';
import type { Logger } from './logger.js';
import type { SecretStore } from './secrets.js';
import { createCodecSecretStore } from './secrets-file.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, path: string, logger: Pick<Logger, 'warn'>, platform: NodeJS.Platform = process.platform): SecretStore {
  let warned = false;
  const ensureAvailable = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new DomainError('SECRET_STORAGE_UNAVAILABLE');
    // Without a keyring Linux falls back to a fixed key ('basic_text'): no better than a 0600 file.
    if (!warned && platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      warned = true;
      logger.warn('no OS keyring found: secrets are protected by file permissions only (safeStorage basic_text)');
    }
  };
  return createCodecSecretStore(path, 'os-protected', {
    encode: (v) => {
      ensureAvailable();
      return safeStorage.encryptString(v).toString('base64');
    },
    decode: (s) => {
      ensureAvailable();
      return safeStorage.decryptString(Buffer.from(s, 'base64'));
    },
  });
}
