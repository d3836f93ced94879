/**
 * The practice named only as the topic of information the user may ask for (guide §3 automated-decisions and
 * data-retention, settled 2026-12-07, session 10): no label for it. A right to act on the practice, or a sentence
 * in which the company states it, keeps the label. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import { isRightObjectOnly } from '../../lib/classify/rules/right-object';
import type { CategoryId } from '../../lib/classify/taxonomy';

describe('a practice named only as what the user may ask about', () => {
  it.each<[string, CategoryId, string | undefined]>([
    [
      'Members are also entitled to be given information from our records on where the data came from and on whether any automated decision-making is used.',
      'automated-decisions',
      undefined,
    ],
    [
      'an explanation of the purposes of the processing and information on how we set the retention periods;',
      'data-retention',
      'You have the right to obtain:',
    ],
    [
      'You have the right to request information about whether your account data is retained after you close it.',
      'data-retention',
      undefined,
    ],
    // A nested list whose lead-in the extractor took from the sibling item before it.
    [
      'information about the purposes of the processing and about how we set retention periods;',
      'data-retention',
      '* confirmation of whether we hold data about you;',
    ],
  ])('gates %s', (text, category, leadIn) => {
    expect(isRightObjectOnly(category, text, leadIn)).toBe(true);
    expect(gatedOut(category, text, leadIn)).toBe(true);
  });

  it.each<[string, CategoryId, string | undefined]>([
    // A right to act on the practice presupposes it (the gold labels these).
    [
      'You have the right not to be subject to a decision made solely by automated means that affects you significantly.',
      'automated-decisions',
      undefined,
    ],
    [
      'You may ask us to delete the account data we retained, subject to some exceptions.',
      'data-retention',
      undefined,
    ],
    // The company states the practice beside the right.
    [
      'We keep your messages for a year. You can request information about how long we keep other data.',
      'data-retention',
      undefined,
    ],
    // A description of the practice, not what the user asks for.
    [
      'Information about your orders is retained for seven years to meet tax rules.',
      'data-retention',
      undefined,
    ],
    // Another category is not this gate's.
    [
      'You have the right to request information about whether your account data is retained after you close it.',
      'data-sharing',
      undefined,
    ],
  ])('keeps %s', (text, category, leadIn) => {
    expect(isRightObjectOnly(category, text, leadIn)).toBe(false);
  });
});
