/**
 * Guide §4.2 R1 for sharing, sale and ads: the consent condition in the forms policies write it after the
 * practice ("…, where we have your permission to do so", "subject to your consent", "…, if you agree") or
 * opening it ("With your consent, …"). Consent as one legal basis among others stays the practice.
 * Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { consentFirst } from '../../lib/explain/consent-first';
import { paintedLabel } from '../support/clauses';

const stanceOf = (text: string, category: string) => paintedLabel(text, category)?.stance;

describe('a consent condition after the practice, or opening it', () => {
  it.each([
    [
      'We will also use your quiz answers to show you targeted ads, where we have your permission to do so.',
      'targeted-advertising',
    ],
    [
      'Our ad partners may use your device identifiers, subject to your consent, to personalise the ads you see.',
      'targeted-advertising',
    ],
    ['We share your contact details with a partner charity, if you agree.', 'data-sharing'],
    ['With your consent, we may share your e-mail address with the review site.', 'data-sharing'],
    // The sixth check (issue 23): the condition after the practice, as a requirement (a legal-basis cell), or
    // naming the users who opted in.
    ['We may share your contact details with our partner charities with your consent.', 'data-sharing'],
    [
      'We share your e-mail address with our event partners to arrange your tickets. | Consent - Your opt-in will be required for us to arrange the tickets.',
      'data-sharing',
    ],
    [
      "For customers who have opted into partner offers, sending you details of our partners' promotions that may interest you;",
      'targeted-advertising',
    ],
  ] as const)('%s → denies', (text, category) => {
    expect(consentFirst(text)).toBe(true);
    expect(stanceOf(text, category)).toBe('denies');
  });

  it.each([
    // Consent as one legal basis among others, or a basis named for the processing.
    'We share your passport details with border authorities for legal obligations or based on your consent.',
    'We may disclose health information to authorities based on your consent or a legal obligation.',
    'We share your data with partners with your consent or as required by law.',
    // Agreeing to the terms is no consent to the practice.
    'If you agree to these terms, we share your profile with the clubs you join.',
    // Consent covering only part of the practice, or one trigger among others.
    'We share your details with service providers and, with your consent, with charities.',
    'We may share your details with partners with your consent or where the law requires it.',
    'We do not share it with other companies, except to provide services you asked for, when we have your permission or in the following circumstances:',
    'We only use and disclose your health data for the purposes the statute lists or otherwise in line with your consent.',
    // A legal-basis cell naming consent (R10).
    'To share information with our partners so they can tell you about their courses | With your consent |',
    // On by default with a way out.
    'Subject to your consent, we share your data with ad partners, and you can opt out at any time.',
  ])('stays the practice: %s', (text) => {
    expect(consentFirst(text)).toBe(false);
  });
});
