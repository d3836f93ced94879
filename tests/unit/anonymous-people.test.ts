/**
 * "Anonymous" said of people or of the user's own act, and claims grouped "on an aggregated basis", are no
 * de-identification (guide §3, settled 2026-12-07, session 10). Team-written sentences; the near misses make or
 * use data in anonymous or aggregated form and keep the label.
 */
import { describe, expect, it } from 'vitest';
import { isAnonymousWordOnly } from '../../lib/classify/rules/anonymous-word';
import { gatedOut } from '../../lib/classify/rules/gates';
import { isAggregatedClaims } from '../../lib/classify/rules/not-the-practice';

describe('anonymous people and grouped claims, not de-identification', () => {
  it.each([
    'To see which pages anonymous visitors open most often.',
    'Complaints about a seller can be sent anonymously through the help page.',
  ])('gates %s', (text) => {
    expect(isAnonymousWordOnly(text)).toBe(true);
    expect(gatedOut('de-identification', text)).toBe(true);
  });

  it('gates claims brought on an aggregated basis', () => {
    const text = 'No claim may be brought on a class or aggregated basis, and each dispute is heard alone.';
    expect(isAggregatedClaims(text)).toBe(true);
    expect(gatedOut('de-identification', text)).toBe(true);
  });

  it.each([
    'We group what we learn into anonymous visitor profiles for our advertisers.',
    'After you leave, your reviews are converted to anonymous reviews.',
  ])('keeps %s', (text) => {
    expect(isAnonymousWordOnly(text)).toBe(false);
  });

  it('keeps data reported in aggregated form beside a claims clause', () => {
    expect(
      isAggregatedClaims('For class or aggregated claims we may share aggregated statistics with the court.'),
    ).toBe(false);
  });
});
