import { describe, expect, it } from 'vitest';
import { afterColon } from './text.js';

describe('afterColon', () => {
  it('lowercases the first word of a sentence put after a colon', () => {
    expect(afterColon('La giacenza non è ancora scaduta')).toBe('la giacenza non è ancora scaduta');
    expect(afterColon('È già registrato')).toBe('è già registrato');
  });

  it('keeps acronyms and codes as they are', () => {
    expect(afterColon('IUN non valido')).toBe('IUN non valido');
    expect(afterColon('RECRN011 già registrato')).toBe('RECRN011 già registrato');
    expect(afterColon('')).toBe('');
  });
});
