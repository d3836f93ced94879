/**
 * Label shapes the eleventh explanation check found wrong (issue 23, round 4): an opt-in read as "no choice", a
 * right hidden behind markdown emphasis, a concession's negation read into the main clause, and data aggregated
 * about the user read as de-identification. Team-written sentences in those shapes.
 */
import { describe, expect, it } from 'vitest';
import { withoutEmphasisMarks } from '../../lib/classify/rules';
import { regionLimitStance } from '../../lib/classify/rules/region-limit';
import { shownCategories, shownStance } from '../support/clauses';

describe('an opt-in the clause offers is a choice (guide §3 user-choice)', () => {
  it.each([
    'Sending diagnostic reports to Quillbook needs a separate opt-in. If you opt in, crash details are sent to us to fix bugs.',
    'If you opt in, Harbourline will receive data about how you use the mobile app.',
  ])('%s → user-choice permits', (text) => {
    expect(shownStance(text, 'user-choice')).toBe('permits');
  });

  it('keeps "you cannot" as no choice', () => {
    expect(shownStance('You cannot opt out of account security e-mails.', 'user-choice')).toBe('denies');
  });
});

describe('markdown emphasis glued to a right', () => {
  it('still reads "You have the right to …" after an underscore', () => {
    const text =
      '_Right to erasure _You have the right to ask us to erase your data, for example where the data is no longer necessary for the purpose we collected it for, or where you withdraw your consent to the processing.';
    expect(shownStance(text, 'user-choice')).toBe('permits');
  });

  it('turns only edge underscores into spaces, one for one', () => {
    expect(withoutEmphasisMarks('_Access _You may ask; opt_out stays')).toBe(
      ' Access  You may ask; opt_out stays',
    );
  });
});

describe('a concession that denies one kind, then a main clause that states the practice (guide §4.4)', () => {
  it('reads the sale and the ads after "although … not …," as stated', () => {
    const text =
      'Although we do not sell personal data for cash, we do sell personal data, including sharing it for targeted advertising, to the partners listed below.';
    expect(shownStance(text, 'data-sale')).toBe('permits');
    expect(shownStance(text, 'targeted-advertising')).toBe('permits');
  });

  it('keeps the denial inside the concession', () => {
    expect(
      shownStance(
        'Although we do not sell your data, we may share it with our hosting providers.',
        'data-sale',
      ),
    ).toBe('denies');
  });
});

describe('data aggregated about the user is no de-identification (guide §3 de-identification)', () => {
  it('does not label a profile built from your visits', () => {
    const text =
      'These ad networks may use aggregated information about your visits to our site and other sites to show you ads they think you will like.';
    expect(shownCategories(text)).not.toContain('de-identification');
  });

  it('keeps aggregation that makes the data non-identifying', () => {
    const text = 'We may share aggregated information about your use of the app that does not identify you.';
    expect(shownStance(text, 'de-identification')).toBe('permits');
  });
});

describe('the company as the author of the document (guide §3, a sentence about the document)', () => {
  it.each([
    'We also describe the third parties that received or may receive your personal data and the business purpose of each sale or sharing.',
    'If you live outside Canada, Norway or Japan, we’ve outlined how we may share data with ad partners so that advertisers can reach you elsewhere.',
  ])('%s → no label', (text) => {
    expect(shownCategories(text)).toEqual([]);
  });

  it('keeps a practice stated in a sentence after the pointer', () => {
    const text =
      'We explain when Brightline may disclose data in the Sharing section. Brightline does not sell your data.';
    expect(shownStance(text, 'data-sale')).toBe('denies');
  });
});

describe('contract shapes that are no practice (guide §3 unilateral-change and content-license, "Not")', () => {
  it('does not read accepting the terms by use as a change to them', () => {
    const text =
      'Your use of the Lumo website or mobile apps constitutes your acceptance of and agreement to these Terms of Use and all policies they include.';
    expect(shownCategories(text, { headingPath: ['Acceptance of Terms'] })).not.toContain(
      'unilateral-change',
    );
  });

  it('keeps continued use after a change', () => {
    const text =
      'Your continued use of the site after we post changes constitutes your acceptance of the new Terms.';
    expect(shownCategories(text)).toContain('unilateral-change');
  });

  it('does not read feedback declared non-confidential as a licence', () => {
    const text =
      'Any feedback, comments or suggestions you submit about the Services will be deemed non-confidential.';
    expect(shownCategories(text)).not.toContain('content-license');
  });

  it('keeps a sentence that also grants rights over the feedback', () => {
    const text =
      'Feedback is non-confidential, and you grant us a perpetual, royalty-free licence to use it for any purpose.';
    expect(shownCategories(text)).toContain('content-license');
  });
});

describe('data kept only in named places (guide §3 international-transfer)', () => {
  it('reads the limit as a denial, hedged as unclear', () => {
    expect(regionLimitStance('Your personal data is only stored in Norway or within the EU/EEA.')).toBe(
      'denies',
    );
    expect(
      regionLimitStance('As a general rule, your data will only be processed in Norway or the EU/EEA.'),
    ).toBe('unclear');
  });

  it('leaves a transfer out to the other rules', () => {
    expect(
      regionLimitStance('We only transfer your data outside the EEA with appropriate safeguards.'),
    ).toBeNull();
    expect(
      regionLimitStance(
        'Your data is only stored in Norway, except where a provider outside the EEA helps us.',
      ),
    ).toBeNull();
  });

  it('turns the painted transfer of such a sentence from permits in the classifier', () => {
    const under = { section: 'International data transfers', headingPath: ['International data transfers'] };
    const limit = 'Your personal data is only stored in Norway or within the EU/EEA.';
    const hedged =
      'As a general rule, your personal data will only be processed in Norway or within the EU/EEA.';
    expect(shownStance(limit, 'international-transfer', under)).toBe('denies');
    expect(shownStance(hedged, 'international-transfer', under)).toBe('unclear');
  });
});

describe('a rule about which user name the user may pick (guide §3 user-choice, "Not")', () => {
  it('is no user-choice denial', () => {
    const text =
      'You may not select as your Forum User ID a name you have no right to use, or the name of another person to pass yourself off as them.';
    expect(shownCategories(text)).not.toContain('user-choice');
  });

  it('keeps "you may not opt out" as no choice', () => {
    expect(shownStance('You may not opt out of security notices about your account.', 'user-choice')).toBe(
      'denies',
    );
  });
});
