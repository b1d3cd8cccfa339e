// The sign-in screen of a browser tab the host does not recognise (opened by hand, without the
// address with the access key): a clerk reads what to do, in their words; the technical detail
// (the start-up address, `npm run serve`, `token=`) is a separate, secondary line for the technician.
import { describe, expect, it } from 'vitest';
import { messagesFor } from './messages.js';

type Ended = { token: string; tokenHint: string; expired: string };
const ended = (locale: 'it' | 'en') => (messagesFor(locale) as { auth: { ended: Ended } }).auth.ended;
const TECHNICAL = /npm|serve|token|127\.0\.0\.1|http|localhost|url/i;

describe('sign-in message of a tab without the access key', () => {
  it.each([
    ['it', /tecnico dello sportello/, /riavviare l'applicazione/],
    ['en', /desk's technician/, /restart the application/],
  ] as const)('%s: says what to do (link or shortcut from the technician, or a restart) without technical terms', (locale, technician, restart) => {
    const { token } = ended(locale);
    expect(token).not.toMatch(TECHNICAL);
    expect(token).toMatch(technician);
    expect(token).toMatch(restart);
  });

  it.each(['it', 'en'] as const)('%s: keeps the start-up address for the technician as a detail of its own', (locale) => {
    const { tokenHint } = ended(locale);
    expect(tokenHint).toContain('npm run serve');
    expect(tokenHint).toContain('http://127.0.0.1');
    expect(tokenHint).toContain('token=');
  });
});
