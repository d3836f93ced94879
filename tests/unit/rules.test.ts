/**
 * Rule layer: negation scope, actor scope, list lead-ins, hedges, conditions. Every sentence here was
 * written by the team for this test (none comes from a real policy).
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import { applyRules } from '../../lib/classify/rules';
import type { CategoryId } from '../../lib/classify/taxonomy';
import { classifyOne, sentence, shownLabels } from '../support/clauses';

const hit = (text: string, category: CategoryId, leadIn?: string) =>
  applyRules({ text, leadIn }).find((h) => h.category === category);

describe('ai-training rules', () => {
  it.each([
    'We may use your posts to train our machine-learning models.',
    'Your conversations help train the models that power the assistant.',
    'Unless you opt out, we use your prompts for training our AI models.',
  ])('permits: %s', (text) => {
    expect(hit(text, 'ai-training')?.stance).toBe('permits');
  });

  it.each([
    'We do not use your files to train our AI models.',
    'We will never train our models on your private messages.',
    'The Provider shall not use Customer Data to train its models.',
    'Chats in private mode are not used to train our models.',
    'We no longer train language models on your uploads.',
    "We won't use your drafts to fine-tune any model.",
  ])('denies: %s', (text) => {
    expect(hit(text, 'ai-training')?.stance).toBe('denies');
  });

  it.each([
    'You may not use the service to train a machine learning model.',
    'You agree not to use any output to train competing AI models.',
    'Users must not scrape content to train artificial intelligence models.',
  ])('user-prohibited: %s', (text) => {
    expect(hit(text, 'ai-training')?.stance).toBe('user-prohibited');
  });

  it('a bare list item inherits the "You may not:" lead-in', () => {
    expect(
      hit('train AI models on content from the platform; or', 'ai-training', 'You may not:')?.stance,
    ).toBe('user-prohibited');
    // The same item under a company lead-in is a practice.
    expect(
      hit('train AI models on content from the platform; or', 'ai-training', 'We use your information to:')
        ?.stance,
    ).toBe('permits');
  });

  it('negation scope stops at the clause boundary', () => {
    const text = 'We do not sell your data, but we use your chats to train our AI models.';
    expect(hit(text, 'ai-training')?.stance).toBe('permits');
    expect(hit(text, 'data-sale')?.stance).toBe('denies');
  });

  it('a negation inside a condition does not deny the practice', () => {
    expect(
      hit('If you do not opt out, partners may use the data to train their own AI models.', 'ai-training')
        ?.stance,
    ).toBe('permits');
  });

  it('a denial with a real exception reads as permits (data guide §4)', () => {
    expect(
      hit('We do not train our models on your chats, except feedback you choose to send us.', 'ai-training')
        ?.stance,
    ).toBe('permits');
  });

  it('a negation inside a quoted control name is not a denial', () => {
    expect(
      hit('You can opt out by clicking "do not train on my content" in settings.', 'ai-training')?.stance,
    ).toBe('permits');
  });

  it('the evidence phrase is verbatim from the clause, curly quotes included', () => {
    const text = 'We don’t use your files to train our AI models.';
    const h = hit(text, 'ai-training')!;
    expect(text).toContain(h.phrase);
    expect(h.stance).toBe('denies');
  });

  it('AI used for a feature is not training', () => {
    expect(
      hit('We use artificial intelligence to detect spam and translate messages.', 'ai-training'),
    ).toBeUndefined();
  });
});

describe('hedges and questions', () => {
  it('a hedged sale denial is unclear', () => {
    expect(hit('We do not sell personal information as traditionally understood.', 'data-sale')?.stance).toBe(
      'unclear',
    );
  });

  it('"not directly" is unclear', () => {
    expect(hit('Files you upload are not used directly to train our models.', 'ai-training')?.stance).toBe(
      'unclear',
    );
  });

  it('a right to opt out of the quoted "sale" of data presupposes it (guide §3 data-sale, session 10)', () => {
    expect(
      hit('You may opt out of the “sale” or “sharing” of your personal information at any time.', 'data-sale')
        ?.stance,
    ).toBe('permits');
  });

  it('a question names the practice without stating it', () => {
    expect(hit('Do we sell your personal information?', 'data-sale')?.stance).toBe('unclear');
  });
});

describe('other families', () => {
  it('retention, not ownership', () => {
    expect(hit('We retain your messages for 30 days after you delete them.', 'data-retention')?.stance).toBe(
      'permits',
    );
    expect(hit('You retain ownership of the content you post.', 'data-retention')).toBeUndefined();
  });

  it('a licence the user grants, not one granted to the user', () => {
    expect(
      hit('You grant us a worldwide, royalty-free licence to host your photos.', 'content-license')?.stance,
    ).toBe('permits');
    expect(hit('We grant you a limited licence to use the app.', 'content-license')).toBeUndefined();
  });

  it('the scope of a licence is not a denial; disclaiming ownership is', () => {
    expect(
      hit('This license does not grant us the right to sell your photos.', 'content-license')?.stance,
    ).toBe('permits');
    expect(
      hit('By submitting feedback, you grant us the right to use it freely.', 'content-license')?.stance,
    ).toBe('permits');
    expect(hit('Someone gives you a licence to re-post their answers.', 'content-license')).toBeUndefined();
  });

  // Our taxonomy's content licence runs from the user to the company; one running to the user is not it.
  it.each([
    'You are granted a revocable licence to read the articles on this site.',
    'Once you pay, you receive a personal, non-sublicensable licence to play the games in your library.',
    'Your licence to access the platform ends when your subscription ends.',
    'We license the software to you on a subscription basis.',
    'The Provider grants the Customer a non-exclusive licence to use the Platform during the term.',
  ])('a licence to the user is no content licence: %s', (text) => {
    expect(hit(text, 'content-license')).toBeUndefined();
  });

  it.each([
    'You grant us a non-exclusive, royalty-free licence to use, reproduce and display the content you upload.',
    'By posting a review, you give us a perpetual licence to publish it.',
    'You keep your photos, but you grant us a licence to host and store them so that we can show them to you.',
  ])('a licence from the user still is: %s', (text) => {
    expect(hit(text, 'content-license')?.stance).toBe('permits');
  });

  it('"you cannot opt out" means no choice', () => {
    expect(hit('You cannot opt out of service announcements.', 'user-choice')?.stance).toBe('denies');
    expect(hit('You can opt out of marketing emails at any time.', 'user-choice')?.stance).toBe('permits');
  });

  it('a class-action waiver is the arbitration practice itself', () => {
    expect(hit('You may not bring a class action against us.', 'arbitration')?.stance).toBe('permits');
  });

  it('the "Do Not Sell or Share" link is a choice, not a sale statement', () => {
    expect(hit('Use the Do Not Sell or Share My Personal Information link.', 'data-sale')).toBeUndefined();
    expect(hit('Use the Do Not Sell or Share My Personal Information link.', 'user-choice')?.stance).toBe(
      'permits',
    );
  });

  it('international transfers and mechanisms', () => {
    expect(
      hit('Your data may be transferred to countries other than your own.', 'international-transfer'),
    ).toBeDefined();
    expect(hit('We rely on standard contractual clauses.', 'international-transfer')).toBeDefined();
  });
});

describe('data-sharing', () => {
  it.each([
    'We may share your information with service providers who process payments for us.',
    'We collect, use and disclose your contact details as described in this notice.',
    'These vendors will access and store personal data only to perform services for us.',
    'If we are acquired, account data may be among the transferred assets.',
    'This licence lets us make your posts available to other companies for syndication.',
  ])('permits: %s', (text) => {
    expect(hit(text, 'data-sharing')?.stance).toBe('permits');
  });

  it.each([
    'You can share your photos with friends from the app.',
    'Our advertising partners share information with us about your purchases.',
    'We may transfer your personal data to servers in other countries.',
  ])('not sharing by the company: %s', (text) => {
    expect(hit(text, 'data-sharing')).toBeUndefined();
  });

  it('a safeguard described with "no longer identifies" is not a denial of the sharing', () => {
    expect(
      hit(
        'We de-identify the data so that it no longer identifies you and share it with research partners.',
        'data-sharing',
      )?.stance,
    ).toBe('permits');
  });

  it('a list item states the sharing its lead-in announces', () => {
    const leadIn = 'We may disclose your personal data in the following circumstances:';
    const h = hit('Professional advisers, such as lawyers and auditors.', 'data-sharing', leadIn);
    expect(h?.stance).toBe('permits');
    expect(h?.rule).toBe('share.lead-in');
    expect(hit('Professional advisers, such as lawyers and auditors.', 'data-sharing')).toBeUndefined();
    // A lead-in that only explains the data, or that forbids the user, is no sharing lead-in.
    expect(hit('Professional advisers.', 'data-sharing', 'We collect the following data:')).toBeUndefined();
    expect(
      hit('Professional advisers.', 'data-sharing', 'You may not share your login with:')?.stance,
    ).not.toBe('permits');
  });
});

describe('automated-decisions', () => {
  it('a denial of decisions with legal effects', () => {
    expect(
      hit(
        'We do not use AI to make decisions that produce legal or similarly significant effects on you.',
        'automated-decisions',
      )?.stance,
    ).toBe('denies');
  });

  it.each([
    'Posts may be removed through automated or manual (human) review.',
    'Spam and fake accounts are detected and blocked by machine-learning classifiers.',
    'When we detect abuse of the service, we may suspend your account.',
  ])('permits: %s', (text) => {
    expect(hit(text, 'automated-decisions')?.stance).toBe('permits');
  });
});

describe('de-identification', () => {
  it.each([
    'We provide aggregated reports to advertisers about how their campaigns perform.',
    'When we no longer need it, we delete it or keep it in a form that does not identify you.',
  ])('permits: %s', (text) => {
    expect(hit(text, 'de-identification')?.stance).toBe('permits');
  });

  it('an aggregate liability cap is not aggregation of data', () => {
    expect(
      hit('Our aggregate liability shall not exceed one hundred dollars.', 'de-identification'),
    ).toBeUndefined();
  });
});

describe('robustness', () => {
  it('handles empty, huge and odd input without throwing', () => {
    expect(applyRules({ text: '' })).toEqual([]);
    const huge = 'we may share your data with partners '.repeat(20_000);
    expect(() => applyRules({ text: huge })).not.toThrow();
    expect(() => applyRules({ text: '(((((((((((( "" \u0000 \uFFFF' })).not.toThrow();
  });
});

describe('unilateral-change', () => {
  it.each([
    'Your continued use of the app after the changes take effect means you accept the revised Terms.',
    'If you continue to use the service once the new version applies, you agree to be bound by it.',
    'We will notify you of material changes by email or with a notice in the app.',
    'If you do not agree to the updated Terms, you should stop using the service.',
    'You may reject any such change by writing to us within 30 days.',
    'We may update our policies from time to time.',
  ])('permits: %s', (text) => {
    expect(hit(text, 'unilateral-change')?.stance).toBe('permits');
  });

  it('a table-of-contents link names the section without stating a change', () => {
    expect(hit('Changes to this Policy](#section-8)', 'unilateral-change')).toBeUndefined();
  });

  it('closing an account at any time is not a change to the terms', () => {
    expect(hit('We may close your account at any time without notice.', 'unilateral-change')).toBeUndefined();
  });
});

describe('user-choice', () => {
  it.each([
    'You have the right to lodge a complaint with your local supervisory authority.',
    'To exercise these rights, send a message to our privacy team.',
    'You can submit a request through the form on our help page.',
    'We only send push notifications with your permission.',
  ])('permits: %s', (text) => {
    expect(hit(text, 'user-choice')?.stance).toBe('permits');
  });

  it('a list item is one of the rights its lead-in announces', () => {
    const leadIn = 'Depending on where you live, you have the following rights:';
    const h = hit('Ask for a copy of the information we hold about you.', 'user-choice', leadIn);
    expect(h?.stance).toBe('permits');
    expect(h?.rule).toBe('choice.lead-in');
    expect(hit('Ask for a copy of the information we hold about you.', 'user-choice')).toBeUndefined();
    expect(
      hit(
        'Ask for a copy of the information we hold about you.',
        'user-choice',
        'We collect the following data:',
      ),
    ).toBeUndefined();
  });

  it('"without your consent" is not a consent gate', () => {
    expect(hit('We may assign these terms without your consent.', 'user-choice')).toBeUndefined();
  });
});

// Shapes the guide rules out of a category whatever the model scores (data/GUIDE.md §3, settled 2026-12-07).
describe('category gates', () => {
  it.each([
    'California residents may ask us once a year which third parties received their personal information for those parties’ direct marketing purposes.',
    'Under Civil Code section 1798.83, you can request a list of the categories of personal information we disclosed to others for their direct marketing in the previous year.',
  ])('a Shine the Light right is no sharing and no targeted ads: %s', (text) => {
    expect(gatedOut('data-sharing', text)).toBe(true);
    expect(gatedOut('targeted-advertising', text)).toBe(true);
    expect(gatedOut('user-choice', text)).toBe(false);
    const c = classifyOne(text);
    const shown = shownLabels(c).map((l) => l.category);
    expect(shown).not.toContain('data-sharing');
    expect(shown).not.toContain('targeted-advertising');
  });

  it.each([
    'We share your contact details with partners for their direct marketing, and California residents may request a list of those partners.',
    'We do not share personal information with third parties for their direct marketing purposes.',
    'We share your information with advertising partners in California.',
  ])('a statement of the practice is not gated: %s', (text) => {
    expect(gatedOut('data-sharing', text)).toBe(false);
  });

  it.each([
    'Upon termination, your right to use the Website ends, but the rest of these Terms survives.',
    'The Provider shall grant to the End User a non-exclusive right to use the App within its functions.',
    'If you breach this Agreement, the licence above and your right to use the software end at once.',
  ])('a licence granted to the user is no content licence: %s', (text) => {
    expect(gatedOut('content-license', text)).toBe(true);
  });

  it.each([
    'You grant us a worldwide, royalty-free licence to host and display the content you post.',
    'We grant you a licence to use the Service, and you grant us a licence to use your content to run it.',
    'By uploading, you give the Company the right to reproduce and publish your submissions.',
  ])('a grant by the user stays a content licence: %s', (text) => {
    expect(gatedOut('content-license', text)).toBe(false);
  });
});

describe('ai-training: a phase of building models described', () => {
  it.each([
    'At the end of pre-training, a language model can guess the next word of a sentence.',
    'During pretraining, the network learns general patterns of language.',
  ])('is no training practice: %s', (text) => {
    expect(applyRules(sentence(text)).some((h) => h.category === 'ai-training')).toBe(false);
  });

  it('a use of data during pre-training still is', () => {
    const text = 'We use the content you share with us to train our models, including during pre-training.';
    expect(applyRules(sentence(text)).some((h) => h.category === 'ai-training')).toBe(true);
  });
});

// Guide §3 unilateral-change, "Not": a change to the product is no change to the terms.
describe('gate: a change to the product, not to the terms', () => {
  it.each([
    'We may retire, pause or change any tool in the app whenever we see fit.',
    'Our plan prices might be adjusted over the years; you will hear from us before a higher price reaches your bill.',
    'We may add, change or remove features of the service as we improve it.',
    'An increase in the monthly fee caused by extra stations will be announced to you as section 9, "Updates to the Service and these Terms", explains.',
  ])('no unilateral-change: %s', (text) => {
    expect(gatedOut('unilateral-change', text)).toBe(true);
    const c = classifyOne(text);
    expect(shownLabels(c).map((l) => l.category)).not.toContain('unilateral-change');
  });

  it.each([
    'We may change the fees by updating these Terms.',
    'We may modify this Privacy Policy and the features it describes at any time.',
    'If you do not agree to the changes, you can stop using the app and delete it.',
    'Your continued use of the Service after we post the changes means you accept them.',
    'Information on this page may change as we add or remove features.',
  ])('a change to the terms stays unilateral-change: %s', (text) => {
    expect(gatedOut('unilateral-change', text)).toBe(false);
  });
});

// Guide §4.2 R1 for sharing, sale and ads: a practice that waits for the user's consent is off by default.
describe('consent first: sharing, sale and ads deny the default practice', () => {
  const stanceOf = (text: string, category: CategoryId) =>
    classifyOne(text).labels.find((l) => l.category === category)?.stance;

  it.each([
    [
      'Where you have agreed to it, we may share your meter readings with partners that run home-insulation grant schemes.',
      'data-sharing',
    ],
    [
      'We will only share your phone number with our marketing partners if you have given your explicit consent.',
      'data-sharing',
    ],
    [
      'If you have consented to advertising cookies, we tailor the ads you see to your browsing.',
      'targeted-advertising',
    ],
    [
      'We will only share your phone number with our marketing partners if you have given your explicit consent.',
      'targeted-advertising',
    ],
  ] as const)('%s → %s/denies', (text, category) => {
    expect(stanceOf(text, category)).toBe('denies');
    const c = classifyOne(text);
    expect(c.labels.find((l) => l.category === category)?.explanation).toMatch(/NOT.*off unless you opt in/);
  });

  it.each([
    [
      'We share your information with advertising partners unless you opt out in your settings.',
      'data-sharing',
    ],
    [
      'If you have consented to cookies or have not objected, we share your data with ad partners to show you ads.',
      'data-sharing',
    ],
    [
      'We share your contact details with partners, and where you have consented, also with charities.',
      'data-sharing',
    ],
    [
      'We share health details with others only for purposes a statute lists, or else with your consent.',
      'data-sharing',
    ],
  ] as const)('on by default, open, or consent for a part only, stays permits: %s', (text, category) => {
    expect(stanceOf(text, category)).toBe('permits');
  });
});

// Guide §3 data-sharing, "Not": data others give the company is collection, not sharing.
describe('gate: others disclosing to the company', () => {
  it.each([
    'Partners must confirm they may lawfully pass your details on before giving us any of them.',
    'Advertising partners can send us details of the phone you use.',
    'The companies we obtain your details from are named in our supplier register.',
  ])('no data-sharing: %s', (text) => {
    expect(gatedOut('data-sharing', text)).toBe(true);
    const c = classifyOne(text);
    expect(shownLabels(c).map((l) => l.category)).not.toContain('data-sharing');
  });

  it.each([
    'We receive data from partners and share it with our advertisers.',
    'Partners may send us your purchase history, and we disclose it to our affiliates.',
    'We may receive a request for your data from a court, and we may then disclose it.',
    'Third parties may collect information from you on our website through cookies.',
    'Our service providers receive your data from us to host the app.',
    'These companies provide us with services like cloud storage and card payments.',
    'We and our ad partners use details we obtain from data brokers to pick the ads you see.',
    'Linked apps may pass us your details, and we may pass your profile back to those apps.',
  ])('a disclosure by the company stays sharing: %s', (text) => {
    expect(gatedOut('data-sharing', text)).toBe(false);
  });
});

// Guide §3 targeted-advertising, "Not": an advertiser's own obligations and ad delivery are no use of a
// user's data for ads, and disclose nothing of it.
describe('gate: terms for the business customer who buys ads', () => {
  it.each([
    'Customer may count impressions of its Display Ads with its own ad server.',
    "Customer's only remedy for a shortfall in a booked campaign is a credit against its next invoice for that Programme.",
    'Advertiser is solely responsible for its Ads, including their creatives and landing pages.',
  ])('no targeted-advertising, no data-sharing: %s', (text) => {
    expect(gatedOut('targeted-advertising', text)).toBe(true);
    expect(gatedOut('data-sharing', text)).toBe(true);
  });

  it.each([
    'Customer may use our targeting tools to show Ads to users based on their interests.',
    'Customer will ensure that it has the consent of end users before using their personal data for Ads.',
    'We share information about your interests with Advertisers so that their Ads reach you.',
    'Advertisers may receive reports on how people interact with their Ads.',
    'Advertiser will not use retargeting pixels in its Ads unless the Programme allows them.',
  ])('a clause about people or their data is not gated: %s', (text) => {
    expect(gatedOut('targeted-advertising', text)).toBe(false);
    expect(gatedOut('data-sharing', text)).toBe(false);
  });
});

// A promise not to discriminate against the user for exercising rights protects a choice (user-choice/permits).
describe('no penalty for exercising rights is no "you have no choice"', () => {
  const userChoice = (text: string) => classifyOne(text).labels.find((l) => l.category === 'user-choice');

  it.each([
    'The shop cannot discriminate against you for exercising your rights under state privacy law.',
    'You cannot be denied service or charged more for exercising your rights, and we will not discriminate against you.',
  ])('permits, explained as a right: %s', (text) => {
    const l = userChoice(text);
    expect(l?.stance).toBe('permits');
    expect(l?.explanation).not.toMatch(/CANNOT/);
  });

  it.each([
    'You cannot opt out of service emails.',
    'You will not be able to opt out of transactional messages.',
  ])('a real absence of choice stays denies: %s', (text) => {
    expect(userChoice(text)?.stance).toBe('denies');
  });
});

// Guide §3 data-sharing, "Not" (settled 2026-12-07): staff and departments of the company are no recipients.
describe('gate: recipients inside the company', () => {
  it.each([
    ['Within the company, your details are seen only by our customer care team and our billing department.'],
    ['The internal recipients of your personal data are:'],
    ['our payroll team;', 'The internal recipients of your information are:'],
    ['Access to your files is limited to authorised staff who need it to answer your request.'],
  ])('no data-sharing: %s', (text, leadIn?: string) => {
    expect(gatedOut('data-sharing', text, leadIn)).toBe(true);
  });

  it.each([
    ['We share your details with our staff and with the couriers that bring your order.'],
    ['Our help desk is outsourced, so a separate company reads your messages on our behalf.'],
    ['Your data is available to our employees and to the service providers who host our systems.'],
    ['We pass your details to our affiliates and their staff.'],
    ['the hosting company that stores our backups;', 'The internal recipients of your information are:'],
  ])('someone outside the company stays sharing: %s', (text, leadIn?: string) => {
    expect(gatedOut('data-sharing', text, leadIn)).toBe(false);
  });
});

// Guide §3 data-sharing, "Not" (settled 2026-12-07): what a right to know lets the user ask about is no disclosure.
describe('gate: the object of a right to know', () => {
  const ask = 'You may ask us for information about the data we keep on you, including:';
  it.each([
    ['the categories of companies to which we passed your personal details;', ask],
    ['the purposes for selling or sharing your details;', ask],
    ['You may request the categories of businesses we sold your details to over the past year.'],
    [
      'Under state law you have the right to know the names of the third parties with whom we share your data.',
    ],
  ])('no sharing, sale or ads: %s', (text, leadIn?: string) => {
    for (const category of ['data-sharing', 'data-sale', 'targeted-advertising'] as const)
      expect(gatedOut(category, text, leadIn)).toBe(true);
    expect(gatedOut('user-choice', text, leadIn)).toBe(false);
  });

  it.each([
    ['the sale of your details to the categories of businesses named above;', 'You may opt out of:'],
    ['We share your details with the categories of recipients listed in the table.'],
    ['We sell the categories of data below to the third parties named, and you may request a list of them.'],
    ['the categories of companies to which we pass your details;', 'We pass your details as follows:'],
  ])('a practice stated, or a right that presupposes it, stays: %s', (text, leadIn?: string) => {
    expect(gatedOut('data-sharing', text, leadIn)).toBe(false);
    expect(gatedOut('data-sale', text, leadIn)).toBe(false);
  });
});

// Guide §3 arbitration, "Not" (settled 2026-12-07): a forum or governing-law clause alone is no arbitration.
describe('gate: a court or governing-law clause', () => {
  it.each([
    ['Any claim against us shall be heard only by the courts of Lyon, France.'],
    [
      'These terms are governed by the laws of Ontario, and the courts of Toronto alone may hear any dispute.',
    ],
    [
      'If a disagreement is not settled within sixty days, it may be taken to the court where we are registered.',
    ],
  ])('no arbitration: %s', (text) => {
    expect(gatedOut('arbitration', text)).toBe(true);
  });

  it.each([
    ['Claims that qualify may be brought in small claims court in your county.'],
    ['Either party may still seek injunctive relief from a court in Lyon.'],
    ['If we cannot agree on an administrator, a court in Lyon may appoint one.'],
    ['A claim that is severed from the rest must be heard by the courts of Lyon.'],
    [
      'claims over unpaid invoices, which go to the courts of Lyon;',
      'These disputes are not sent to arbitration:',
    ],
    ['Any dispute goes to binding arbitration in Lyon rather than to court.'],
  ])('a carve-out or the courts’ part in an arbitration stays: %s', (text, leadIn?: string) => {
    expect(gatedOut('arbitration', text, leadIn)).toBe(false);
  });
});

// Guide §4.2 R4 (settled 2026-12-07 for every category): a denial the law leaves open is unclear.
describe('a denial with an exception the law leaves open', () => {
  // The stance is the rules' whether or not the model paints the label (painted or listed as possible).
  const stanceOf = (text: string, category: CategoryId) => {
    const c = classifyOne(text);
    return shownLabels(c).find((l) => l.category === category)?.stance;
  };

  it.each([
    ['We will not share your data with anyone unless permitted by law.', 'data-sharing'],
    ['We do not sell your personal information unless the law permits us to.', 'data-sale'],
    ['We will not transfer your data outside Canada without a legal basis.', 'international-transfer'],
  ] as const)('%s → %s/unclear', (text, category) => {
    expect(stanceOf(text, category)).toBe('unclear');
  });

  it.each([
    ['We will not share your data with anyone except as required by law.', 'data-sharing', 'denies'],
    ['We may share your details with our partners as permitted by law.', 'data-sharing', 'permits'],
  ] as const)(
    'a legal obligation, or a hedged permission, keeps its stance: %s',
    (text, category, stance) => {
      expect(stanceOf(text, category)).toBe(stance);
    },
  );
});
