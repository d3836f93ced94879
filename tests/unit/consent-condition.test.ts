/**
 * Guide §4.2 R1 (settled 2026-12-07, session 10): more forms of a practice that waits for the user's consent,
 * read as `denies`. Team-written sentences; each near miss keeps the practice on by default.
 */
import { describe, expect, it } from 'vitest';
import { classifyOne } from '../support/clauses';
import { consentCondition } from '../../lib/classify/rules/consent-condition';

describe('a consent condition in the forms consentFirst does not read', () => {
  it.each([
    'Also, with your permission, we may pass your contact details to travel partners who want to send you offers.',
    'In addition, if you have provided consent in the app, our crash-reporting partner will receive device data.',
    'If you opt into address book matching, your profile will be shown to members who also opted in and have your number.',
    'You will see which details go to the insurer, and you need to consent to the transfer before it happens.',
    'Reminders by text message go through our messaging provider, a channel where we need your consent.',
  ])('denies: %s', (text) => {
    expect(consentCondition(text)).toBe(true);
  });

  it.each([
    'Also, we may pass your contact details to travel partners who want to send you offers.',
    'With your permission or where the law allows it, we pass your details to travel partners.',
    'We may send you offers if you have opted in or when we have a legitimate interest in doing so.',
    'Where the law requires your consent, we will ask for it before passing your details on.',
    'We share usage data with our hosting provider and the event organisers (where you have provided your consent).',
    'We show offers that might interest you. We only tailor them when you have provided your consent.',
    'If you have provided consent, we share your details with partners; you can opt out at any time.',
  ])('does not deny: %s', (text) => {
    expect(consentCondition(text)).toBe(false);
  });

  it('turns the sharing stance of such a sentence to denies in the classifier', () => {
    const text =
      'Additionally, with your consent, we may share the personal information you give us with companies outside our group who want to market their products to you.';
    const c = classifyOne(text);
    const sharing = [...c.labels, ...(c.possible ?? [])].find((l) => l.category === 'data-sharing');
    expect(sharing?.stance).toBe('denies');
  });
});
