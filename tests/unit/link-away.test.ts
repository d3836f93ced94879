/**
 * A link away to another site, whose own privacy policy applies, is no disclosure (guide §3 data-sharing, "Not",
 * settled 2026-12-07, session 10). Team-written sentences; the near misses pass data or let the other site
 * collect on the company's pages, and keep the label.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import { isLinkAwayOnly } from '../../lib/classify/rules/link-away';

describe('a link away, not a disclosure', () => {
  it.each([
    "If you follow a link to a partner shop, you leave our site and the shop's own privacy policy applies.",
    'Pressing a button to share our article on a social network takes you to that network, and you are then subject to the privacy notice of that network.',
  ])('gates %s', (text) => {
    expect(isLinkAwayOnly(text)).toBe(true);
    expect(gatedOut('data-sharing', text)).toBe(true);
  });

  it.each([
    'When you follow a link to a partner shop, we pass your basket to the shop, whose own privacy policy applies.',
    "Social network buttons on our pages set cookies, and that network's own privacy policy applies.",
    'Our site links to partner shops.',
  ])('keeps %s', (text) => {
    expect(isLinkAwayOnly(text)).toBe(false);
  });
});
