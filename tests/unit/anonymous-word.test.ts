/**
 * Guide §3 de-identification (settled 2026-12-07): "anonymous" said of something that is not data the company
 * holds — a payment, the experience of the service, the user acting anonymously, information third parties
 * collect, an address a third party masks at the user's option — is no de-identification. The company using,
 * keeping or passing data on in anonymous form still is. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { isAnonymousWordOnly } from '../../lib/classify/rules/anonymous-word';
import { gatedOut } from '../../lib/classify/rules/gates';
import { shownCategories } from '../support/clauses';

const categories = shownCategories;

describe('"anonymous" that is no de-identification', () => {
  it.each([
    'Anonymous gift card purchases are also possible.',
    'Anonymous cash or voucher payments are accepted at our shops.',
    'Our aim is to keep as little data as we can so that your experience of the app stays private and anonymous.',
    'You may report a problem to us anonymously through the form.',
    'You can even read the forum anonymously.',
    'Partner ad networks may place ads on our pages and collect some anonymous information when you browse the shop.',
    'With Lumo Mail you can hide your e-mail address; you then receive a forwarded anonymised e-mail address from Lumo Mail.',
  ])('%s', (text) => {
    expect(isAnonymousWordOnly(text)).toBe(true);
    expect(gatedOut('de-identification', text)).toBe(true);
    expect(categories(text)).not.toContain('de-identification');
  });

  it.each([
    // The company using, keeping or passing data on in anonymous form (as the gold has it).
    'We only keep anonymous search terms, cut off from any identifier, to improve our results.',
    'Such anonymous information is provided to partners for market research.',
    'We may also anonymously use the timing of your clicks to detect fraud.',
    'We organise what we collect into anonymous audiences for our campaigns.',
    // An act of de-identifying named beside the word.
    'We anonymise your payment records after two years and keep them as anonymous statistics.',
    // Data that is said not to be anonymous.
    'The information collected through this analysis is not anonymous.',
  ])('keeps: %s', (text) => {
    expect(isAnonymousWordOnly(text)).toBe(false);
  });
});
