// Browser mode's API token (docs/SECURITY.md "Browser mode"): it keeps other local processes'
// requests and other web pages out of the 127.0.0.1 API. It is kept per data directory, in a 0600
// file next to secrets.json, so that the address printed by `npm run serve` (and an open tab)
// still works after the host restarts: a new token per run left every open tab unable to sign in.
// Whoever can read this file can also read the database in the same directory, so keeping the
// token there adds no access. Deleting the file (or `--new-token`) makes a new one at the next start.
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const BROWSER_TOKEN_FILE = 'browser-token';
export const BROWSER_TOKEN_FILE_MODE = 0o600;
/** 192 bits, base64url: 32 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export function newBrowserToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * A stored token is reused only if it is well formed and, where mode bits mean something, nobody
 * but the owner could read it (a file others could read may have leaked: a new token is safer).
 */
function reusable(path: string, platform: NodeJS.Platform): string | undefined {
  if (!existsSync(path)) return undefined;
  if (platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) return undefined;
  const text = readFileSync(path, 'utf8').trim();
  return TOKEN_SHAPE.test(text) ? text : undefined;
}

function write(path: string, token: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${token}\n`, { mode: BROWSER_TOKEN_FILE_MODE });
  chmodSync(tmp, BROWSER_TOKEN_FILE_MODE);
  renameSync(tmp, path);
}

/** The data directory's token: the stored one, or a new one stored 0600 (always new when `renew`). */
export function browserToken(dataDir: string, options: { renew?: boolean; platform?: NodeJS.Platform } = {}): string {
  const path = join(dataDir, BROWSER_TOKEN_FILE);
  const kept = options.renew ? undefined : reusable(path, options.platform ?? process.platform);
  if (kept) return kept;
  const token = newBrowserToken();
  write(path, token);
  return token;
}
