import { describe, expect, it } from 'vitest';
import { OTHER_KNOWN_CATEGORIES, TIMELINE_CATEGORIES } from '../model/types.js';
import { pecCodeLabel, pecFailureLabel, timelineCategoryLabel, timelineElementDescription, TIMELINE_CATEGORY_LABELS } from './timeline-labels.js';
import { deliveryChannelOf, outcomeLabel } from './outcome-channel.js';

describe('timeline category labels (DOMAIN.md 5)', () => {
  it('every known category has an Italian and an English label, all distinct in Italian', () => {
    const all = [...TIMELINE_CATEGORIES, ...OTHER_KNOWN_CATEGORIES];
    for (const c of all) {
      expect(TIMELINE_CATEGORY_LABELS[c].it.length, c).toBeGreaterThan(3);
      expect(TIMELINE_CATEGORY_LABELS[c].en.length, c).toBeGreaterThan(3);
    }
    const italian = all.map((c) => TIMELINE_CATEGORY_LABELS[c].it);
    expect(new Set(italian).size).toBe(italian.length);
  });

  it('an unknown category reads as its own name', () => {
    expect(timelineCategoryLabel('SOMETHING_NEW')).toEqual({ it: 'SOMETHING_NEW', en: 'SOMETHING_NEW' });
  });

  it('the cancellation elements are labelled as such', () => {
    expect(timelineCategoryLabel('NOTIFICATION_CANCELLED').it).toBe('Notifica annullata');
    expect(timelineCategoryLabel('NOTIFICATION_CANCELLATION_REQUEST').it).toMatch(/annullamento/);
  });
});

describe('element descriptions from details', () => {
  it('a paper event names its code, the meaning from the paper table and the failure cause', () => {
    const d = timelineElementDescription({ category: 'SEND_ANALOG_FEEDBACK', details: { deliveryDetailCode: 'RECRN002F', deliveryFailureCause: 'M03' } });
    expect(d?.it).toMatch(/^RECRN002F — /);
    expect(d?.it).toContain('Destinatario sconosciuto');
  });

  it('a giacenza event says "in giacenza" (DOMAIN.md 7.3)', () => {
    const d = timelineElementDescription({ category: 'SEND_ANALOG_PROGRESS', details: { deliveryDetailCode: 'RECRN011' } });
    expect(d?.it.toLowerCase()).toContain('giacenza');
  });

  it('a PEC failure cause a provider writes in Italian reads in English on an English screen', () => {
    const d = timelineElementDescription({ category: 'SEND_DIGITAL_FEEDBACK', details: { responseStatus: 'KO', deliveryDetailCode: 'C004', deliveryFailureCause: 'casella piena' } });
    expect(d?.it).toBe('C004 mancata consegna (casella piena)');
    expect(d?.en).toMatch(/\(mailbox full\)$/);
    for (const cause of ['casella inesistente', 'dominio inesistente']) {
      const en = timelineElementDescription({ category: 'SEND_DIGITAL_FEEDBACK', details: { deliveryDetailCode: 'C004', deliveryFailureCause: cause } })?.en;
      expect(en).not.toContain(cause);
    }
  });

  it('a PEC outcome names the code meaning and the free-text cause', () => {
    const d = timelineElementDescription({ category: 'SEND_DIGITAL_FEEDBACK', details: { responseStatus: 'KO', deliveryDetailCode: 'C004', deliveryFailureCause: 'mailbox full' } });
    expect(d?.it).toBe('C004 mancata consegna (mailbox full)');
    expect(pecCodeLabel('C999')).toEqual({ it: 'C999', en: 'C999' });
  });

  it('a refusal lists the reasons SEND gave', () => {
    const d = timelineElementDescription({ category: 'REQUEST_REFUSED', details: { refusalReasons: [{ errorCode: 'FILE_NOTFOUND', detail: 'allegato non trovato' }, { errorCode: 'TAXID_NOT_VALID' }] } });
    expect(d?.it).toBe('allegato non trovato; TAXID_NOT_VALID');
  });

  it('a view through a delegate says so; an element without details has no description', () => {
    expect(timelineElementDescription({ category: 'NOTIFICATION_VIEWED', details: { delegateInfo: { taxId: 'X' } } })?.it).toBe('tramite un delegato');
    expect(timelineElementDescription({ category: 'REQUEST_ACCEPTED', details: {} })).toBeNull();
  });
});

describe('delivery channel of an outcome (DOMAIN.md 7, 12)', () => {
  it.each([
    ['DIGITAL_DELIVERED', 'DIGITAL'],
    ['DIGITAL_FAILED', 'DIGITAL'],
    ['ANALOG_DELIVERED', 'ANALOG'],
    ['UNREACHABLE', 'ANALOG'],
    ['DECEASED', 'ANALOG'],
    ['IN_PROGRESS', 'NONE'],
    ['NOT_SENT', 'NONE'],
  ] as const)('%s goes through %s', (outcome, channel) => {
    expect(deliveryChannelOf(outcome)).toBe(channel);
    expect(outcomeLabel(outcome).it.length).toBeGreaterThan(3);
  });
});

describe('outcome label of a cancelled notification', () => {
  it('a recipient still in progress when the sender cancelled is shown as stopped, not in progress', () => {
    expect(outcomeLabel('IN_PROGRESS', 'CANCELLED')).not.toEqual(outcomeLabel('IN_PROGRESS'));
    expect(outcomeLabel('IN_PROGRESS', 'CANCELLED').it).toContain('annullata');
    expect(outcomeLabel('IN_PROGRESS', 'DELIVERING')).toEqual(outcomeLabel('IN_PROGRESS'));
    expect(outcomeLabel('ANALOG_DELIVERED', 'CANCELLED')).toEqual(outcomeLabel('ANALOG_DELIVERED'));
  });
});

describe('legal fact titles (DOMAIN.md 6)', () => {
  it('the digital delivery fact of a failed workflow is the AMR', async () => {
    const { legalFactTitleOf } = await import('./timeline-labels.js');
    expect(legalFactTitleOf({ type: 'DIGITAL_DELIVERY' }, 'DIGITAL_FAILURE_WORKFLOW').it).toContain('AMR');
    expect(legalFactTitleOf({ type: 'DIGITAL_DELIVERY' }, 'DIGITAL_SUCCESS_WORKFLOW').it).toBe('Attestazione di avvenuta consegna digitale');
    expect(legalFactTitleOf({ type: 'SENDER_ACK' }).it).toBe('Attestazione di presa in carico');
  });
});

describe('failed PEC delivery causes on the sender dashboard', () => {
  it('reads a known free-text cause in both languages, whatever its case', () => {
    expect(pecFailureLabel('casella piena')).toEqual({ it: 'casella piena', en: 'mailbox full' });
    expect(pecFailureLabel('Casella inesistente')).toEqual({ it: 'casella inesistente', en: 'mailbox does not exist' });
    expect(pecFailureLabel('dominio inesistente').en).toBe('domain does not exist');
  });

  it('names a PEC code with its meaning, an unknown text as written, a missing cause in words', () => {
    expect(pecFailureLabel('C004')).toEqual({ it: 'C004 mancata consegna', en: 'C004 not delivered' });
    expect(pecFailureLabel('server irraggiungibile')).toEqual({ it: 'server irraggiungibile', en: 'server irraggiungibile' });
    expect(pecFailureLabel('UNKNOWN')).toEqual({ it: 'causa non indicata', en: 'cause not given' });
  });
});
