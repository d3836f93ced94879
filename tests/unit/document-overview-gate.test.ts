/**
 * Guide §3 (settled 2026-12-07): a sentence about the document itself — what it or a section explains,
 * describes or is for — states no practice; the sentences it announces carry the labels. An overview that
 * announces a choice keeps its labels. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { isDocumentOverview } from '../../lib/classify/rules/gates';
import { shownCategories } from '../support/clauses';

const categories = shownCategories;

describe('a sentence about the document itself', () => {
  it.each([
    'This Privacy Notice explains how we and our partners collect, use and disclose information about you.',
    'This section describes how we share your personal data with advertisers and other companies.',
    'Accordingly, the purpose of this document is to inform you about the data we collect and why.',
    'In this Privacy Statement ("Statement"), we describe how we use and share the data of our customers.',
    'This section sets out who receives the personal data collected through the app.',
    // Announced by "Here are" / "Below is" (settled 2026-12-08).
    'Here are the ways you would settle a disagreement with Northwind.',
    'Below is a summary of the dispute steps that apply to customers in each state.',
  ])('no label: %s', (text) => {
    expect(isDocumentOverview(text)).toBe(true);
    expect(categories(text)).toEqual([]);
  });

  it.each([
    'This section explains some of your choices.',
    'This page describes how you can opt out of personalised ads from our partners.',
    'We share your personal data with advertisers and other companies.',
    'Our notice will explain how to object to the change.',
    'This policy applies to all users of the app.',
    'Here is how you can opt out of arbitration:',
    'Below are the purposes for which we share your data with advertisers:',
  ])('not an overview without a choice: %s', (text) => {
    expect(isDocumentOverview(text)).toBe(false);
  });

  it('the practices it announces are labelled where they are stated', () => {
    expect(categories('We share your personal data with advertisers and other companies.')).toContain(
      'data-sharing',
    );
    expect(
      categories('This page describes how you can opt out of personalised ads from our partners.'),
    ).toContain('user-choice');
  });
});
