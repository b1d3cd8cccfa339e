// The history's status chips name the states as SEND's RADD web UI does (DOMAIN.md 10.1
// "History"): STARTED "Iniziata", COMPLETED "Completata", ABORTED "Annullata", ERROR "Errore";
// every state of the transaction machine has its chip in both languages.
import { describe, expect, it } from 'vitest';
import { TRANSACTION_STATES } from '../../core/index.js';
import { messagesFor } from './messages.js';

const states = (locale: 'it' | 'en') => (messagesFor(locale) as { desk: { states: Record<string, string> } }).desk.states;

describe('desk history status chips (DOMAIN.md 10.1)', () => {
  it('says Iniziata, Completata, Annullata, Errore in Italian', () => {
    expect(states('it')).toMatchObject({ STARTED: 'Iniziata', COMPLETED: 'Completata', ABORTED: 'Annullata', ERROR: 'Errore' });
  });

  it.each(['it', 'en'] as const)('has a chip for every transaction state (%s)', (locale) => {
    for (const s of TRANSACTION_STATES) expect(states(locale)[s], s).toMatch(/\S/);
  });
});
