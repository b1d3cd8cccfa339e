import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { resolveAppPath } from './app-protocol.js';

const root = resolve('dist', 'renderer');

describe('app:// protocol path resolution', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(root, '/assets/index.js')).toBe(join(root, 'assets', 'index.js'));
  });
  it('maps routes and escapes to index.html, never outside the folder', () => {
    for (const p of ['/', '/lookup', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%E0%A4%A']) {
      expect(resolveAppPath(root, p), p).toBe(join(root, 'index.html'));
    }
    // `..` that stays inside the folder is normalised, still inside it.
    expect(resolveAppPath(root, '/assets/../../secret.txt').startsWith(root + '/')).toBe(true);
  });
});
