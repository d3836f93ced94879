/**
 * Guide §3: personalised recommendations alone are personalisation, not targeted advertising; a word of
 * ads, marketing or offers keeps the label. The same for product analytics and account-record controls, and
 * (settled 2026-12-08) an ad network's terms for its publishers. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut, isAdvertiserTerms, isProductAnalyticsOrRecordOnly } from '../../lib/classify/rules/gates';
import { shownCategories } from '../support/clauses';

describe('gate: recommendations alone', () => {
  it.each([
    'As part of the app, we will suggest and recommend shows that might interest you.',
    'We use your listening history to recommend songs and playlists you may enjoy.',
  ])('not targeted advertising: %s', (text) => {
    expect(gatedOut('targeted-advertising', text)).toBe(true);
  });

  it.each([
    'We use your browsing history to recommend products and show you ads for them on other sites.',
    'We may recommend offers from our partners based on your purchases.',
    'We send you e-mails recommending products based on what you bought.',
  ])('ads, offers or marketing involved, the label stays: %s', (text) => {
    expect(gatedOut('targeted-advertising', text)).toBe(false);
  });
});

describe("gate: analytics of the product and the user's account record (settled 2026-12-08)", () => {
  it.each([
    'We use what we learn to measure and analyse the performance of our apps and to see which screens people open.',
    'Data about your visits helps us evaluate the use of our website so that we can fix what does not work.',
    'You can review and correct your contact details at any time on the account page of the app.',
  ])('not targeted advertising: %s', (text) => {
    expect(isProductAnalyticsOrRecordOnly(text)).toBe(true);
    expect(gatedOut('targeted-advertising', text)).toBe(true);
    expect(shownCategories(text)).not.toContain('targeted-advertising');
  });

  it.each([
    'We use cookies to measure the effectiveness of our website and of our ad campaigns.',
    'You can review and change your marketing preferences on the account page of the app.',
    'We analyse the use of our services to show you ads about things you like.',
  ])('ads or marketing named, the label stays: %s', (text) => {
    expect(isProductAnalyticsOrRecordOnly(text)).toBe(false);
  });

  it('a lead-in about marketing keeps the label', () => {
    const text = 'to measure the effectiveness of our services;';
    expect(isProductAnalyticsOrRecordOnly(text)).toBe(true);
    expect(isProductAnalyticsOrRecordOnly(text, 'We use your data for marketing, for example:')).toBe(false);
  });
});

describe("gate: an ad network's terms for its publishers (settled 2026-12-08)", () => {
  it.each([
    'For instance, publishers may not join paid-to-click schemes, send bulk e-mail or display ads triggered by a browser toolbar.',
    'Publisher must not place ads on pages with adult material.',
  ])('not targeted advertising: %s', (text) => {
    expect(isAdvertiserTerms(text)).toBe(true);
    expect(gatedOut('targeted-advertising', text)).toBe(true);
  });

  it.each([
    'Publishers may show ads based on your interests.',
    'Publisher must not use cookies to profile the visitors of its sites.',
  ])('people or their data named, the label stays: %s', (text) => {
    expect(isAdvertiserTerms(text)).toBe(false);
  });
});
