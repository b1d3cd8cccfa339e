// Serves the built renderer to the Electron window under app://radd-desk/ with the CSP header,
// so the window has a real origin (checked by IPC sender validation) and never uses file://.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** Resolves a request path inside the renderer folder; anything escaping it maps to index.html. */
export function resolveAppPath(root: string, pathname: string): string {
  let rel = '';
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    rel = '';
  }
  if (rel === '' || rel.split(/[/\\]/).includes('..') || extname(rel) === '') return join(root, 'index.html');
  const file = join(root, rel);
  return file.startsWith(root + sep) ? file : join(root, 'index.html');
}

export async function appProtocolResponse(root: string, requestUrl: string): Promise<Response> {
  const file = resolveAppPath(root, new URL(requestUrl).pathname);
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  }
}
