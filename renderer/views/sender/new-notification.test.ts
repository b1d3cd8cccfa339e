import { describe, expect, it } from 'vitest';
import { emptyDraft, emptyRecipient, toCreateInput } from './new-notification.js';

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
});
