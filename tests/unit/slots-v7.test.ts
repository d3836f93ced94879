/**
 * Slots and card wording from the seventh explanation check's misses (issue 23, v7 cluster E), each as a
 * general shape (data/GUIDE.md, settled 2026-12-07): a choice read the wrong way round, a control taken from a
 * paragraph the sentence does not continue, words that name something other than the user's data, a default
 * named after "by default", a transfer limited to adequate countries. Team-written sentences, each beside a
 * control that keeps the old reading where it is right.
 */
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots } from '../../lib/explain';

const data = (text: string, leadIn?: string) => extractSlots(text, leadIn).data;
const choice = (text: string, leadIn?: string) => extractSlots(text, leadIn).choice;

describe('records the user changes themselves', () => {
  it('are changed in settings, not asked for', () => {
    expect(choice('You can view, correct or delete your details on your Settings page.')).toBe(
      'change it in settings',
    );
  });
  it('are changed in the service when the clause says so', () => {
    const text = 'In the app you can directly access, correct, delete or export the data we hold about you.';
    expect(choice(text)).toBe('change or delete it yourself in the service');
    expect(explainLabel({ category: 'user-choice', stance: 'permits' }, extractSlots(text), text)).toBe(
      'This says you can change or delete it yourself in the service.',
    );
  });
  it('a request stays a request', () => {
    expect(choice('You can ask us to delete your details at any time.')).toBe('ask for deletion');
    expect(choice('You have the right to request that we delete your account data.')).toBe(
      'ask for deletion',
    );
  });
});

describe('turning on a setting that limits', () => {
  it('is the way out, never "turn it on"', () => {
    expect(choice('On your phone you can turn on the Limit Ad Tracking setting.')).not.toBe('turn it on');
    expect(
      choice('You can opt out of tailored ads on Android or turn on the Limit Ad Tracking setting on iOS.'),
    ).toMatch(/^opt out\b/);
  });
  it('turning on a feature stays turning it on', () => {
    expect(choice('You can turn on the photo backup feature whenever you like.')).toBe('turn it on');
  });
});

describe('both ways', () => {
  it('"opt in or opt out" is no opt-out', () => {
    expect(choice('You are free to opt in or opt out at any time in the privacy area of your profile.')).toBe(
      'opt in or out',
    );
  });
  it('an opt-out alone stays one', () => {
    expect(choice('You can opt out at any time.')).toBe('opt out');
  });
});

describe('a company sentence under a paragraph that named a control', () => {
  const parent =
    'You can see and change your details on your Settings page. Some rights depend on where you live.';
  it('takes no control from it', () => {
    expect(choice('We may ask for a copy of your ID to confirm who you are.', parent)).toBeNull();
    expect(choice('We will not treat you worse for using any of these rights.', parent)).toBeNull();
  });
  it('a lead-in that introduces the items still gives its control', () => {
    expect(choice('We will still show you ads.', 'Even after you opt out of tailored ads:')).toBe(
      'opt out of tailored ads',
    );
  });
  it('a user sentence under the paragraph still takes it', () => {
    expect(choice('You can also do this for your past orders.', parent)).toBe('change it in settings');
  });
});

describe('data that is not the user’s', () => {
  it('the site’s own capitalised "Content"', () => {
    expect(
      data('We use cookies to remember Content that caught your eye and to recommend Content.'),
    ).not.toContain('your content');
    expect(data('The company or its assets, including the Content, may be sold to a buyer.')).toEqual([]);
  });
  it('"Content" the clause makes the user’s stays theirs', () => {
    expect(data('We may show Your Content to other members.')).toContain('your content');
    expect(data('We may remove any Content you post that breaks these rules.')).toContain('your content');
    expect(data('We may remove User Content at any time.')).toContain('your content');
    expect(data('Content you share with us may be shown to others.')).toContain('your content');
  });
  it('a count about posts', () => {
    expect(
      data('We may publish the total number of times a post has been liked, without names.'),
    ).not.toContain('posts');
    expect(data('We may show your posts to other members.')).toContain('posts');
  });
  it('"messages" listed beside the company’s marketing', () => {
    expect(data('If you agree, we will send you marketing emails, messages and offers.')).not.toContain(
      'messages',
    );
    expect(data('We scan your messages for spam.')).toContain('messages');
  });
  it('"public posts" are not "posts and information"', () => {
    expect(data('If you make a Post public, you give other members a licence to read your Post.')).toEqual([
      'posts',
    ]);
    expect(data('Public Posts: other members may read and share your public posts.')).toEqual([
      'public posts',
    ]);
    expect(data('We may index public information from your profile.')).toEqual([
      'public posts and information',
    ]);
  });
});

describe('a place named "security" is no purpose', () => {
  it('the security panel of an account', () => {
    expect(extractSlots('You can turn it off in the security panel of your account.').purposes).toEqual([]);
    expect(extractSlots('We use your IP address for security and to prevent fraud.').purposes).toEqual([
      'safety and security',
    ]);
  });
});

describe('a default named after "by default"', () => {
  it('"by default this is off" is off', () => {
    expect(
      extractSlots('We keep your sign-in times if you turn on the sign-in log (by default this is off).')
        .default,
    ).toBe('off');
  });
  it('on by default stays on', () => {
    expect(extractSlots('By default, we keep a record of your sign-ins.').default).toBe('on');
  });
});

describe('a transfer limited to adequate countries', () => {
  it('names that limit as its safeguard', () => {
    const text =
      'We only send your personal data to countries the regulator has found to protect it adequately.';
    const slots = extractSlots(text);
    expect(slots.safeguards).toEqual(['sent only to countries with adequate protection']);
    expect(explainLabel({ category: 'international-transfer', stance: 'permits' }, slots, text)).toContain(
      'sent only to countries with adequate protection',
    );
  });
  it('a transfer with no such limit names none', () => {
    expect(extractSlots('We may send your data to countries outside your own.').safeguards).toEqual([]);
  });
});

describe('cards that name who sees the data', () => {
  const card = (category: string, text: string) =>
    explainLabel(
      { category, stance: 'permits' } as Parameters<typeof explainLabel>[0],
      extractSlots(text),
      text,
    );
  it('shared only with other users or the public', () => {
    for (const text of [
      'Everything you put in your profile is public and can be seen by all other members of the site.',
      'Your reviews are visible to other users of the app.',
    ]) {
      expect(card('data-sharing', text)).toMatch(/other users of the service or to the public/);
      expect(card('data-sharing', text)).not.toMatch(/other companies/);
    }
  });
  it('a company named as recipient keeps the general sentence', () => {
    expect(
      card('data-sharing', 'Your profile is visible to other members and to our advertising partners.'),
    ).toMatch(/other companies/);
    expect(card('data-sharing', 'We may share your details with our payment providers.')).toMatch(
      /other companies/,
    );
  });
  it('measuring how useful marketing is: measurement, not targeting', () => {
    expect(card('targeted-advertising', 'We look at how useful our marketing is and improve it.')).toMatch(
      /measure/,
    );
    expect(
      card('targeted-advertising', 'We use your purchases to show you more relevant marketing.'),
    ).toMatch(/target ads/);
  });
});
