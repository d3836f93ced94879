/**
 * Changes to the product — a rewards programme, prices stated as a condition, "changes to our services" as what
 * the company will tell the user about, the service suspended when the user breaks the terms — are no change of
 * the terms (guide §3 unilateral-change, "Not"; settled 2026-12-07, session 10). Team-written sentences; the near
 * misses change the terms themselves and keep the label.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut, isProductChange } from '../../lib/classify/rules/gates';

describe('a change to the product, not to the terms', () => {
  it.each([
    'We may end or alter the loyalty programme at any time without telling you first.',
    'If our fees increase, you will get two weeks of notice and may leave before the new fee applies.',
    '* to tell you about changes to our app',
    'We may suspend or discontinue the service if you have breached these Terms or our Community Guidelines.',
  ])('gates %s', (text) => {
    expect(isProductChange(text)).toBe(true);
    expect(gatedOut('unilateral-change', text)).toBe(true);
  });

  it.each([
    'We may amend these Terms and our fees at any time by posting the new version.',
    'If our fees increase, we will update these Terms and tell you by e-mail.',
    'We will tell you about changes to our app and to this privacy notice.',
    'We may change the loyalty programme rules set out in these Terms at any time.',
  ])('keeps %s', (text) => {
    expect(isProductChange(text)).toBe(false);
  });
});
