/**
 * Guide §3 (settled 2026-12-07): business-contract clauses that read like privacy practices — a licence to a
 * defined customer party, a grant over account data, a cancellation right, a price increase, a notices clause,
 * mutual confidentiality, sources named after "receive … from" — and the content-licence shapes the card or
 * the stance misread (ownership passing, a grant beside duties about the content). Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import {
  contractGatedOut,
  isAccountDataGrant,
  isContractAssignment,
  isConfidentialityClause,
  isLicenceToCustomerParty,
  isNoticesClause,
  isPriceIncrease,
  userGrantsContentRights,
  withSourcesBlanked,
} from '../../lib/classify/rules/contract-gates';
import { gatedOut } from '../../lib/classify/rules/gates';
import { explainLabel, extractSlots } from '../../lib/explain';
import { isCancellationRight, ownershipPasses } from '../../lib/explain/contract-shapes';
import { classifyOne, shownCategories, shownLabels } from '../support/clauses';

const classify = classifyOne;
const categories = shownCategories;

describe('a licence the service grants a defined customer party', () => {
  it.each([
    'The Provider grants the Customer a non-exclusive licence to use the tools made available to it during the Contract.',
    'Acme grants the Client a limited, revocable licence to install the software on its own servers.',
    'A personal right to use the dashboard is granted to the Subscriber for the term of the order.',
    // An ad network's business customers (settled 2026-12-08).
    'During the Term, Adnet grants Publisher a non-exclusive, non-sublicensable right to access the Adnet Platform solely to display advertisements on Publisher Sites.',
    'Adnet grants the Advertiser a limited licence to use the reporting dashboard while its campaign runs.',
  ])('not a content licence: %s', (text) => {
    expect(isLicenceToCustomerParty(text)).toBe(true);
    expect(contractGatedOut('content-license', text)).toBe(true);
    expect(categories(text)).not.toContain('content-license');
  });

  it.each([
    // The customer granting, or its content named: a content licence stays.
    'The Customer grants the Provider a licence to host and copy the Customer Content to run the service.',
    'Acme grants the Client a licence to the tools, and the Client grants Acme a licence to display its uploads.',
    'Adnet grants Publisher access to its reports, and Publisher grants Adnet a licence to display the comments its readers post.',
    'You grant us a worldwide licence to use the photos you upload.',
    // The user granting other users: "the users" are not granted anything by the service here.
    'You also irrevocably grant the users of the app the right to view your content in their feeds.',
  ])('stays a content licence: %s', (text) => {
    expect(isLicenceToCustomerParty(text)).toBe(false);
  });
});

describe('a grant over account or personal information', () => {
  it.each([
    'The Customer grants Acme and its subcontractors the right to store, process and retrieve the Account Information in connection with the Service.',
    'You give us permission to store and process your registration details so that we can run your account.',
  ])('not a content licence: %s', (text) => {
    expect(isAccountDataGrant(text)).toBe(true);
    expect(categories(text)).not.toContain('content-license');
  });

  it.each([
    'You grant us the right to use the content and information you post on the forum.',
    'You grant us a licence to reproduce the files you upload, including any personal data in them.',
    // Using or publishing it is a licence over it; "Customer Data" is what the customer puts into the service.
    'You give us permission to publicly reference and use your profile information in our showcase.',
    'The Customer grants us the right to store and process Customer Data to improve the Services.',
  ])('stays a content licence: %s', (text) => {
    expect(isAccountDataGrant(text)).toBe(false);
  });
});

describe('ownership of the content passing to the company', () => {
  const card = (text: string) =>
    explainLabel({ category: 'content-license', stance: 'permits' }, extractSlots(text), text);

  it.each([
    'Your reviews automatically become the property of Acme, and you waive any moral rights in them.',
    'You hereby assign to us all right, title and interest in the designs you submit.',
  ])('the card says ownership passes: %s', (text) => {
    expect(ownershipPasses(text)).toBe(true);
    expect(card(text)).toMatch(/ownership/);
    expect(card(text)).not.toMatch(/^You give them a licence/);
  });

  it.each([
    'You grant us a licence to display your reviews on the site.',
    'Your reviews do not become our property; you retain all rights in them.',
  ])('the licence card: %s', (text) => {
    expect(ownershipPasses(text)).toBe(false);
    expect(card(text)).not.toMatch(/ownership of/);
  });
});

describe('a user grant beside duties about the content', () => {
  // The stance is the rules' whether or not the model paints the label (painted or listed as possible).
  const stance = (text: string) =>
    shownLabels(classify(text)).find((l) => l.category === 'content-license')?.stance;

  it('is permits, not user-prohibited', () => {
    const text =
      'Remember that you are responsible for your posts, which you give us rights to use. Your posts shall be free of charge and only contain material you are allowed to use.';
    expect(userGrantsContentRights(text)).toBe(true);
    expect(stance(text)).toBe('permits');
  });

  it.each([
    'You do not grant us any rights in your drafts.',
    'You may not license or resell any content from the service.',
  ])('no grant: %s', (text) => {
    expect(userGrantsContentRights(text)).toBe(false);
  });
});

describe('a right to cancel a purchase or withdraw from a contract', () => {
  const card = (text: string) =>
    explainLabel({ category: 'user-choice', stance: 'permits' }, extractSlots(text), text);

  it.each([
    'The cancellation right must be exercised before the end of the period, using the form in the customer area or by registered letter.',
    'You have the right to withdraw from this contract within fourteen days without giving any reason.',
    'To exercise the right of withdrawal, send us the withdrawal form before the deadline.',
  ])('the card speaks of the contract, not of privacy rights: %s', (text) => {
    expect(isCancellationRight(text)).toBe(true);
    expect(card(text)).toMatch(/contract/);
    expect(card(text)).not.toMatch(/privacy/);
    expect(extractSlots(text).choice).not.toBe('use your privacy rights');
  });

  it.each([
    'You have the right to withdraw your consent at any time in your settings.',
    'You may cancel your subscription to our marketing newsletter at any time.',
    'You may cancel this agreement and close your account at any time.',
  ])('a choice over data keeps its card: %s', (text) => {
    expect(isCancellationRight(text)).toBe(false);
    expect(card(text)).not.toMatch(/right over the contract/);
  });
});

describe('a price increase the customer may answer by terminating', () => {
  it('is a product change, not a change of the terms', () => {
    const text =
      'In that case the Customer, upon notice of the increase, may terminate the affected services within two months at no cost.';
    expect(isPriceIncrease(text)).toBe(true);
    expect(categories(text)).not.toContain('unilateral-change');
  });

  it.each([
    'We may change these Terms at any time, and any increase will be notified to you in advance.',
    'If the update increases the price, we will tell you.',
    // "These changes" are the changes to the terms the clause speaks of.
    'If these changes lead to an increase in your fees, you are deemed to accept the increase unless you cancel.',
  ])('not this shape: %s', (text) => {
    expect(isPriceIncrease(text)).toBe(false);
  });
});

describe('a notices clause that names arbitration in passing', () => {
  it('is not arbitration', () => {
    const text =
      'This section does not apply to the service of any documents in a court action or, where relevant, any arbitration or other way of settling disputes.';
    expect(isNoticesClause(text)).toBe(true);
    expect(categories(text)).not.toContain('arbitration');
  });

  it.each([
    'Any dispute shall be resolved by binding arbitration, and documents may be served by e-mail.',
    'You agree to arbitrate all claims, and you waive any right to a jury trial.',
    // The step before arbitration, sent to the agent named on a page for service of process.
    'Send your informal notice of dispute to our agent, as explained on our Service of Process page.',
  ])('arbitration itself stays: %s', (text) => {
    expect(isNoticesClause(text)).toBe(false);
  });
});

describe("the parties' mutual confidentiality", () => {
  it.each([
    'These confidentiality obligations do not apply to information that the recipient Party already knew before the other Party disclosed it.',
    'The receiving party may disclose Confidential Information to its lawyers and auditors who need to know it.',
  ])('not data-sharing: %s', (text) => {
    expect(isConfidentialityClause(text)).toBe(true);
    expect(categories(text)).not.toContain('data-sharing');
  });

  it.each([
    'Confidential Information includes the personal data of your end users, which we share with our hosting providers.',
    'We share your information with our partners under a confidentiality agreement.',
    // Not a defined term: the company's own standard of care for users' content.
    'We protect the files in your private folders from disclosure as we protect our own confidential information.',
    // Recipients of the company's sharing, bound to secrecy: still sharing.
    'Our accountants and lawyers, subject to binding obligations of confidentiality;',
    'Our hosting providers may store details of your orders on our behalf, subject to confidentiality obligations.',
  ])('names users’ data, stays: %s', (text) => {
    expect(isConfidentialityClause(text)).toBe(false);
  });
});

describe('the parties assigning the agreement (settled 2026-12-08)', () => {
  it.each([
    'Neither party may assign the Agreement without the written approval of the other, save that either party may assign it to an affiliate or on a sale of all or substantially all of its assets.',
    'Either party may assign this contract to a group company or to the buyer of its business.',
  ])('not data-sharing or data-sale: %s', (text) => {
    expect(isContractAssignment(text)).toBe(true);
    expect(contractGatedOut('data-sharing', text)).toBe(true);
    expect(contractGatedOut('data-sale', text)).toBe(true);
    expect(categories(text)).not.toContain('data-sharing');
  });

  it.each([
    'If we sell our business, we may assign these Terms and transfer your account data to the buyer.',
    'We may assign this Agreement and the personal information we hold about you to a successor.',
  ])('names data, stays: %s', (text) => {
    expect(isContractAssignment(text)).toBe(false);
  });
});

describe('sources named after "receive … from"', () => {
  it.each([
    'Partners and Resellers: We may receive information about you from third parties such as vendors, resellers or affiliates.',
    'We also obtain details about your company from vendors and data providers.',
  ])('collection, not sharing: %s', (text) => {
    expect(withSourcesBlanked(text)).not.toMatch(/vendors/);
    expect(gatedOut('data-sharing', text)).toBe(true);
    expect(categories(text)).not.toContain('data-sharing');
  });

  it.each([
    'We may receive information about you from vendors, and we share it with our advertising partners.',
    'We receive data from resellers and disclose it to service providers who host it.',
    // A request from authorities leads to a disclosure.
    'We may get requests for your account details from the police or the courts.',
    // Sources that collect for the company, or a transfer after the collection.
    'We may collect usage data about you from analytics companies that collect it on our behalf on our site.',
    'We are responsible for the data we collect from you and subsequently transfer to agents acting for us.',
    // The company and its partners using what it obtains.
    'We and our ad partners use details we obtain from data brokers to pick the ads you see.',
  ])('a disclosure in the rest stays: %s', (text) => {
    expect(gatedOut('data-sharing', text)).toBe(false);
  });
});
