import { describe, expect, it } from 'vitest';
import { describeErrors, emptyDraft, emptyPayment, emptyRecipient, fieldOf, localProblems, toCreateInput, withRecipientTypeHints, type FieldRef } from './new-notification.js';

const LABELS: Record<string, string> = {
  'sender.list.protocol': 'Protocollo', 'sender.list.subject': 'Oggetto', 'sender.new.senderTaxId': 'Codice fiscale ente', 'sender.new.taxId': 'Codice fiscale',
  'sender.new.creditorTaxId': 'Codice fiscale ente creditore', 'sender.detail.documents': 'Documenti notificati',
  'sender.new.zip': 'CAP', 'sender.new.noticeCode': 'Codice avviso pagoPA',
};
/** As the view names a field (the i18n messages of sender-new.it.json). */
const name = (f: FieldRef) => {
  const field = LABELS[f.label] ?? f.label;
  if (f.payment !== undefined) return `${field} (destinatario ${(f.recipient ?? 0) + 1}, avviso ${f.payment + 1})`;
  if (f.recipient !== undefined) return `${field} (destinatario ${f.recipient + 1})`;
  return field;
};

describe('the new-notification form as sent to the host', () => {
  it('sends an Italian province as upper-case sigla and the zip trimmed; a foreign region as typed', () => {
    const d = emptyDraft({ taxId: '01199250158', denomination: 'Comune' });
    d.recipients = [
      { ...emptyRecipient(), address: 'Via Roma 1', zip: ' 20121 ', municipality: 'Milano', province: ' mi ' },
      { ...emptyRecipient(), address: 'Hauptstrasse 1', zip: '80331', municipality: 'München', province: 'Bayern', foreignState: 'Germania' },
    ];
    const [it, abroad] = toCreateInput(d).recipients;
    expect([it!.physicalAddress.province, it!.physicalAddress.zip]).toEqual(['MI', '20121']);
    expect(abroad!.physicalAddress.province).toBe('Bayern');
  });

  it('sends a notice code copied from the paper notice, in groups of four, as its 18 digits', () => {
    const d = emptyDraft({ taxId: '01199250158', denomination: 'Comune' });
    d.recipients[0]!.payments = [
      { ...emptyPayment('01199250158'), noticeCode: '3020 0010 0000 0194 21' },
      { ...emptyPayment('01199250158'), noticeCode: ' 3020\u00A00010 0000 0194 22 ' },
    ];
    expect(toCreateInput(d).recipients[0]!.payments!.map((p) => p.noticeCode)).toEqual(['302000100000019421', '302000100000019422']);
  });

  it('sends an amount typed with a decimal point in cents, not a hundred times more', () => {
    const d = emptyDraft({ taxId: '01199250158', denomination: 'Comune' });
    d.recipients[0]!.payments = [
      { ...emptyPayment('01199250158'), noticeCode: '302000100000019421', amountText: '12.50' },
      { ...emptyPayment('01199250158'), noticeCode: '302000100000019422', amountText: '1.234,56 €' },
      { ...emptyPayment('01199250158'), noticeCode: '302000100000019423', amountText: '' },
    ];
    const payments = toCreateInput(d).recipients[0]!.payments!;
    expect(payments.map((p) => p.amountCents)).toEqual([1250, 123456, undefined]);
    expect(localProblems(d)).toEqual({});
  });

  it('refuses in the form an amount it cannot read, by the path the host would use', () => {
    const d = emptyDraft({ taxId: null, denomination: null });
    d.recipients = [emptyRecipient(), emptyRecipient()];
    d.recipients[1]!.payments = [{ ...emptyPayment(''), amountText: '10' }, { ...emptyPayment(''), amountText: '12,505' }, { ...emptyPayment(''), amountText: '-3' }];
    expect(localProblems(d)).toEqual({ 'recipients.1.payments.1.amountCents': 'decimals', 'recipients.1.payments.2.amountCents': 'negative' });
  });
});

describe('the errors as the clerk reads them', () => {
  it('each names its field, and which recipient or notice, in the order of the form', () => {
    const out = describeErrors({
      documents: 'Allegare almeno un documento PDF',
      'recipients.1.taxId': 'Codice fiscale: carattere di controllo errato, ricontrollare il codice',
      'recipients.0.payments.0.creditorTaxId': 'Codice fiscale: carattere di controllo errato, ricontrollare il codice',
      'recipients.0.physicalAddress.zip': 'Il CAP è obbligatorio per un indirizzo in Italia',
      subject: 'Campo obbligatorio',
      paProtocolNumber: 'Campo obbligatorio',
      senderTaxId: 'Partita IVA non valida: cifra di controllo errata',
    }, name);
    expect(out.map((e) => e.text)).toEqual([
      'Codice fiscale ente: partita IVA non valida: cifra di controllo errata',
      'Protocollo: campo obbligatorio',
      'Oggetto: campo obbligatorio',
      'CAP (destinatario 1): il CAP è obbligatorio per un indirizzo in Italia',
      'Codice fiscale ente creditore (destinatario 1, avviso 1): carattere di controllo errato, ricontrollare il codice',
      'Codice fiscale (destinatario 2): carattere di controllo errato, ricontrollare il codice',
      'Documenti notificati: allegare almeno un documento PDF',
    ]);
    expect(out.map((e) => e.target)).toEqual(['n-sender-tax', 'n-protocol', 'n-subject', 'r0-zip', 'r0-creditor-0', 'r1-taxId', 'n-files']);
  });

  it('keeps a message beginning with an acronym as it is', () => {
    expect(describeErrors({ 'recipients.0.digitalDomicile.address': 'PEC non valida' }, () => 'PEC (destinatario 1)')[0]!.text).toBe('PEC (destinatario 1): PEC non valida');
  });

  it('finds the input of every field the host may name', () => {
    expect(fieldOf('recipients.2.payments.3.amountCents').target).toBe('r2-amount-3');
    expect(fieldOf('recipients.0.payments.1').target).toBe('r0-notice-1');
    expect(fieldOf('recipients.0.physicalAddress.municipality').target).toBe('r0-municipality');
    expect(fieldOf('documents.1.title').target).toBe('n-doc-1');
    expect(fieldOf('paFee').target).toBe('n-pafee');
    expect(fieldOf('something.else').target).toBe('n-protocol');
  });
});

describe('a partita IVA typed for a recipient left as "Persona fisica"', () => {
  it('completes the length error with the choice to make; a PG, or a 16-character code, keeps the message as it is', () => {
    const d = emptyDraft({ taxId: '01199250158', denomination: 'Comune' });
    d.recipients = [{ ...emptyRecipient(), taxId: '0048 8410 010' }, { ...emptyRecipient(), recipientType: 'PG', taxId: '0048841001' }, { ...emptyRecipient(), taxId: 'RSSMRA85T10A562X' }];
    const fields = {
      'recipients.0.taxId': 'Codice fiscale: lunghezza errata (11 caratteri, attesi 16)',
      'recipients.1.taxId': 'Partita IVA non valida: servono 11 cifre',
      'recipients.2.taxId': 'Codice fiscale: carattere di controllo errato',
    };
    expect(withRecipientTypeHints(fields, d, 'scegliere Tipo «Persona giuridica»')).toEqual({
      ...fields,
      'recipients.0.taxId': 'Codice fiscale: lunghezza errata (11 caratteri, attesi 16); scegliere Tipo «Persona giuridica»',
    });
  });
});
