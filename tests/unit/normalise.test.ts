import { describe, expect, it } from 'vitest';
import { fingerprintClauses, isBoilerplate, normaliseClause } from '../../lib/diff';

// Test sentences written for this suite (not corpus text).
describe('normalisation before hashing', () => {
  it('folds whitespace, case and typographic quotes/dashes', () => {
    expect(normaliseClause('We  use “your”\n data — sometimes.')).toBe(
      normaliseClause('we use "your" data - sometimes.'),
    );
  });

  it('treats revision stamps as boilerplate in several formats and languages', () => {
    for (const s of [
      'Last updated: March 6, 2026',
      'Effective date: 6 March 2026',
      'Last modified 2026-03-06',
      'This policy was last revised on 03/06/2026.',
      'Dernière mise à jour : 6 mars 2026',
      'Stand: 6. März 2026',
      'March 6, 2026',
    ]) {
      expect(isBoilerplate(s), s).toBe(true);
    }
  });

  it('keeps a real term that happens to contain a date', () => {
    const s =
      'Starting January 1, 2026, we will use the content you post to train our machine learning models unless you opt out in your settings.';
    expect(isBoilerplate(s)).toBe(false);
    expect(normaliseClause(s)).toContain('january 1, 2026');
  });

  it('drops cookie-banner text but keeps cookie-policy sentences', () => {
    expect(isBoilerplate('Accept all cookies')).toBe(true);
    expect(isBoilerplate('Cookie settings')).toBe(true);
    expect(
      isBoilerplate(
        'We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.',
      ),
    ).toBe(true);
    expect(
      isBoilerplate('We use cookies to remember your preferences and to measure how our services are used.'),
    ).toBe(false);
  });

  it('masks live counters and copyright years', () => {
    expect(normaliseClause('Read by 1,204 people')).toBe(normaliseClause('Read by 1,377 people'));
    expect(normaliseClause('© 2025 Example Inc.')).toBe(normaliseClause('© 2026 Example Inc.'));
  });

  it('fingerprints ignore order, stamps and spacing, but not wording', () => {
    const v1 = [
      { text: 'Last updated: 1 May 2025' },
      { text: 'We collect your email.' },
      { text: 'We share it with partners.' },
    ];
    const v2 = [
      { text: 'We share it  with partners.' },
      { text: 'Last updated: 3 June 2026' },
      { text: 'We collect your email.' },
    ];
    const v3 = [{ text: 'We collect your email.' }, { text: 'We sell it to partners.' }];
    expect(fingerprintClauses(v1)).toBe(fingerprintClauses(v2));
    expect(fingerprintClauses(v1)).not.toBe(fingerprintClauses(v3));
    expect(fingerprintClauses(v1)).toMatch(/^[0-9a-f]{16}$/);
  });
});
