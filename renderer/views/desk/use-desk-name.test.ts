import { describe, expect, it } from 'vitest';
import { deskNameText } from './use-desk-name.js';

describe('a desk as the clerk reads it', () => {
  it('names this desk by its identity, else in words, another desk by its code', () => {
    expect(deskNameText({ code: 'DEMO-MI-001', name: 'Punto RADD Milano', thisDesk: true }, 'This desk')).toBe('Punto RADD Milano');
    expect(deskNameText({ code: null, name: null, thisDesk: true }, 'This desk')).toBe('This desk');
    expect(deskNameText({ code: null, name: null, thisDesk: true }, 'Questo sportello')).toBe('Questo sportello');
    expect(deskNameText({ code: 'RADD-MI-042', name: null, thisDesk: false }, 'This desk')).toBe('RADD-MI-042');
    expect(deskNameText(null, 'This desk')).toBe('—');
  });
});
