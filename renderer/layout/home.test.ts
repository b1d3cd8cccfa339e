import { describe, expect, it } from 'vitest';
import { homeOf } from './home.js';

describe('where an operator lands after sign-in', () => {
  it('each single role lands on the first screen of its area', () => {
    expect(homeOf(['clerk'])).toBe('/desk');
    expect(homeOf(['postal'])).toBe('/postal');
    expect(homeOf(['sender'])).toBe('/sender/dashboard');
    expect(homeOf(['admin'])).toBe('/lookup');
  });

  it('an administrator keeps the lookup whatever else they hold; otherwise the counter comes first', () => {
    expect(homeOf(['clerk', 'postal', 'sender', 'admin'])).toBe('/lookup');
    expect(homeOf(['sender', 'postal'])).toBe('/postal');
    expect(homeOf(['sender', 'clerk'])).toBe('/desk');
    expect(homeOf([])).toBe('/lookup');
  });
});
