/**
 * Denials the stance rules used to read as the practice, and permissions they used to read as denials (the
 * sixth explanation check, issue 23). Team-written sentences in the shapes the check found.
 */
import { describe, expect, it } from 'vitest';
import { exceptionBeyondConsent } from '../../lib/classify/rules/exception-alternatives';
import { shownStance } from '../support/clauses';

/** The stance of `category`, painted or "possible" (both get the same stance rules). */
const stanceOf = (text: string, category: string, headingPath: string[] = []) =>
  shownStance(text, category, { headingPath });

describe('a company denial, however it is written', () => {
  it.each([
    // A denial stressed in capitals.
    ['Brightline Books does NOT use third-party analytics tools such as tracking pixels.', 'data-sharing'],
    // An adverb between the subject and the negation, and a retention verb (save, log).
    [
      'We also don’t save your search terms alongside your IP address, and never log your queries to disk.',
      'data-retention',
    ],
    // "have no way to" + a practice.
    ['We have no way to keep a history of the searches you run or the pages you read.', 'data-retention'],
  ] as const)('%s → denies', (text, category) => {
    expect(stanceOf(text, category)).toBe('denies');
  });
});

describe('a negation the practice does not carry', () => {
  it.each([
    'Because aggregated information does not personally identify you, we may collect, use, and disclose such information for any lawful purpose.',
    'Since de-identified data does not identify you, we may share it with our partners.',
  ])('a reason given in a because-clause denies nothing of the main clause: %s', (text) => {
    expect(stanceOf(text, 'data-sharing')).toBe('permits');
  });

  it('a practice inside the because-clause is still denied', () => {
    expect(
      stanceOf(
        'Because we do not share your e-mail address with advertisers, you will not receive their offers.',
        'data-sharing',
      ),
    ).toBe('denies');
  });
});

describe('a denial that opens an enumerated list (guide R8, settled 2026-12-08)', () => {
  const text =
    'Mailco shall not (i) sell personal information contained in Customer Data; (ii) share personal information contained in Customer Data with third parties for cross-context behavioral advertising; or (iii) retain it for longer than the business purpose needs.';

  it.each(['data-sharing', 'targeted-advertising', 'data-retention', 'data-sale'])(
    'every item is denied: %s',
    (category) => {
      expect(stanceOf(text, category)).toBe('denies');
    },
  );

  it('a user prohibition stays a user prohibition', () => {
    expect(
      stanceOf(
        'You shall not (a) copy the app; (b) share your login details with any third party; or (c) resell the service.',
        'data-sharing',
      ),
    ).not.toBe('denies');
  });

  it('a list that the negation does not open is read item by item', () => {
    expect(
      stanceOf(
        'We will (i) never sell your personal data; and (ii) keep your order details for six years.',
        'data-retention',
      ),
    ).toBe('permits');
  });
});

describe('an exception that points to another document (guide R4, settled 2026-12-08)', () => {
  it.each([
    'We never share your e-mail address with other companies except in accordance with our Privacy Notice.',
    'Acme does not share the personal data of its members with third parties other than pursuant to the Acme Privacy Policy.',
  ])('unclear: %s', (text) => {
    expect(stanceOf(text, 'data-sharing')).toBe('unclear');
  });

  it('an exception with its own case stays a real use', () => {
    expect(
      stanceOf(
        'We never share your e-mail address with other companies except to deliver the parcels you order.',
        'data-sharing',
      ),
    ).toBe('permits');
  });
});

describe('"and not <practice>" with an open exception (guide R4)', () => {
  it('reads as unclear', () => {
    expect(
      stanceOf(
        // The parties' mutual confidentiality is no sharing at all (contract gates): the user's data here.
        'We will keep your order history on our servers and not disclose it to third parties except as permitted in these Terms.',
        'data-sharing',
      ),
    ).toBe('unclear');
  });
});

describe('"and not" that denies no company practice', () => {
  it('a user obligation is no company denial', () => {
    expect(
      stanceOf(
        'You must keep your password safe and not share your account details with any third party.',
        'data-sharing',
      ),
    ).not.toBe('denies');
  });

  it('a right to opt out "and not be bound" keeps arbitration', () => {
    expect(
      stanceOf(
        'You have the right to opt out and not be bound by the arbitration provisions by sending us written notice within 30 days.',
        'arbitration',
      ),
    ).toBe('permits');
  });
});

describe('mixed units (guide §4.4)', () => {
  it('a denial followed by "however, we share …" permits', () => {
    expect(
      stanceOf(
        'Lumo does not share your listening profile with advertisers; however, we share anonymous device details with them to measure campaigns.',
        'data-sharing',
      ),
    ).toBe('permits');
  });

  it('a turn to a legal obligation keeps the denial', () => {
    expect(
      stanceOf(
        'We do not share your listening profile with advertisers; however, we share data with police where we are required to do so.',
        'data-sharing',
      ),
    ).toBe('denies');
  });
});

describe('an exception with several triggers (guide R4)', () => {
  it('ordinary use or a list of circumstances besides consent: permits', () => {
    expect(
      stanceOf(
        'Pinecone does not share information about you with other companies, except to provide services you have requested, when we have your permission or in the following circumstances:',
        'data-sharing',
      ),
    ).toBe('permits');
  });

  it('an open exception beside consent: unclear', () => {
    expect(
      stanceOf(
        'We will not transfer your personal data to other companies except as specified below, or where you consent to such transfer.',
        'data-sharing',
      ),
    ).toBe('unclear');
  });

  it.each([
    'We do not share your information with other companies except with your consent or as required by law.',
    'We do not share your information with other companies unless you ask us to or we are legally required to.',
  ])('consent or a legal obligation alone keeps the denial: %s', (text) => {
    expect(stanceOf(text, 'data-sharing')).toBe('denies');
  });
});

describe('an exclusion-only sentence (guide R5)', () => {
  it('denies the practice for what it excludes', () => {
    expect(
      stanceOf(
        'All the above categories of recipients exclude your text message opt-in records.',
        'data-sharing',
        ['How we disclose information', 'Disclosing to third parties'],
      ),
    ).toBe('denies');
  });
});

describe('exceptionBeyondConsent', () => {
  it('reads "or" inside one trigger as part of it', () => {
    expect(
      exceptionBeyondConsent(
        ' by advertisers, unless you have provided the advertiser or other website with your express permission.',
      ),
    ).toBe(false);
  });

  it('finds ordinary use beside the consent', () => {
    expect(
      exceptionBeyondConsent(
        ' with other companies, except to provide products or services you have requested, when we have your permission or in the following circumstances:',
      ),
    ).toBe(true);
  });
});
