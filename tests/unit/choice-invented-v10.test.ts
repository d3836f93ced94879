/**
 * Choices a card invented or misread (issue 23, tenth check): a control named only as what does not stop the
 * practice, "unlikely" read as unliking a page, and erasure the user does not want (the restriction right's
 * condition) read as a request for deletion; and data or purpose slots read from the wrong word ("upload" as a
 * verb, a company's domain). Team-written sentences, each beside one that keeps the old reading.
 */
import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../lib/explain';

const choice = (text: string, leadIn?: string) => extractSlots(text, leadIn).choice;

describe('a control named as what does not stop it', () => {
  it('"even if you unsubscribe" is no choice over the messages that keep coming', () => {
    expect(
      choice(
        'You will keep getting billing notices for your plan even if you unsubscribe from our offers or turn off app alerts.',
      ),
    ).toBeNull();
  });
  it('the control itself, or what it still leaves, keeps its reading', () => {
    expect(choice('You can unsubscribe from our offers at any time.')).toBe('unsubscribe');
    expect(choice('Even after you opt out of offers, we will still send you receipts.')).toBe(
      'opt out of offers',
    );
  });
});

describe('"unlikely" is no unliking', () => {
  it('"in the unlikely event of" names no control', () => {
    expect(
      choice('Members may see their details passed to a buyer in the unlikely event that we are sold.'),
    ).not.toBe('unfollow or unlike their page');
  });
  it('unliking our page is still a choice', () => {
    expect(choice('You can unlike our page whenever you want.')).toBe('unfollow or unlike their page');
  });
});

describe('erasure the user does not want', () => {
  const lead = 'You may ask us to restrict processing of your data where:';
  it('is the restriction right, not a request for deletion', () => {
    expect(choice('the processing is unlawful but you do not want us to delete the data;', lead)).not.toBe(
      'ask for deletion',
    );
    expect(choice('the processing is unlawful and you oppose the erasure of the data;', lead)).not.toBe(
      'ask for deletion',
    );
  });
  it('erasure asked for is still deletion', () => {
    expect(choice('ask us to erase your data.', 'You have the right to:')).toBe('ask for deletion');
  });
});

describe('slots read from the wrong word (tenth check)', () => {
  it('"upload" in a licence\'s list of uses names no files; "your uploads" does', () => {
    const licence =
      'By posting a rating you give us a licence to copy, show, upload, adapt and otherwise use your rating.';
    expect(extractSlots(licence).data).not.toContain('files');
    expect(extractSlots('We keep your uploads for thirty days.').data).toContain('files');
  });
  it('a company named by its domain is no purpose; fighting spam is', () => {
    expect(extractSlots('This licence lets Spam.net show and share what you submit.').purposes).not.toContain(
      'safety and security',
    );
    expect(extractSlots('We use these logs to fight spam on the service.').purposes).toContain(
      'safety and security',
    );
  });
});

describe('the right a clause names by "the right to …"', () => {
  it('is read before its conditions: restriction, though a condition names objecting', () => {
    expect(
      choice(
        'The right to restrict how we use your data if you contest its accuracy or you object to our use of it.',
      ),
    ).toBe('restrict processing');
  });
  it('a named right is that right, not the general "use your privacy rights"', () => {
    expect(choice('Members have the right to data portability for what they give us.')).toBe(
      'get a copy of your data',
    );
  });
  it('three or more rights in one clause are the privacy rights together, not the one found last', () => {
    expect(
      choice(
        'You may ask that we (a) give you access to your data, (b) correct it, (c) delete it, and (d) restrict its use.',
      ),
    ).toBe('use your privacy rights');
  });
  it('a right to reject changes names no data right', () => {
    expect(choice('If you wish to exercise your right to reject these amendments, stop using the app.')).toBe(
      'reject the changes',
    );
  });
});

describe('choices borrowed from the wrong words', () => {
  it('"access" naming a kind of check is no right of access', () => {
    expect(
      choice('our partner runs the account access check within minutes.', 'You have the right to:'),
    ).not.toBe('see the data they hold about you');
    expect(choice('access the records we keep on you.', 'You have the right to:')).toBe(
      'see the data they hold about you',
    );
  });
  it('a paragraph saying where data is kept gives its sentences no "change it in your account"', () => {
    const paragraph = 'You can pay by card without the card number being stored in your customer account.';
    expect(choice('Our payment partner only processes the number for a moment.', paragraph)).toBeNull();
    expect(choice('your delivery address.', 'You can change these in your account:')).toBe(
      'change it in your account',
    );
  });
});

describe('choices still [same] in the seventh to ninth checks', () => {
  it('consent "which you may revoke" is withdrawing it', () => {
    expect(choice('We send reminders based on your consent, which you can revoke whenever you like.')).toBe(
      'withdraw consent',
    );
    expect(choice('We send reminders based on your consent.')).not.toBe('withdraw consent');
  });
  it('setting your settings is a choice in settings, not a quote cut mid-phrase', () => {
    expect(choice('You can choose to set your settings so that your city and age stay hidden.')).toBe(
      'change it in settings',
    );
  });
  it('an "opt-in" or "opt-out" method in quotes is both ways', () => {
    expect(choice('We ask for consent through an "opt-in" or "opt-out" method.')).toBe('opt in or out');
    expect(choice('You can opt out of the newsletter.')).toBe('opt out of the newsletter');
  });
});
