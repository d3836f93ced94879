/**
 * The data and choice slots over the shapes the explanation checks v2–v8 kept finding wrong (issue 23): a data
 * word that only modifies another noun, names what the data is kept apart from, or sits in a contract term's
 * clause; a region named as a place rather than its users; a control the clause names by contacting the
 * company, by a quoted setting, by a choice both ways, by who may see a post; a control the clause denies; rights
 * that are not the user's data rights; objecting and restricting kept apart. Team-written sentences, each beside
 * a control that keeps the old reading where it was right.
 */
import { describe, expect, it } from 'vitest';
import { extractSlots, permittedPartData } from '../../lib/explain';

const slots = (text: string, leadIn?: string) => extractSlots(text, leadIn);
const data = (text: string) => slots(text).data;
const choice = (text: string, leadIn?: string) => slots(text, leadIn).choice;
const scope = (text: string) => slots(text).scope;

describe('data words that name no data of the user’s', () => {
  it.each([
    // A media word that modifies the noun after it.
    ['Our partners record your film viewing history and video watching time.', []],
    ['Hearings may take place over a video conferencing platform chosen by the arbitrator.', []],
    ['The mail provider may pass message routing metadata to its carriers in summary form.', []],
    // Messages the company sends, named with their channel.
    ['To stop receiving text messages from us, reply STOP to any of them.', []],
    ['You can stop receiving electronic messages from the shop at any time.', []],
    ['We will not use your number to place recorded calls or text messages to you.', []],
    // What a cookie is, and comments given as feedback.
    ['Cookies are small text files that a site leaves in your browser.', ['cookies']],
    ['Any feedback, comments or suggestions you send us may be used freely.', ['feedback']],
  ])('%s', (text, expected) => {
    expect(data(text)).toEqual(expected);
  });

  it('leaves out the data a clause keeps apart, and keeps the rest', () => {
    expect(data('Crash reports are anonymous and never linked to your IP address.')).toEqual([]);
    expect(
      data('Usage data is not tied to your e-mail address, and we share your IP address with our host.'),
    ).toEqual(['activity', 'device information']);
  });

  it('keeps the user’s media, messages and comments', () => {
    expect(data('We keep the videos you upload and the messages you send to friends.')).toEqual([
      'photos and videos',
      'files',
      'messages',
    ]);
    expect(data('We may show the video that you post to other members.')).toEqual(['photos and videos']);
    expect(data('Other users can see your comments and photos.')).toEqual(['posts', 'photos and videos']);
    expect(data('We may read your text messages to catch spam.')).toEqual(['messages']);
  });
});

describe('a contract term’s card lists no data', () => {
  const text = 'Either side may hand in documents and e-mail addresses to the arbitrator.';
  it('when every label is arbitration or a change of terms', () => {
    const arbitration = [{ category: 'arbitration', stance: 'permits' }] as const;
    expect(permittedPartData(extractSlots(text), text, arbitration).data).toEqual([]);
    const change = [{ category: 'unilateral-change', stance: 'permits' }] as const;
    expect(permittedPartData(extractSlots(text), text, change).data).toEqual([]);
  });
  it('but any label about the data keeps them', () => {
    const both = [
      { category: 'arbitration', stance: 'permits' },
      { category: 'data-sharing', stance: 'permits' },
    ] as const;
    expect(permittedPartData(extractSlots(text), text, both).data).toEqual(['files', 'contact details']);
  });
});

describe('a region is a scope only as its users', () => {
  it.each([
    'We will not send your records to any country outside the EU/EEA.',
    'Backups may sit on servers inside or outside the EU, which we do not control.',
  ])('a place: %s', (text) => {
    expect(scope(text)).toEqual([]);
  });
  it.each([
    'This section does not apply to users in the EEA.',
    'We do not do this for UK residents.',
    'Texas law governs these terms, except in the EU.',
  ])('its users: %s', (text) => {
    expect(scope(text)).toEqual(['users in the EU/UK']);
  });
});

describe('a control the clause names', () => {
  it.each([
    // Contacting the company to make a request.
    [
      'Should you want your records limited, you may at any time contact our privacy officer.',
      'contact them',
    ],
    ['You can write to our help desk with your request.', 'contact them'],
    ['You can manage your billing details by contacting the support team.', 'contact them'],
    ['You may also make a privacy request through an authorized agent.', 'ask through an authorised agent'],
    // A setting named in quotes, or named with the user as the one who controls it.
    [
      'Visitors may update this by visiting "Tracking Preferences" at the foot of each page.',
      'change it in settings',
    ],
    ['As a group owner, you control certain privacy settings of the group.', 'change it in settings'],
    ['You have full control over this in the app settings.', 'change it in settings'],
    ['You can manage your consents for each partner separately.', 'give or refuse consent'],
    // A choice both ways, who may see a post, the app itself.
    ['You can select whether or not we use your drafts to improve our models.', 'opt in or out'],
    ['You can decide at a finer level who can see each album.', 'choose who can see it'],
    ['You can stop all collection by deleting the app.', 'uninstall the app'],
    [
      'If you choose to share your step count with the coach, we store it.',
      'choose to share your step count with the coach',
    ],
    // Closing an account, however the sentence gets there.
    [
      'If you disagree, you will need to stop using the app and deactivate your account.',
      'close your account',
    ],
    // Objecting: in so many words, or as asking them not to use the data or to stop contacting you.
    ['You may ask us not to use your data for direct marketing profiles.', 'object to processing'],
    ['You have a right at any time to stop us from contacting you with offers.', 'opt out'],
    ['You are entitled to demand that we restrict the processing of your data.', 'restrict processing'],
    [
      'Each year you are entitled to obtain an extract of the records we keep on you.',
      'see the data they hold about you',
    ],
    ['If you delete cookies or refuse to accept them, some pages may break.', 'refuse cookies'],
    // Turning down a change of the terms, and a consent the user gives.
    [
      'If we change this section, you may reject the change by writing to us within 30 days.',
      'reject the changes',
    ],
    ['If you give us consent to send you texts, we keep a record of it.', 'give or refuse consent'],
  ])('%s', (text, expected) => {
    expect(choice(text)).toBe(expected);
  });

  it('a right under a rights lead-in is the right it names, not widened to its neighbour', () => {
    const lead = 'You have the right:';
    expect(choice('to object to our processing where we rely on legitimate interests', lead)).toBe(
      'object to processing',
    );
    expect(choice('to restrict our processing while you contest it', lead)).toBe('restrict processing');
    expect(choice('to object to, or restrict, our processing of your data', lead)).toBe(
      'object to or restrict processing',
    );
  });

  it('a request asked of the company stays a request', () => {
    expect(choice('You can ask us to delete your account data.')).toBe('ask for deletion');
  });
});

describe('no control the clause does not give', () => {
  it.each([
    // A control denied.
    'However, you cannot opt out of receiving notices about your account.',
    'You will not be able to unsubscribe from security alerts.',
    'When you may not close your account.',
    // A signal the company ignores, sent "from your browser".
    'We do not interpret or respond to Do Not Track signals from your browser.',
    'The site is not yet set up to interpret or respond to Do Not Track signals sent by your browser.',
    // Rights that are not data rights.
    'You may not assign or transfer your rights to use the Services.',
    'You confirm that you own all rights to your User Content and that it will not violate any rights of others.',
    // A choice between two ways of doing something, and a condition that grants nothing.
    'You may choose whether the hearing is held by phone or in person.',
    'If you choose to file a claim, you must do so within a year.',
    // Someone else's settings.
    'We do not control certain privacy settings kept by social networks.',
    // "opt-in" naming a record.
    'These lists leave out any text-message opt-in data we hold.',
  ])('%s', (text) => {
    expect(choice(text)).toBeNull();
  });

  it('"opt-in data" states no default', () => {
    expect(slots('These lists leave out any text-message opt-in data we hold.').default).toBeNull();
  });

  it('a denied control leaves the one the clause does give', () => {
    expect(
      choice('You cannot opt out of account notices, but you can unsubscribe from our newsletter.'),
    ).toBe('unsubscribe');
  });

  it('a company said to break the user’s rights still points to the regulator', () => {
    expect(
      choice(
        'If you think our processing breaks the GDPR, you have the right to complain to a supervisory authority.',
      ),
    ).toBe('complain to a regulator');
  });

  it('a paragraph’s way of asking is not lent to the next sentence unless it introduces it', () => {
    const lead = 'If you have questions about these rights, you can contact us with your request.';
    expect(choice('We keep records only as long as we need them.', lead)).toBeNull();
    expect(choice('Calling our free line', 'To get a copy of your data, you can contact us by:')).toBe(
      'contact them',
    );
  });
});
