import { describe, expect, it } from 'vitest';
import { parseIun } from '../identifiers/iun.js';
import { parseRecipientTaxId, parseVatNumber } from '../identifiers/tax-id.js';
import { parseInstant, romeWallClock } from '../time/index.js';
import { makeDemoNotification } from './demo-notification.js';
import { CITIES } from './demo-data.js';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('demo notifications (DOMAIN.md 2)', () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(makeDemoNotification('a')).toEqual(makeDemoNotification('a'));
    expect(makeDemoNotification('a').iun).not.toBe(makeDemoNotification('b').iun);
  });

  it('has a valid IUN whose YYYYMM is the UTC month of the deposit', () => {
    for (const seed of SEEDS) {
      const n = makeDemoNotification(seed);
      const parsed = parseIun(n.iun);
      expect(parsed.ok && parsed.warnings).toEqual([]);
      expect(n.iun.slice(15, 21)).toBe(new Date(parseInstant(n.sentAt)).toISOString().slice(0, 7).replace('-', ''));
    }
  });

  it('has recipients with valid tax codes of their type, and a sender with a valid 11-digit tax code', () => {
    for (const seed of SEEDS) {
      const n = makeDemoNotification(seed, { recipientCount: 2, recipientTypes: ['PF', 'PG'] });
      expect(parseVatNumber(n.senderTaxId).ok).toBe(true);
      for (const r of n.recipients) {
        const parsed = parseRecipientTaxId(r.taxId, r.recipientType);
        expect(parsed.ok && parsed.warnings, r.taxId).toEqual([]);
        expect(r.taxId).toHaveLength(r.recipientType === 'PF' ? 16 : 11);
      }
    }
  });

  it('uses real CAP and province pairs of Italian cities', () => {
    const known = new Set(CITIES.flatMap((c) => c.streets.map(([, zip]) => `${zip}|${c.municipality}|${c.province}`)));
    for (const seed of SEEDS) {
      for (const r of makeDemoNotification(seed).recipients) {
        const a = r.physicalAddress!;
        expect(known.has(`${a.zip}|${a.municipality}|${a.province}`)).toBe(true);
        expect(a.address).toMatch(/ \d+$/);
      }
    }
  });

  it('gives documents a base64 SHA-256 and payment notices 18-digit codes owed to the sender', () => {
    for (const seed of SEEDS) {
      const n = makeDemoNotification(seed);
      for (const d of n.documents) expect(d.digests.sha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      for (const p of n.recipients.flatMap((r) => r.payments ?? [])) {
        expect(p.noticeCode).toMatch(/^3\d{17}$/);
        expect(p.creditorTaxId).toBe(n.senderTaxId);
        expect(p.amountCents).toBeGreaterThan(0);
      }
    }
  });

  it('deposits on weekdays between 08:00 and 21:30 Rome time', () => {
    for (const seed of SEEDS) {
      const w = romeWallClock(parseInstant(makeDemoNotification(seed).sentAt));
      expect([1, 2, 3, 4, 5]).toContain(w.weekday);
      expect(w.hour * 60 + w.minute).toBeGreaterThanOrEqual(8 * 60);
      expect(w.hour * 60 + w.minute).toBeLessThanOrEqual(21 * 60 + 30);
    }
  });

  it('takes the sender asked for, and leaves the rest of the notification as the seed makes it', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const drawn = makeDemoNotification(seed);
      const milano = makeDemoNotification(seed, { senderTaxId: '01199250158' });
      expect(milano.senderTaxId).toBe('01199250158');
      expect(milano.senderDenomination).toBe('Comune di Milano');
      expect(milano.iun).toBe(drawn.iun);
      expect(milano.sentAt).toBe(drawn.sentAt);
      expect(milano.recipients.map((r) => r.taxId)).toEqual(drawn.recipients.map((r) => r.taxId));
    }
    // A tax code that is not a demo sender: the drawn one.
    expect(makeDemoNotification(3, { senderTaxId: '00000000000' }).senderTaxId).toBe(makeDemoNotification(3).senderTaxId);
  });

  it('keeps an explicit deposit time', () => {
    expect(makeDemoNotification(1, { sentAt: '2026-03-10T09:15:00+01:00' }).sentAt).toBe('2026-03-10T09:15:00+01:00');
  });

  it('tailors the notification to the paths: PEC domicile for digital paths, the product of the analog ones', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      expect(makeDemoNotification(seed, { paths: 'DIGITAL_FAILURE_RS' }).recipients[0]!.digitalDomicile?.type).toBe('PEC');
      expect(makeDemoNotification(seed, { paths: 'UNREACHABLE' }).recipients[0]!.digitalDomicile).toBeUndefined();
      expect(makeDemoNotification(seed, { paths: 'ANALOG_890_DELIVERED' }).physicalCommunicationType).toBe('REGISTERED_LETTER_890');
      expect(makeDemoNotification(seed, { paths: 'ANALOG_AR_DELIVERED' }).physicalCommunicationType).toBe('AR_REGISTERED_LETTER');
      expect(makeDemoNotification(seed, { paths: ['PEC_FIRST_TRY', 'DECEASED'] }).recipients).toHaveLength(2);
    }
  });
});
