/**
 * Rule layer: negation scope, actor scope, list lead-ins, hedges, conditions. Every sentence here was
 * written by the team for this test (none comes from a real policy).
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import { classifyClauses } from '../../lib/classify';
import type { Clause } from '../../lib/types';
import { applyRules } from '../../lib/classify/rules';
import type { CategoryId } from '../../lib/classify/taxonomy';

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

  it('a right to opt out of the quoted "sale" of data names the practice (unclear)', () => {
    expect(
      hit('You may opt out of the “sale” or “sharing” of your personal information at any time.', 'data-sale')
        ?.stance,
    ).toBe('unclear');
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
    const c = classifyClauses([{ id: 'c', text, unit: 'sentence' } as Clause])[0]!;
    const shown = [...c.labels, ...(c.possible ?? [])].map((l) => l.category);
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
    expect(
      applyRules({ id: 'c', text, unit: 'sentence' } as Clause).some((h) => h.category === 'ai-training'),
    ).toBe(false);
  });

  it('a use of data during pre-training still is', () => {
    const text = 'We use the content you share with us to train our models, including during pre-training.';
    expect(
      applyRules({ id: 'c', text, unit: 'sentence' } as Clause).some((h) => h.category === 'ai-training'),
    ).toBe(true);
  });
});
