import { describe, expect, it } from 'vitest';
import { DomainError, messageFor } from '../core/index.js';
import { ConfigError } from './config.js';
import { failureReport } from './startup-failure.js';

describe('start-up failure report', () => {
  it('gives a store error in Italian, then English, then its code — never the bare code alone', () => {
    const text = failureReport(new DomainError('DB_READ_ONLY'));
    const lines = text.split('\n');
    expect(lines).toEqual([messageFor('DB_READ_ONLY', 'it'), messageFor('DB_READ_ONLY', 'en'), '(codice / code DB_READ_ONLY)']);
    expect(lines[0]).not.toBe('DB_READ_ONLY');
  });

  it('fills the message placeholders from the error', () => {
    const text = failureReport(new DomainError('DB_NOT_A_DATABASE', { path: '/dati/radd.sqlite' }));
    expect(text).toContain(messageFor('DB_NOT_A_DATABASE', 'it', { path: '/dati/radd.sqlite' }));
    expect(text).not.toContain('{path}');
  });

  it('gives a configuration error as written, once', () => {
    expect(failureReport(new ConfigError('RADD_DB_CLIENT=pg needs RADD_DATABASE_URL'))).toBe('RADD_DB_CLIENT=pg needs RADD_DATABASE_URL');
  });

  it('gives something readable for a thrown non-error', () => {
    expect(failureReport('disk gone')).toBe('disk gone');
  });
});
