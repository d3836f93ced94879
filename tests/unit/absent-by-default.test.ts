/**
 * Guide §3 and §4.2 (settled 2026-12-07): sentences whose practice or control does not happen by default though
 * its words are there — "there is no automated decision-making", a hypothetical the company has not met, a legal
 * obligation as the only trigger (a subpoena, a binding request, or the user publishing it themselves beside it),
 * a refusal of Do Not Track — deny it. Team-written sentences, with near misses that keep `permits`.
 */
import { describe, expect, it } from 'vitest';
import {
  absentByDefault,
  hypotheticalPractice,
  onlyUnderLegalObligation,
  refusesDoNotTrack,
  thereIsNo,
} from '../../lib/classify/rules/absent-by-default';
import { shownStance } from '../support/clauses';

const stanceOf = shownStance;

describe('a practice or control absent by default', () => {
  it('"there is no" denies the practice', () => {
    const text = 'There is no automated decision-making, including profiling, that has legal effects on you.';
    expect(thereIsNo('automated-decisions', text)).toBe(true);
    expect(stanceOf(text, 'automated-decisions')).toBe('denies');
    expect(thereIsNo('automated-decisions', 'There is no charge for automated reports.')).toBe(false);
  });

  it('"no … takes place" denies the practice (settled 2026-12-08)', () => {
    const text = 'No automated decision-making (profiling included) takes place when you use the app.';
    expect(thereIsNo('automated-decisions', text)).toBe(true);
    expect(stanceOf(text, 'automated-decisions')).toBe('denies');
    // "No" that does not open the sentence with the practice.
    expect(
      thereIsNo('automated-decisions', 'Automated decision-making takes place, and no human reviews it.'),
    ).toBe(false);
  });

  it.each([
    'Should we ever sell your personal information, we will tell you how to opt out on this page.',
    'Were we ever to sell Personal Information or share it for cross-context behavioural advertising, we would publish our opt-out process here.',
    'If in the future we decide to sell your data, we will update this policy first.',
  ])('a hypothetical the company has not met: %s', (text) => {
    expect(hypotheticalPractice(text)).toBe(true);
    expect(stanceOf(text, 'data-sale')).toBe('denies');
  });

  it.each([
    'If we were to sell or merge our business, your data would pass to the buyer.',
    'If we share your data with partners, we require them to protect it.',
    'We may sell your data to partners.',
  ])('keeps: %s', (text) => {
    expect(hypotheticalPractice(text)).toBe(false);
  });

  it.each([
    'We will only hand over the little account data we hold if a binding order from the competent Dutch courts requires it (legal obligation).',
    'We will only disclose the account data we keep when compelled by law to do so.',
  ])('a legal obligation as the only trigger: %s', (text) => {
    expect(onlyUnderLegalObligation(text)).toBe(true);
    expect(absentByDefault('data-sharing', text)).toBe(true);
  });

  it('another trigger beside the law keeps permits', () => {
    const text =
      'We will only disclose your data if required by law or to provide the services you asked for with our partners.';
    expect(onlyUnderLegalObligation(text)).toBe(false);
  });

  it('a denial whose exceptions are a court order and the user publishing it themselves stays a denial', () => {
    const text =
      "We don't share your personal details with other companies, except when a court order requires it or when you choose to publish them yourself.";
    expect(stanceOf(text, 'data-sharing')).toBe('denies');
    // Another trigger (ordinary use) lets the data go by default.
    expect(
      stanceOf(
        "We don't share your personal details with other companies, except when a court order requires it or to deliver your orders.",
        'data-sharing',
      ),
    ).toBe('permits');
  });

  it('a refusal of Do Not Track is no control', () => {
    const text =
      "While we try hard to respect our users' privacy preferences, we do not interpret or respond to DNT or other similar signals from your browser at this time.";
    expect(refusesDoNotTrack(text)).toBe(true);
    expect(stanceOf(text, 'user-choice')).toBe('denies');
    expect(
      refusesDoNotTrack(
        'We do not respond to Do Not Track signals, but you can opt out of cookies in our banner.',
      ),
    ).toBe(false);
  });
});
