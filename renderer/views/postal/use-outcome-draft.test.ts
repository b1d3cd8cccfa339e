// What Esc on the item screen would throw away: anything typed or attached, not the meaning alone.
import { describe, expect, it } from 'vitest';
import { useOutcomeDraft } from './use-outcome-draft.js';

describe('outcome draft: hasInput', () => {
  it('is false for an empty form or a meaning chosen alone, true once anything is typed or attached', () => {
    const draft = useOutcomeDraft(() => undefined);
    expect(draft.hasInput()).toBe(false);
    draft.form.kind = 'COLLECTED_FROM_GIACENZA';
    expect(draft.hasInput()).toBe(false);
    draft.form.at = '2026-11-27T10:30';
    expect(draft.hasInput()).toBe(true);
    draft.reset();
    draft.form.discovered.zip = '20121';
    expect(draft.hasInput()).toBe(true);
    draft.reset();
    draft.form.scans.push({ sha256: 'a'.repeat(64), fileName: 'ar.png', size: 10, documentType: 'AR' });
    expect(draft.hasInput()).toBe(true);
  });
});

describe('outcome draft: the date on the receipt, with or without its time', () => {
  it('sends the day alone when no time is typed (the host reads it as 12:00), day and time otherwise', () => {
    const draft = useOutcomeDraft(() => undefined);
    draft.form.kind = 'DELIVERED_TO_RECIPIENT';
    draft.form.at = '2026-11-20';
    expect(draft.missing()).toEqual([]);
    expect(draft.toDraft()).toEqual({ kind: 'DELIVERED_TO_RECIPIENT', at: '2026-11-20' });
    draft.form.atTime = '09:45';
    expect(draft.toDraft()).toEqual({ kind: 'DELIVERED_TO_RECIPIENT', at: '2026-11-20T09:45' });
  });

  it('asks for the date, not the time', () => {
    const draft = useOutcomeDraft(() => undefined);
    draft.form.kind = 'DELIVERED_TO_RECIPIENT';
    draft.form.atTime = '09:45';
    expect(draft.missing()).toEqual(['postal.form.date']);
  });
});
