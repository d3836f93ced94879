/**
 * Clauses that state no practice (data/GUIDE.md, settled 2026-12-07): a pointer to general information, an
 * overview of a named section, a contact line (no choice), a lead-in that is only a subject and an auxiliary,
 * a definition of what data covers, a disclaimer of what others do with what the user shared. And the shapes
 * beside them that keep their labels, as the gold has them. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import {
  isContactLine,
  isDataDefinition,
  isLeadInFragment,
  isPointer,
  isSectionOverview,
  isUserSharingDisclaimer,
} from '../../lib/classify/rules/non-statements';
import type { CategoryId } from '../../lib/classify/taxonomy';
import { shownCategories } from '../support/clauses';

const categories = shownCategories;

describe('a pointer to general information', () => {
  it.each([
    [
      "To better understand how interest-based advertising works, please visit the industry's help pages.",
      'targeted-advertising',
    ],
    [
      "To learn more about how online ads are targeted, you can visit the advertising alliance's education page.",
      'targeted-advertising',
    ],
    [
      "To learn more about cross-border data flows, please visit the regulator's website.",
      'international-transfer',
    ],
    [
      'Please click here to see the list of countries the UK Government has found to protect data adequately.',
      'international-transfer',
    ],
    [
      'See the "Storage" section below for more information about the criteria for different kinds of records.',
      'data-retention',
    ],
  ] as const)('no label: %s', (text, category: CategoryId) => {
    expect(isPointer(text)).toBe(true);
    expect(gatedOut(category, text)).toBe(true);
    expect(categories(text)).not.toContain(category);
  });

  it.each([
    // The company acting, its instrument, a copy it holds: the practice is stated (as the gold has it).
    [
      'For more information about how we may disclose your data to third parties, please see the "Sharing" section.',
      'data-sharing',
    ],
    [
      "To learn more about the Data Privacy Framework and to view our certification, please visit the Framework's website.",
      'international-transfer',
    ],
    [
      'For a copy of the standard contractual clauses, please contact our privacy team.',
      'international-transfer',
    ],
    [
      'See the "Partners" section for more information on the advertisers who may also collect data on our site.',
      'targeted-advertising',
    ],
    // A control named: the choice and the practice (R2).
    [
      'To opt out of interest-based ads from our partners, visit the industry opt-out page.',
      'targeted-advertising',
    ],
    // No topic of its own: it reads with the sentence before.
    ['For more information, please see our advertising notice.', 'targeted-advertising'],
  ] as const)('keeps its labels: %s', (text, category: CategoryId) => {
    expect(isPointer(text)).toBe(false);
    expect(gatedOut(category, text)).toBe(false);
  });

  it('the pointers the gold labels keep their painted labels', () => {
    expect(
      categories(
        'For more information about how we may disclose your data to third parties, please see the "Sharing" section.',
      ),
    ).toContain('data-sharing');
    expect(
      categories(
        "To learn more about the Data Privacy Framework and to view our certification, please visit the Framework's website.",
      ),
    ).toContain('international-transfer');
    expect(
      categories('To opt out of interest-based ads from our partners, visit the industry opt-out page.'),
    ).toEqual(expect.arrayContaining(['targeted-advertising', 'user-choice']));
  });
});

describe('an overview of a section named by its title or number', () => {
  const overview =
    'In the "Local rules" section, we provide more information for residents of Brazil, including the legal bases for processing, international transfers and the rights available there. We also provide more information for residents of Canada.';

  it('no label, its continuation included', () => {
    expect(isSectionOverview(overview)).toBe(true);
    expect(gatedOut('international-transfer', overview)).toBe(true);
    expect(categories(overview)).toEqual([]);
  });

  it.each([
    'In Section 7, we explain how you can opt out of the sale of your data.',
    'In the "Transfers" section, we provide more information. We transfer your data to our offices in Japan.',
    'In those countries, we provide the service through local partners.',
  ])('not an overview (a choice, a practice stated, no section): %s', (text) => {
    expect(isSectionOverview(text)).toBe(false);
  });
});

describe('a contact line', () => {
  it.each([
    'If you have any questions about this Privacy Policy, you can contact our privacy team by e-mail or by writing to us at the following address:',
    'For any questions, you can reach out to our support team using the form on this page.',
  ])('no user-choice: %s', (text) => {
    expect(isContactLine(text)).toBe(true);
    expect(gatedOut('user-choice', text)).toBe(true);
  });

  it.each([
    'If you have concerns about the outcome of your appeal, you may contact the attorney general of your state.',
    'If you have questions or wish to exercise your rights, please contact our privacy team.',
    'If you have questions about this policy or want to delete your account, write to us.',
  ])('how to exercise a named right stays a choice: %s', (text) => {
    expect(isContactLine(text)).toBe(false);
    expect(gatedOut('user-choice', text)).toBe(false);
  });

  it('what it asks about keeps its own label', () => {
    const text =
      'If you have questions about the safeguards we apply to international transfers, you can contact us.';
    expect(gatedOut('international-transfer', text)).toBe(false);
    expect(categories(text)).toContain('international-transfer');
  });
});

describe('a lead-in that is only a subject and an auxiliary', () => {
  it.each([
    ['You may:', 'user-choice'],
    ['In those cases, the transfer will be:', 'international-transfer'],
    ['On your phone, you can:', 'user-choice'],
    ['This licence is:', 'content-license'],
  ] as const)('no label: %s', (text, category: CategoryId) => {
    expect(isLeadInFragment(text)).toBe(true);
    expect(gatedOut(category, text)).toBe(true);
  });

  it.each([
    ['We share your data with:', 'data-sharing'],
    ['Where we transfer your data abroad, it will be:', 'international-transfer'],
    ['Your data may be shared with partners that are:', 'data-sharing'],
    ['You have the right to:', 'user-choice'],
  ] as const)('states the practice or the right: %s', (text, category: CategoryId) => {
    expect(isLeadInFragment(text)).toBe(false);
    expect(gatedOut(category, text)).toBe(false);
  });

  it('a lead-in that states the practice keeps its label', () => {
    expect(categories('We share your data with:')).toContain('data-sharing');
  });
});

describe('a definition of what data covers', () => {
  const definition =
    'As explained above, personal data includes pseudonymous identifiers such as a mobile advertising ID, a hashed e-mail address or a cookie ID.';

  it('no label', () => {
    expect(isDataDefinition(definition)).toBe(true);
    expect(gatedOut('targeted-advertising', definition)).toBe(true);
    expect(categories(definition)).toEqual([]);
  });

  it.each([
    'Personal data includes the identifiers we share with our advertising partners.',
    'The information may include your name, your e-mail address and your phone number.',
    'Usage data means the pages you view, which we use to target ads.',
  ])('a practice stated, or not a definition: %s', (text) => {
    expect(isDataDefinition(text)).toBe(false);
  });
});

describe('a definition of what a named technology is (settled 2026-12-08)', () => {
  it.each([
    'Cookies are files with a small amount of data that can hold an anonymous unique identifier.',
    'A pixel is a tiny image that may carry an anonymous number for your browser.',
  ])('no label: %s', (text) => {
    expect(isDataDefinition(text)).toBe(true);
    expect(gatedOut('de-identification', text)).toBe(true);
    expect(categories(text)).not.toContain('de-identification');
  });

  it.each([
    'Cookies are small text files that we use to show you ads.',
    'Cookies are small files that help us remember your settings.',
    'Pixels are tiny images that let advertisers know you opened an e-mail.',
  ])('someone acts, or a purpose is named: %s', (text) => {
    expect(isDataDefinition(text)).toBe(false);
  });
});

describe('what others do with what the user decided to share', () => {
  it('a liability term, not a disclosure', () => {
    const text =
      'We are not responsible for how other people may view or copy your designs as a result of your decision to share a project.';
    expect(isUserSharingDisclaimer(text)).toBe(true);
    expect(gatedOut('data-sharing', text)).toBe(true);
  });

  it.each([
    'You can choose to share your playlists with your followers on your profile.',
    'If you choose to share a post with a social network, we send the post to that network.',
    'We are not responsible for third-party apps you decide to share your data with.',
  ])('a feature that shares, or a company recipient, stays sharing: %s', (text) => {
    expect(isUserSharingDisclaimer(text)).toBe(false);
    expect(gatedOut('data-sharing', text)).toBe(false);
  });
});
