/**
 * Guide §3: personalised recommendations alone are personalisation, not targeted advertising; a word of
 * ads, marketing or offers keeps the label. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';

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
