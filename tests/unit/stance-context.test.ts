/**
 * AI-training stances the sentence's own cues missed (issue 22, round 2): a condition stated by the section
 * heading, the user allowing the training itself, a relative clause that denies the practice for a mode, and a
 * prohibition lead-in written inside the sentence (data/GUIDE.md §4.2 R1, R5, R6, R8). Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { inlineProhibitionLeadIn } from '../../lib/classify/rules/stance-context';
import { applyRules } from '../../lib/classify/rules';
import { shownStance } from '../support/clauses';

const ai = (text: string, headingPath: string[] = []) => shownStance(text, 'ai-training', { headingPath });

describe('a heading that states an opt-in condition (R1, R6)', () => {
  const sentence =
    'Lumen uses the voice clips you record in the app to improve its services, including training its speech models.';

  it('under "If you turn this setting on:" the practice waits for the user: denies', () => {
    expect(ai(sentence, ['Your activity', 'If you turn this setting on:'])).toBe('denies');
    expect(ai(sentence, ['When you opt in to voice improvement'])).toBe('denies');
  });

  it('under "If you turn this setting off:" or no condition it stays the practice', () => {
    expect(ai(sentence, ['Your activity', 'If you turn this setting off:'])).toBe('permits');
    expect(ai(sentence, ['Your activity'])).toBe('permits');
  });

  it('feedback sent under the opt-in heading still trains whatever the setting (R4)', () => {
    expect(
      ai('Feedback you send about a reply is used to train our speech models.', [
        'If you turn this setting on:',
      ]),
    ).toBe('permits');
  });
});

describe('the user allowing the training itself (R1)', () => {
  it('"when you allow us to use your content to improve our models" is an opt-in: denies', () => {
    expect(
      ai(
        'Deleted notes leave our systems within 30 days, unless they were already de-identified when you allowed us to use your notes to improve our models.',
      ),
    ).toBe('denies');
  });

  it('allowing something else is using a feature (R6), and a way out makes it a default (R2)', () => {
    expect(
      ai('If you allow us to access your microphone, we use your recordings to train our speech models.'),
    ).toBe('permits');
    expect(
      ai('When you allow us to use your notes to train our models, you can opt out later in your settings.'),
    ).toBe('permits');
  });
});

describe('a non-restrictive relative clause that denies the practice (R5)', () => {
  it('"private sessions, which are not used to train our models" → denies', () => {
    expect(ai('You can also start private sessions, which are not used to train our models.')).toBe('denies');
  });

  it('with the training in the main clause the excluded mode is a slot of the permit', () => {
    expect(
      ai('We use your chats to train our models, except private sessions, which are not used to train them.'),
    ).toBe('permits');
  });

  it('the relative clause leaves the other categories alone', () => {
    expect(
      shownStance(
        'You can also start private sessions, which are not used to train our models.',
        'user-choice',
      ),
    ).not.toBe('denies');
  });

  it('a restrictive "that is not" still restricts the data', () => {
    expect(ai('We use content that is not personal data to train our models.')).toBe('permits');
  });
});

describe('a prohibition lead-in inside the sentence (R8)', () => {
  it('"Your plug-in must not: (a) …; (c) use …" prohibits the user', () => {
    expect(
      ai(
        'Your plug-in and its output must not: (a) harm other users; (b) collect payment details without notice; (c) use requests sent to it to train models that compete with us; or (d) break the law.',
      ),
    ).toBe('user-prohibited');
  });

  it('the company as the subject of the list is a denial, and a colon without lettered items no lead-in', () => {
    expect(inlineProhibitionLeadIn('We will not: (a) sell your data; (b) use your chats ')).toBe(false);
    expect(inlineProhibitionLeadIn('Your plug-in must not: harm users or ')).toBe(false);
    expect(inlineProhibitionLeadIn('Your plug-in must not: (a) harm users; (b) ')).toBe(true);
  });
});

describe('a lead-in that forbids with no subject (R8, §4.1)', () => {
  const item = 'Crawling the site to train machine learning models or to build datasets.';
  const stance = (leadIn: string) =>
    applyRules({ text: item, leadIn }).find((h) => h.category === 'ai-training')?.stance;

  it('"The following is not permitted:" and "… are prohibited:" make the items user prohibitions', () => {
    expect(stance('On this site, the following is not permitted:')).toBe('user-prohibited');
    expect(stance('The following activities are strictly prohibited:')).toBe('user-prohibited');
  });

  it('a lead-in of what the company does, or a company denial, does not', () => {
    expect(stance('We use the information we collect for:')).toBe('permits');
    expect(stance('The following data is not shared with advertisers:')).not.toBe('user-prohibited');
    expect(stance('Access is revoked where use of the service is prohibited.')).not.toBe('user-prohibited');
  });
});
