import { describe, expect, it } from 'vitest';
import { refusalPage, wantsPage } from './route-failure.js';

describe('refusal page of the browser-made GETs', () => {
  it('is for navigations only', () => {
    expect(wantsPage({ accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })).toBe(true);
    expect(wantsPage({ accept: 'application/json' })).toBe(false);
    expect(wantsPage({})).toBe(false);
  });

  it('says that a dead ticket is an expired link, in the host language, with the stable code', () => {
    const it = refusalPage('UNAUTHORIZED', 'it');
    expect(it).toContain('<html lang="it">');
    expect(it).toContain('Il collegamento è scaduto');
    expect(it).toContain('<small>UNAUTHORIZED</small>');
    expect(refusalPage('UNAUTHORIZED', 'en')).toContain('This link has expired');
    expect(refusalPage('FORBIDDEN', 'it')).toContain('non consentita per il proprio ruolo');
  });

  it('escapes what the message carries', () => {
    const page = refusalPage('SENDER_EXPORT_NOT_FOUND', 'it', { jobId: '<img src=x onerror=alert(1)>' });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img');
  });
});
