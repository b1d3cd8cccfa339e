import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n/messages.js';
import { afterColon, requiredFieldsProblem } from './text.js';

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

describe('requiredFieldsProblem', () => {
  it('names the empty fields in the language of the moment it is read, not of the click', () => {
    const i18n = createI18n<[Record<string, unknown>], 'it' | 'en', false>({ legacy: false, locale: 'it', fallbackLocale: 'it', messages: { it: messagesFor('it'), en: messagesFor('en') } });
    const problem = requiredFieldsProblem((key, named) => i18n.global.t(key, named), ['postal.form.date', 'postal.form.receiverName']);
    const shown = computed(() => problem.message);
    const it_ = shown.value;
    expect(it_).toMatch(/^Campo obbligatorio: /);
    i18n.global.locale.value = 'en';
    expect(shown.value).toMatch(/^Required field: /);
    expect(shown.value).not.toBe(it_);
    expect(problem.code).toBe('POSTAL_FIELD_REQUIRED');
  });
});
