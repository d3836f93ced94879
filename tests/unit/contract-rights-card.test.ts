/**
 * Rights over a contract or a grade on a user-choice card (issue 23, tenth check: contract rights explained as
 * data rights). Cancelling a subscription, a trial or a card is the cancellation shape, with the way to do it
 * when the clause names one, never "change it in your account"; a right that names no data is not said to be
 * over data, nor called a privacy right. Team-written sentences, each beside one that keeps the old reading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots } from '../../lib/explain';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../../lib/i18n';

const tr = (l: string): Translate =>
  createTranslator(
    getMessageFromCatalogue(
      JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${l}/messages.json`), 'utf8')),
    ),
  );
const card = (text: string, t?: Translate) =>
  explainLabel({ category: 'user-choice', stance: 'permits' }, extractSlots(text), text, t);

describe('cancelling a subscription, a trial or a card', () => {
  it('a product named before "subscription" is still a subscription cancelled', () => {
    const text = 'If you do not accept a price change, you may cancel your Gold Club subscription at once.';
    expect(card(text)).toBe(
      'This says you can cancel or withdraw from the contract or a purchase. It is a right over the contract, not over your data.',
    );
    expect(extractSlots(text).choice).toBe('cancel it');
  });
  it('a trial cancelled in the account: the cancellation, then how, not "change it in your account"', () => {
    const text = 'You can cancel the free trial by logging into your account or by contacting our help desk.';
    expect(extractSlots(text).choice).toBe('cancel it by logging into your account or by contacting them');
    expect(card(text)).toBe(
      'This says you can cancel or withdraw from the contract or a purchase. It is a right over the contract, not over your data. You can cancel it by logging into your account or by contacting them.',
    );
    for (const l of ['de', 'fr', 'sv']) expect(card(text, tr(l)), l).not.toMatch(/\b(?:cancel|account)\b/);
  });
  it('cancelling together with deleting data stays a choice over data', () => {
    expect(extractSlots('You can cancel your subscription and ask us to delete your data.').choice).toBe(
      'ask for deletion',
    );
  });
});

describe('a right that names no data', () => {
  it('an appeal of a mark is no privacy right and not said to be over data', () => {
    const text = 'Students may also have the right to appeal their mark.';
    expect(extractSlots(text).choice).toBeNull();
    expect(card(text)).toBe('This describes a right or choice you may have.');
    for (const l of ['de', 'fr', 'sv']) expect(card(text, tr(l)), l).not.toBe(card(text));
  });
  it('a data right by name keeps its reading', () => {
    expect(extractSlots('Members have the right to erasure in some cases.').choice).toBe('ask for deletion');
    expect(card('You may have choices about interest-based advertising.')).toBe(
      'This describes rights or choices you may have over your data.',
    );
  });
});

describe('a right to reject changes of the terms', () => {
  it('is rejecting the changes, not a privacy right', () => {
    expect(
      extractSlots(
        'Should you wish to exercise your right to reject these amendments, stop using the service.',
      ).choice,
    ).toBe('reject the changes');
  });
});
