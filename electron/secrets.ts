// Adapter secrets (API keys, client certificates' passwords): kept out of the database and of
// the logs. Electron stores them encrypted with the OS keychain through safeStorage
// (secrets-electron.ts, used only by main.ts); browser mode, which has no keychain API, keeps them
// in a file readable by the user only (secrets-file.ts). No `electron` import here.

export interface SecretStore {
  /** 'os-protected': encrypted by the OS keychain (Electron); 'file-0600': plain file, owner-only. */
  readonly kind: 'os-protected' | 'file-0600';
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Secret names are chosen by code (e.g. `send-b2b.apiKey`), never by a person. */
export const SECRET_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

export function assertSecretName(name: string): void {
  if (!SECRET_NAME.test(name)) throw new RangeError(`invalid secret name: ${JSON.stringify(name.slice(0, 70))}`);
}

declare module './api/host-context.js' {
  interface HostContext {
    /** Where adapters keep their credentials; absent only in unit tests that build a bare context. */
    secrets?: SecretStore;
  }
}
