/**
 * Issue 23: cards whose label is right but whose sentence says more than the clause (the v2–v8 explanation
 * checks). Each case is a team-written clause of the shape the checks found; the card must stay true to it.
 */
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots } from '../../lib/explain';
import type { CategoryId, Stance } from '../../lib/classify/taxonomy';

const card = (category: CategoryId, stance: Stance, text: string) =>
  explainLabel({ category, stance }, extractSlots(text), text);

const OWN_MARKETING_WITH_CHANNEL = /their own marketing \(messages, e-mails or post/;

describe('own marketing is not targeted advertising', () => {
  it('"your profile" (the account page) is not profiling', () => {
    const text = 'You can adjust your promotional e-mail preferences at any time from your profile page.';
    expect(card('targeted-advertising', 'permits', text)).not.toMatch(/target ads/);
    expect(card('targeted-advertising', 'permits', text)).toMatch(OWN_MARKETING_WITH_CHANNEL);
  });

  it('an unsubscribe link in the member profile', () => {
    const text = 'The unsubscribe link sits at the foot of every newsletter and in your member profile.';
    expect(card('targeted-advertising', 'permits', text)).not.toMatch(/target ads/);
  });

  it('marketing with no channel named gets the plain sentence, no messages or post invented', () => {
    const text =
      'Companies in our group receive this data so that they can support marketing of our services.';
    expect(card('targeted-advertising', 'permits', text)).toBe(
      'This says your data may be used for marketing.',
    );
  });

  it('"marketing activities" are marketing, not ads aimed at the user', () => {
    const text =
      'We rely on our legitimate interest in marketing activities to present products we think suit you.';
    const out = card('targeted-advertising', 'permits', text);
    expect(out).not.toMatch(/target ads/);
    expect(out).toMatch(/may be used for marketing\.$/);
  });

  it('a named channel keeps the channel sentence', () => {
    const text = 'We may e-mail you news of our own sales and seasonal offers.';
    expect(card('targeted-advertising', 'permits', text)).toMatch(OWN_MARKETING_WITH_CHANNEL);
  });
});

describe('ad measurement is not targeting', () => {
  it('the efficacy of ads, for statistics', () => {
    const text =
      'This lets us record the efficacy of our social-media advertisements for statistical purposes.';
    expect(card('targeted-advertising', 'permits', text)).toBe(
      'This says your data may be used to measure how their ads perform.',
    );
  });
});

describe('arbitration shapes', () => {
  it('opting out of arbitration is not "arbitration is an option for you"', () => {
    const text =
      'If you joined recently, you can choose to reject this agreement to arbitrate by sending us a written opt-out letter.';
    const out = card('arbitration', 'permits', text);
    expect(out).not.toMatch(/option for you/);
    expect(out).toMatch(/^Disputes go to private arbitration/);
    expect(out).toMatch(/opt out/);
  });

  it('choosing arbitration stays optional arbitration', () => {
    const text = 'For a complaint about our data practices you may invoke binding arbitration at no cost.';
    expect(card('arbitration', 'permits', text)).toMatch(/option for you/);
  });

  it('relief the arbitrator may award is not a court carve-out', () => {
    const text = 'The arbitrator may award any remedy a court could grant, including an injunction.';
    expect(card('arbitration', 'permits', text)).not.toMatch(/court instead of arbitration/);
  });

  it('a court order sought in court is still a carve-out', () => {
    const text = 'Either of us may ask a court for an injunction to stop misuse of our trade secrets.';
    expect(card('arbitration', 'permits', text)).toMatch(/court order \(an injunction\) can go to a court/);
  });

  it('a clause that only bounds the waiver is not the waiver', () => {
    const text =
      'Nothing in this section shall be read to restrict our ability to settle claims on a class basis.';
    expect(card('arbitration', 'permits', text)).toBe(
      'This describes arbitration with exceptions or opt-outs; read it closely.',
    );
  });

  it('"not limited to" is no bound: the waiver stays', () => {
    const text =
      'Claims may be brought only individually, including but not limited to claims in a class action.';
    expect(card('arbitration', 'permits', text)).toMatch(/give up bringing or joining a class action/);
  });

  it('a list item naming claims by their exceptions, with no word of arbitration', () => {
    const text =
      'any claim that falls under one of the exceptions in the next section where the other party lives abroad.';
    expect(card('arbitration', 'permits', text)).toBe(
      'This describes arbitration with exceptions or opt-outs; read it closely.',
    );
  });
});

describe('a right under the contract is not a right over data', () => {
  it('stopping use of the service', () => {
    expect(card('user-choice', 'permits', 'You are free to stop using the app whenever you like.')).toBe(
      'This says you can stop using the service.',
    );
  });

  it('stopping use and deleting data is a choice over data', () => {
    const text = 'You can stop using the app and delete your data at any time.';
    expect(card('user-choice', 'permits', text)).not.toBe('This says you can stop using the service.');
  });
});

describe('safeguards and purposes stay with what they qualify', () => {
  it('de-identified data named beside personal data: no "the data is de-identified"', () => {
    const text =
      'We may disclose your personal information and aggregated or de-identified information to partners.';
    const out = card('data-sharing', 'permits', text);
    expect(out).not.toMatch(/aggregated|de-identified/);
  });

  it('a safeguard on the shared data itself stays', () => {
    const text = 'We share your personal data with research partners only in de-identified form.';
    expect(card('data-sharing', 'permits', text)).toMatch(/de-identified/);
  });

  it('"non-marketing purposes" is not a marketing purpose', () => {
    const text = 'We keep archived logs for recovery, legal and other non-marketing purposes.';
    expect(extractSlots(text).purposes).not.toContain('advertising and marketing');
  });
});

describe('notice the company may choose to give', () => {
  it('"we may choose to notify you" is no promise of notice', () => {
    const text = 'If a change is major, we may choose to notify you by e-mail or post a banner on our site.';
    expect(card('unilateral-change', 'permits', text)).not.toMatch(/tell you about changes/);
  });
});

describe('a control offered only when the company can', () => {
  it('"whenever possible" keeps the limit in the card', () => {
    const text = 'Where possible, we will offer a mechanism that allows you to disable the new feature.';
    const out = card('user-choice', 'permits', text);
    expect(out).toMatch(/but with limits or conditions/);
  });

  it('a plain control stays plain', () => {
    const text = 'You can disable the new feature in your settings at any time.';
    expect(card('user-choice', 'permits', text)).not.toMatch(/limits or conditions/);
  });
});

describe('collection around ads is not targeting', () => {
  it('information collected when the user views an ad or opens a newsletter', () => {
    const text =
      'When you open one of our newsletters or look at one of our ads on another site, we automatically collect your device information through pixels.';
    const out = card('targeted-advertising', 'permits', text);
    expect(out).not.toMatch(/target ads/);
    expect(out).toMatch(/^This says they collect .* in connection with their ads or marketing\.$/);
  });

  it('collection to aim ads keeps the targeting sentence', () => {
    const text = 'We collect your browsing history so that we can show you ads based on your interests.';
    expect(card('targeted-advertising', 'permits', text)).toMatch(/target ads at you/);
  });
});
