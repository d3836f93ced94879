/**
 * Slots and card wording from the sixth explanation check's misses (issue 23, cluster B), each as a general
 * shape: a word that names something other than the user's data, a purpose read from a recipient's name, a
 * control the clause does name, a choice the clause does not offer, a default it does not state.
 * Team-written sentences, each beside a control that keeps the slot.
 */
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots, hasUserControl, permittedPartData } from '../../lib/explain';

const data = (text: string, leadIn?: string) => extractSlots(text, leadIn).data;
const purposes = (text: string) => extractSlots(text).purposes;
const choice = (text: string, leadIn?: string) => extractSlots(text, leadIn).choice;
const choiceCard = (text: string, leadIn?: string) =>
  explainLabel({ category: 'user-choice', stance: 'permits' }, extractSlots(text, leadIn), text);

describe('"content" that is not the user’s', () => {
  it.each([
    // Companies named after what they serve.
    'We pass browser types to our hosting and content providers so that pages load quickly.',
    // What the service shows the user.
    'We use your location to tailor the news and content that you see.',
    'We personalise the advertising and content shown in our apps.',
    'Publishers can offer valuable content for free because advertising pays for it.',
    'Any claim about your receipt of content from the service goes to arbitration.',
    // A setting about content.
    'Update your content or language preferences in the app at any time.',
  ])('%s', (text) => {
    expect(data(text)).not.toContain('your content');
  });

  it.each([
    'We may use your content to improve our services.',
    'Content you upload may be shared with our partners.',
    'We keep the content that you post until you delete it.',
    'We scan uploaded content for malware.',
  ])('still the user’s: %s', (text) => {
    expect(data(text)).toContain('your content');
  });
});

describe('messages and videos the company makes, recordings of the user', () => {
  it('an update message is the company’s notice, not the user’s messages', () => {
    expect(data('We will mark the date of each revision with an update message at the top.')).not.toContain(
      'messages',
    );
    expect(data('We scan your messages for spam.')).toContain('messages');
  });

  it('videos the company publishes are no media of the user’s', () => {
    expect(data('We will tell you about new tutorial videos for our games.')).not.toContain(
      'photos and videos',
    );
    expect(data('We will tell you about new “how-to cook” videos on our channel.')).not.toContain(
      'photos and videos',
    );
    expect(data('We may analyse the videos you upload.')).toContain('photos and videos');
  });

  it('an audio or video recording is a recording, not photos', () => {
    const d = data('For quality reviews we keep identity data and an audio or video recording of the call.');
    expect(d).toContain('audio and video recordings');
    expect(d).not.toContain('photos and videos');
    expect(data('We keep video recordings of support calls for a year.')).toEqual([
      'audio and video recordings',
    ]);
  });
});

describe('no purpose from the name of one recipient among several', () => {
  it.each([
    ['We work with analytics vendors, fraud prevention partners and cloud hosts.', 'safety and security'],
    ['We work with analytics vendors, fraud prevention partners and cloud hosts.', 'analytics'],
    ['We may pass your details to law enforcement agencies and courts.', 'legal obligations'],
    ['Recipients: advertising and marketing companies, payment processors.', 'advertising and marketing'],
  ])('%s (no %s)', (text, purpose) => {
    expect(purposes(text)).not.toContain(purpose);
  });

  it.each([
    ['We use your data for fraud prevention and to comply with legal obligations.', 'safety and security'],
    ['We use your data for fraud prevention and to comply with legal obligations.', 'legal obligations'],
    ['We share your data with law enforcement to meet our legal obligations.', 'legal obligations'],
    ['We share usage data with partners for analytics and for security.', 'analytics'],
    ['We share usage data with partners for analytics and for security.', 'safety and security'],
    ['We may disclose data to regulators for compliance with applicable laws.', 'legal obligations'],
    // One recipient named by its trade: what sharing with it serves.
    ['We share your browsing data with advertising partners.', 'advertising and marketing'],
  ])('a stated purpose stays: %s (%s)', (text, purpose) => {
    expect(purposes(text)).toContain(purpose);
  });
});

describe('a control the clause names', () => {
  it('editing the account information', () => {
    const text = 'You can edit your account information, including your e-mail preferences, at any time.';
    expect(choice(text)).toBe('change it in your account');
    expect(choiceCard(text)).not.toMatch(/describes rights or choices you may have over/);
  });

  it('using the rights through the channels the clause lists', () => {
    const text =
      'You may use these rights by emailing privacy@example.com, by calling our help line, or by visiting our request page.';
    // The address the clause names goes with the channel (./route.ts).
    expect(choice(text)).toBe('contact them by e-mail to privacy@example.com');
  });

  it('making a request', () => {
    expect(choice('If you have no login, you can make a request for access to your data on this page.')).toBe(
      'see the data they hold about you',
    );
  });

  it('the opt-out its lead-in names, when the item names none', () => {
    const leadIn = 'Even after you opt out of personalised ads:';
    expect(choice('You will still see our ads.', leadIn)).toBe('opt out of personalised ads');
    expect(choiceCard('You will still see our ads.', leadIn)).not.toMatch(
      /describes rights or choices you may have over/,
    );
    // An item naming its own right keeps it; a lead-in naming only "your rights" adds nothing.
    expect(choice('Delete your data.', 'You have the right to:')).toBe('ask for deletion');
    expect(choice('Information about these rights.', 'More about your rights:')).toBeNull();
  });
});

describe('no choice the clause does not offer', () => {
  it('access to features after withdrawing consent is no right of access', () => {
    const text =
      'You have the right to withdraw your consent. If you do, we may not be able to give you access to some features of the app.';
    expect(choice(text)).toBe('withdraw consent');
    expect(choice(text, 'Your rights include:')).toBe('withdraw consent');
    expect(choice('You have the right to access your data and to withdraw your consent.')).not.toBeNull();
    expect(choice('You may request access to your data.')).toBe('see the data they hold about you');
  });

  it('a right the company reserves is its power, not the user’s choice', () => {
    for (const text of [
      'The company reserves the right to delete inactive accounts and their content.',
      'We reserve the right to remove content that breaks these rules.',
    ]) {
      expect(hasUserControl(text)).toBe(false);
      expect(choice(text)).toBeNull();
    }
    expect(hasUserControl('You have the right to delete your account.')).toBe(true);
    // Its right to ask for identification is how the user's request is handled: still the user's choice.
    expect(
      hasUserControl('We reserve the right to request proof of identity before we act on a request.'),
    ).toBe(true);
  });

  it('"unlikely" is no unliking: only the verb opens the control gate', () => {
    expect(hasUserControl('In the unlikely event of a merger, your records may pass to the buyer.')).toBe(
      false,
    );
    expect(hasUserControl('You can unlike a post or unfollow a page at any time.')).toBe(true);
  });

  it('instructions for the data after death are not a deletion request', () => {
    const text =
      'If you live in France, you can give us instructions about what happens to your data after your death, such as whether we keep or delete it.';
    expect(choice(text)).toBe('leave instructions for your data after your death');
    expect(choice('Post-mortem instructions.', 'You have the right to:')).toBe(
      'leave instructions for your data after your death',
    );
    expect(choice('You can ask us to delete your data.')).toBe('ask for deletion');
  });
});

describe('a default only where the clause states one', () => {
  it.each([
    // Consent with a way out too (guide R1: not off by default).
    'We only send you direct marketing with your consent, and you can opt out of it at any time.',
    // Consent only where a law asks for it (R1: unclear).
    'We may ask for your opt-in consent to some marketing where this is required by law.',
    'We will ask for your consent where required by applicable law.',
  ])('%s', (text) => {
    expect(extractSlots(text).default).toBeNull();
  });

  it.each([
    'We only send marketing e-mails if you opt in.',
    'With your consent, we may share your e-mail address.',
  ])('off: %s', (text) => {
    expect(extractSlots(text).default).toBe('off');
  });
});

describe('a de-identification label in a list of uses', () => {
  const list =
    'We use your information: to run the service; to prevent fraud and keep accounts secure; to create aggregated statistics, which we use for research; and to show you ads based on your activity.';
  it('takes the purposes of the item that names the aggregation', () => {
    const said = explainLabel({ category: 'de-identification', stance: 'permits' }, extractSlots(list), list);
    expect(said).toMatch(/Purpose: analytics and research\.$/);
    expect(said).not.toMatch(/safety|advertising/);
  });

  it('a sentence that is no list keeps its own', () => {
    const text = 'We share aggregated statistics with advertisers for research and advertising.';
    const said = explainLabel({ category: 'de-identification', stance: 'permits' }, extractSlots(text), text);
    expect(said).toMatch(/research and advertising/);
  });
});

describe('data named only in a denial after the permitted part', () => {
  const text =
    'We share your IP address with our hosting providers, but we never share anything that could tie your chats or searches to you.';
  const permits = [{ stance: 'permits' as const }];

  it('a card whose labels all permit lists the permitted part’s data', () => {
    const slots = permittedPartData(extractSlots(text), text, permits);
    expect(slots.data).toEqual(['device information']);
    expect(explainLabel({ category: 'data-sharing', stance: 'permits' }, slots, text)).not.toMatch(/chats/);
  });

  it('a label that denies keeps the denied data; a sentence with no denial keeps all', () => {
    expect(permittedPartData(extractSlots(text), text, [...permits, { stance: 'denies' }]).data).toContain(
      'chats',
    );
    const plain = 'We share your IP address and your chats with our hosting providers.';
    expect(permittedPartData(extractSlots(plain), plain, permits).data).toContain('chats');
    // No denial: a list that is "not limited to", a limit on how long.
    for (const other of [
      'This covers device information, including but is not limited to your chats with support.',
      'We keep your IP address for as long as we need it, but never longer than a year after your last chat.',
    ])
      expect(permittedPartData(extractSlots(other), other, permits).data).toEqual(extractSlots(other).data);
  });
});
