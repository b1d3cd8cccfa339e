import { describe, expect, it } from 'vitest';
import { buildPrintableDocuments } from './printable-documents.js';
import { aDerived, aLegalFact, aNotification } from './desk-fixtures.test-support.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';
const fact = (type: Parameters<typeof aLegalFact>[0], elementId: string, at: string, n?: number) => ({
  ...aLegalFact(type, `${elementId}.IUN_${IUN}.RECINDEX_0`, 0),
  ...(n === undefined ? {} : { id: `${elementId}.IUN_${IUN}.RECINDEX_0~${type}~${n}` }),
  at,
});

function factTitles(facts: ReturnType<typeof fact>[]) {
  const derived = aDerived('DELIVERED', [{ legalFacts: facts }, {}]);
  return buildPrintableDocuments(aNotification(), derived, 0, '2026-04-01T10:00:00+02:00')
    .filter((d) => d.kind === 'LEGAL_FACT')
    .map((d) => d.title);
}

describe('buildPrintableDocuments: attestation titles', () => {
  it('keeps the plain title of an attestation that is the only one of its kind', () => {
    const titles = factTitles([fact('ANALOG_DELIVERY', 'SEND_ANALOG_FEEDBACK.ATTEMPT_0', '2026-03-14T11:00:00+01:00')]);
    expect(titles.map((t) => t.it)).toEqual(['Attestazione di presa in carico', 'Ricevuta della raccomandata']);
  });

  it('tells two registered-letter receipts apart by their Europe/Rome day', () => {
    const titles = factTitles([
      fact('ANALOG_DELIVERY', 'SEND_ANALOG_FEEDBACK.ATTEMPT_0', '2026-03-14T23:30:00Z'), // 15/03 in Rome
      fact('ANALOG_DELIVERY', 'SEND_ANALOG_FEEDBACK.ATTEMPT_1', '2026-03-25T09:00:00+01:00'),
    ]);
    expect(titles.slice(1)).toEqual([
      { it: 'Ricevuta della raccomandata del 15/03/2026', en: 'Registered letter receipt, 15/03/2026' },
      { it: 'Ricevuta della raccomandata del 25/03/2026', en: 'Registered letter receipt, 25/03/2026' },
    ]);
  });

  it('numbers the attachments of one receipt, which share the day', () => {
    const titles = factTitles([
      fact('ANALOG_DELIVERY', 'SEND_ANALOG_FEEDBACK.ATTEMPT_0', '2026-03-14T11:00:00+01:00', 0),
      fact('ANALOG_DELIVERY', 'SEND_ANALOG_FEEDBACK.ATTEMPT_0', '2026-03-14T11:00:00+01:00', 1),
      fact('ANALOG_DELIVERY', 'SEND_ANALOG_FEEDBACK.ATTEMPT_1', '2026-03-20T11:00:00+01:00'),
      fact('RECIPIENT_ACCESS', 'NOTIFICATION_VIEWED', '2026-03-21T11:00:00+01:00'),
    ]);
    expect(titles.slice(1).map((t) => t.it)).toEqual([
      'Ricevuta della raccomandata del 14/03/2026 (1 di 2)',
      'Ricevuta della raccomandata del 14/03/2026 (2 di 2)',
      'Ricevuta della raccomandata del 20/03/2026',
      'Attestazione di avvenuto accesso',
    ]);
    expect(new Set(titles.map((t) => t.en)).size).toBe(titles.length);
  });

  it('names the failure workflow\'s digital delivery attestation the AMR', () => {
    const titles = factTitles([fact('DIGITAL_DELIVERY', 'DIGITAL_FAILURE_WORKFLOW', '2026-03-14T11:00:00+01:00')]);
    expect(titles[1]).toEqual({ it: 'Avviso di mancato recapito digitale (AMR)', en: 'Digital non-delivery notice (AMR)' });
  });
});
