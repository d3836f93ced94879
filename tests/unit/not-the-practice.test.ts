/**
 * Clauses that use a category's words for something else (guide §3 and R7, settled 2026-12-07): a deadline for
 * answering requests, where the user lives, a sentence that only names a term, the user keeping ownership of
 * their content, a licence the user receives, a permission to pass payment details on, the user's own public
 * posts, the law that governs the arbitration agreement. Team-written sentences; each has a near miss that keeps
 * its label.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import {
  isLawOfArbitrationAgreement,
  isLicenceGivenToUser,
  isNamingOnly,
  isOwnershipOnly,
  isPersonalDataPassingGrant,
  isRequestDeadline,
  isUserLocationOnly,
  isUserOwnPosting,
} from '../../lib/classify/rules/not-the-practice';
import type { CategoryId } from '../../lib/classify/taxonomy';
import { shownCategories } from '../support/clauses';

const categories = shownCategories;

describe('shapes gated out of a category', () => {
  it.each<[string, CategoryId, (t: string) => boolean]>([
    [
      'We will answer deletion and access requests within 30 days unless the law sets a shorter deadline.',
      'data-retention',
      isRequestDeadline,
    ],
    [
      'Any account left unused for four (4) years may be closed if you are located in Canada, or after three (3) years if you are located anywhere else.',
      'international-transfer',
      isUserLocationOnly,
    ],
    [
      'If you live in the European Union, the controller of your data is Lumo Europe Ltd.',
      'international-transfer',
      isUserLocationOnly,
    ],
    [
      'The mediation and arbitration rules in Sections 9.1 and 9.2 are together referred to as the "Dispute Terms."',
      'arbitration',
      isNamingOnly,
    ],
    [
      // A term defined by a condition (settled 2026-12-08).
      'Both parties agree that claims are "alike in kind" if they stem from the same incident and ask for the same sort of remedy.',
      'arbitration',
      isNamingOnly,
    ],
    ['You own all right, title and interest in your photos.', 'content-license', isOwnershipOnly],
    [
      'You represent that you own and control all of the rights to the recipes you post.',
      'content-license',
      isOwnershipOnly,
    ],
    [
      'Permission is granted to download the guides (text or images) on the Lumo website for viewing. This is the grant of a licence, not a transfer of title.',
      'content-license',
      isLicenceGivenToUser,
    ],
    [
      'You are acquiring a limited, non-exclusive and non-transferable right to view the purchased films through the app for your own personal use.',
      'content-license',
      isLicenceGivenToUser,
    ],
    [
      'By entering your card details you grant us the right to pass them to our payment processor.',
      'content-license',
      isPersonalDataPassingGrant,
    ],
    [
      'Other readers: our forums are public and anyone who visits them will be able to see anything you post, such as comments on a recipe.',
      'data-sharing',
      isUserOwnPosting,
    ],
    [
      'To the extent state law applies to any part of this binding arbitration agreement and class action waiver, the laws of the State in which you live will apply.',
      'arbitration',
      isLawOfArbitrationAgreement,
    ],
  ])('%s (%s)', (text, category, shape) => {
    expect(shape(text)).toBe(true);
    expect(gatedOut(category, text)).toBe(true);
    expect(categories(text)).not.toContain(category);
  });

  it.each<[string, (t: string) => boolean]>([
    // The sentence also keeps or deletes data.
    [
      'We will act on your deletion request within 30 days and delete your data from our backups.',
      isRequestDeadline,
    ],
    // A transfer named beside where the user lives.
    [
      'If you are located in the EEA, your data will be transferred to our servers in the US.',
      isUserLocationOnly,
    ],
    // A subject that refers back, or the company acting in it.
    ['This is known as interest-based advertising.', isNamingOnly],
    ['The data we share with partners is referred to as "Partner Data".', isNamingOnly],
    ['Your account is "dormant" if we have not seen you log in for two years.', isNamingOnly],
    // Ownership kept and a licence granted.
    ['You own your photos, but you grant us a licence to display them.', isOwnershipOnly],
    ['You retain any moral rights, and you agree not to assert them against us.', isOwnershipOnly],
    // The user grants rights over their content.
    [
      'You receive a limited right to view the films, and you grant us a licence to use the reviews you post.',
      isLicenceGivenToUser,
    ],
    // Rights over content.
    [
      'By uploading photos you grant us the right to provide them to our print partners.',
      isPersonalDataPassingGrant,
    ],
    // The company passing the posts on.
    ['Anything you post may be seen by other users, and we share it with our partners.', isUserOwnPosting],
    [
      'Subject to your settings, the following may be displayed to other users: (i) reviews that you submit and (ii) the chefs you follow.',
      isUserOwnPosting,
    ],
    // Disputes sent to the arbitration, or when it applies.
    [
      'Disputes between us are governed by the arbitration provision in our Terms.',
      isLawOfArbitrationAgreement,
    ],
    [
      'The arbitration agreement shall not apply if it is unenforceable under the laws of the country in which you live.',
      isLawOfArbitrationAgreement,
    ],
  ])('keeps: %s', (text, shape) => {
    expect(shape(text)).toBe(false);
  });

  it('keeps an item about other users under a lead-in in which the company shares', () => {
    const text = 'To other users when you post information publicly on the app; and';
    expect(isUserOwnPosting(text)).toBe(true);
    expect(isUserOwnPosting(text, 'We may share your information:')).toBe(false);
  });
});
