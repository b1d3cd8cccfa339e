// The one Content-Security-Policy of the app: the Electron window (header on file responses and
// the meta tag of index.html) and browser mode (header) send the same. No remote content at all.
// Styles allow 'unsafe-inline' because PrimeVue's theme injects <style> elements at run time;
// scripts are strictly 'self' (no eval, no inline).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
