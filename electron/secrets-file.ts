// Browser-mode secrets: one JSON file in the data directory, created with mode 0600 (owner read
// and write only) and replaced atomically. On Windows the mode bits are not enforced; the file
// then relies on the per-user data directory's ACL.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { assertSecretName, type SecretStore } from './secrets.js';

export const SECRETS_FILE_MODE = 0o600;

export function readSecretsFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Writes the whole map to a temp file created 0600, then renames it over the old one. */
export function writeSecretsFile(path: string, values: Record<string, string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(values, null, 2), { mode: SECRETS_FILE_MODE });
  chmodSync(tmp, SECRETS_FILE_MODE);
  renameSync(tmp, path);
}

/** A secret store whose values are encoded/decoded by `codec` (identity for the plain file). */
export function createCodecSecretStore(path: string, kind: SecretStore['kind'], codec: { encode(v: string): string; decode(s: string): string }): SecretStore {
  return {
    kind,
    async get(name) {
      assertSecretName(name);
      const stored = readSecretsFile(path)[name];
      return stored === undefined ? undefined : codec.decode(stored);
    },
    async set(name, value) {
      assertSecretName(name);
      const values = readSecretsFile(path);
      values[name] = codec.encode(value);
      writeSecretsFile(path, values);
    },
    async delete(name) {
      assertSecretName(name);
      const values = readSecretsFile(path);
      if (!(name in values)) return;
      delete values[name];
      writeSecretsFile(path, values);
    },
  };
}

export function createFileSecretStore(path: string): SecretStore {
  return createCodecSecretStore(path, 'file-0600', { encode: (v) => v, decode: (s) => s });
}
