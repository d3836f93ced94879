/**
 * Rule phrases for shapes the classifier missed on several services (issue 22, recall on the weak
 * categories): each shape is a way of stating the practice, not one service's wording. Every sentence here was
 * written by the team for this test (none comes from a real policy); the near misses are sentences a
 * careless phrase would also catch.
 */
import { describe, expect, it } from 'vitest';
import { applyRules } from '../../lib/classify/rules';
import type { CategoryId } from '../../lib/classify/taxonomy';

const hit = (text: string, category: CategoryId, leadIn?: string) =>
  applyRules({ text, leadIn }).find((h) => h.category === category);

/** The rule of `category` that fired on `text`, or null. */
const ruleOf = (text: string, category: CategoryId) => hit(text, category)?.rule ?? null;

describe('automated-decisions: the safeguards of an automated decision', () => {
  it.each([
    'If a result affects you, you can ask for human intervention and give your point of view.',
    'Members who are locked out this way may contest the decision by writing to our appeals team.',
    'You can request a human review of any grade the tool gives you.',
    'Every verdict of the screening tool is checked by a human before it takes effect.',
    'Anyone affected by the outputs of the AI can ask for a review of these results.',
  ])('%s', (text) => {
    expect(ruleOf(text, 'automated-decisions')).toBe('adm.human-review');
  });

  it('a right to have a result reviewed presupposes the decision: permits, not only named', () => {
    const h = hit(
      'If a score from our models affects you, you have a right to request a review of the decision.',
      'automated-decisions',
    );
    expect(h?.rule).toBe('adm.human-review');
    expect(h?.stance).toBe('permits');
  });

  it('a human reviewing what a model writes for the user is no decision about the user', () => {
    expect(
      ruleOf(
        'You should use human review before you publish text the assistant wrote.',
        'automated-decisions',
      ),
    ).toBeNull();
  });
});

describe('automated-decisions: a score about the user', () => {
  it.each([
    'Each seller is given a trust score that our systems calculate from past orders.',
    'We may use scoring methods to assess the risk of a late payment.',
    'A partner sends us a fraud risk score for each new card you add.',
  ])('%s', (text) => {
    expect(ruleOf(text, 'automated-decisions')).toBe('adm.scoring');
  });

  it.each([
    'Your high score is shown on the weekly leaderboard.',
    'Players can compare the score of each level with friends.',
  ])('a game score decides nothing: %s', (text) => {
    expect(hit(text, 'automated-decisions')).toBeUndefined();
  });
});

describe('automated-decisions: moderation that AI takes part in', () => {
  it.each([
    'Public groups are kept safe by AI-driven and manual moderation of what members post.',
    'AI is used to help moderate comments before other readers see them.',
  ])('%s', (text) => {
    expect(ruleOf(text, 'automated-decisions')).toBe('adm.ai-moderation');
  });

  it('people moderating alone is not automated', () => {
    expect(hit('Our volunteers moderate the forums every day.', 'automated-decisions')).toBeUndefined();
  });
});

describe('automated-decisions: decisions about the user named as such', () => {
  it('a tool that renders decisions', () => {
    expect(
      ruleOf('Some of our tools render decisions on new accounts without a person.', 'automated-decisions'),
    ).toBe('adm.decisions-about-you');
  });

  it('a denial of decisions affecting the user', () => {
    const h = hit('None of these tools is used for decisions affecting you.', 'automated-decisions');
    expect(h?.rule).toBe('adm.decisions-about-you');
    expect(h?.stance).toBe('denies');
  });

  it('a decision the user takes is none about them', () => {
    expect(
      hit('Reading the reviews helps you take decisions about what to buy.', 'automated-decisions'),
    ).toBeUndefined();
  });
});

describe('user-choice: withdrawing a consent, however it is said', () => {
  it.each([
    'Where we rely on your agreement, withdrawing such consent is possible whenever you like.',
    'The withdrawal of consent does not make earlier processing unlawful.',
  ])('%s', (text) => {
    const h = hit(text, 'user-choice');
    expect(h?.rule).toBe('choice.withdraw-consent');
    expect(h?.stance).toBe('permits');
  });

  it('data processed on a consent already withdrawn names no withdrawal the user can make', () => {
    expect(
      ruleOf(
        'Ask us to erase data that is no longer needed or was kept on withdrawn consent.',
        'user-choice',
      ),
    ).not.toBe('choice.withdraw-consent');
  });
});

describe('user-choice: a data-subject request and how it is handled', () => {
  it.each([
    'We will confirm receipt of a verifiable request within ten business days.',
    'An authorized agent may make a request for you if you sign a permission for them.',
    'Deletion requests are answered within one month.',
  ])('%s', (text) => {
    expect(ruleOf(text, 'user-choice')).toBe('choice.rights-request');
  });

  it('a request for a product or a support ticket is no data-subject request', () => {
    expect(hit('We answer product questions by email within two days.', 'user-choice')).toBeUndefined();
  });
});

describe('data-sharing: shapes of passing data on', () => {
  it.each([
    ['Your search words are sent to the map provider so that it can draw the route.', 'share.send-to'],
    ['The summary feature transmits the page text to our partner for processing.', 'share.send-to'],
    ['For the fan page, the social network is a joint controller with us.', 'share.other-controller'],
    ['Payment companies that process orders on our behalf see your card details.', 'share.on-behalf'],
    ['We and our advertising partners use pixels to learn which pages you visit.', 'share.we-and-partners'],
    ['Our site lets selected partners place cookies on your browser.', 'share.let-others'],
    ['Our delivery partners may also process your address to bring the parcel.', 'share.recipient-acts'],
  ])('%s', (text, rule) => {
    const h = hit(text, 'data-sharing');
    expect(h?.rule).toBe(rule);
    expect(h?.stance).toBe('permits');
  });

  it.each([
    'You can send feedback to us at any time.',
    'We are the controller of the data described here.',
    'We store the images on our own servers.',
  ])('no recipient outside the company: %s', (text) => {
    expect(hit(text, 'data-sharing')).toBeUndefined();
  });
});

describe('ai-training: safety and enforcement systems refined with users’ data (guide §3)', () => {
  it.each([
    'Reports you send are used to refine our enforcement systems.',
    'We use the photos you upload to improve how our safety and discovery tools work.',
    'Flagged messages help us keep updating our spam filters.',
  ])('%s', (text) => {
    const h = hit(text, 'ai-training');
    expect(h?.rule).toBe('ai.improve-safety-systems');
    expect(h?.stance).toBe('permits');
  });

  it.each([
    'We regularly improve our security systems to protect your account.',
    'Our enforcement team reviews every report by hand.',
  ])('systems that protect or people who review learn nothing: %s', (text) => {
    expect(hit(text, 'ai-training')).toBeUndefined();
  });
});

describe('user-choice: a right the company keeps for itself is no choice of the user', () => {
  it.each([
    'We reserve the right to delete any upload that breaks these rules.',
    'Acme has the right to restrict access to the app if it suspects misuse.',
  ])('%s', (text) => {
    expect(hit(text, 'user-choice')).toBeUndefined();
  });

  it.each([
    'You have the right to object to the use of your data for marketing.',
    'Customers have the right to access the data we hold about them.',
  ])('the user holding the right still counts: %s', (text) => {
    expect(hit(text, 'user-choice')?.stance).toBe('permits');
  });
});

describe('user-choice: the user holding a right', () => {
  it.each([
    'You have the right to ask us for a copy of the data we keep about you.',
    'In some states, residents may have the right to receive their data in a portable format.',
    'You also have the right to lodge a complaint with the data protection authority.',
  ])('%s', (text) => {
    const h = hit(text, 'user-choice');
    expect(h?.rule).toBe('choice.have-right');
    expect(h?.stance).toBe('permits');
  });

  it.each([
    'You do not have the right to share photos that others took.',
    'You represent that you have the right to grant us this licence.',
    'You have the right to terminate this agreement with thirty days notice.',
    'You have the right to request a refund within eight weeks of a payment.',
  ])('a contract right or a warranty is no data-subject right: %s', (text) => {
    expect(ruleOf(text, 'user-choice')).not.toBe('choice.have-right');
  });
});
