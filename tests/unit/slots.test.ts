/** Slot extraction on sentences written by the team for this test. */
import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../lib/explain/slots';

describe('extractSlots', () => {
  it('reads data, default, choice and scope from an opt-out training clause', () => {
    const s = extractSlots(
      'Unless you opt out in your settings, we use your chats to train our models; this does not apply to Enterprise or API customers.',
    );
    expect(s.data).toContain('chats');
    expect(s.purposes).toContain('training AI models');
    expect(s.default).toBe('on');
    expect(s.choice).toBe('turn it off in settings');
    expect(s.scope).toEqual(['Enterprise', 'API']);
  });

  it('opt-in and consent mean off by default', () => {
    expect(extractSlots('We only use your recordings if you opt in.').default).toBe('off');
    expect(extractSlots('With your explicit consent, we may analyse your voice recordings.').default).toBe(
      'off',
    );
    expect(extractSlots('Model training is off by default for business accounts.').default).toBe('off');
  });

  it('notes are the user\'s data; "note that" is not', () => {
    expect(extractSlots('We may use the notes and files you upload to train our models.').data).toEqual([
      'notes',
      'files',
    ]);
    expect(extractSlots('Please note that we may update this policy.').data).toEqual([]);
    expect(extractSlots('The company notes that it may change these terms.').data).toEqual([]);
  });

  it('no stated default or choice gives null', () => {
    const s = extractSlots('We share information with payment processors.');
    expect(s.default).toBeNull();
    expect(s.choice).toBeNull();
    expect(s.scope).toEqual([]);
  });

  it('safeguards', () => {
    expect(extractSlots('We de-identify and aggregate usage data before analysis.').safeguards).toEqual([
      'de-identified',
      'aggregated',
    ]);
    expect(extractSlots('We disassociate your feedback from your account first.').safeguards).toEqual([
      'disconnected from your account',
    ]);
  });

  it('scope names count only when excluded', () => {
    expect(extractSlots('Enterprise customers get a dedicated account manager.').scope).toEqual([]);
    expect(extractSlots('Temporary chats are not used for training.').scope).toEqual(['temporary chats']);
  });

  it('choices', () => {
    expect(extractSlots('You can object to this processing.').choice).toBe('object');
    expect(extractSlots('Click unsubscribe in any email.').choice).toBe('unsubscribe');
    expect(extractSlots('You may withdraw your consent at any time.').choice).toBe('withdraw consent');
    expect(extractSlots('You can ask us to delete your account data.').choice).toBe('ask for deletion');
  });

  it('a control the clause names is a choice: switching on, browser, settings reached by editing, account, interface, a spelled-out choice, a request', () => {
    // Team-written sentences, one per way a clause names a control.
    const choice = (t: string) => extractSlots(t).choice;
    expect(choice('You can switch on activity backups whenever you like.')).toBe('turn it on');
    expect(choice('You may configure your browser to reject third-party cookies.')).toBe(
      'change your browser settings',
    );
    expect(choice('Some web browsers allow you to delete stored cookies.')).toBe(
      'change your browser settings',
    );
    expect(choice('You can hide your birthday by updating your visibility settings.')).toBe(
      'change it in settings',
    );
    expect(choice("You can pick which contacts sync in your tablet's settings.")).toBe(
      'change it in settings',
    );
    expect(choice('You can fix a wrong postal address by editing your account.')).toBe(
      'change it in your account',
    );
    expect(choice('You can keep a playlist to yourself with the visibility switch.')).toBe(
      'use the control they describe',
    );
    expect(choice('You may choose to keep your wish list private.')).toBe(
      'choose to keep your wish list private',
    );
    expect(choice('You may ask for a copy of the recordings we hold about you.')).toBe(
      'get a copy of your data',
    );
    // A long spelled-out choice is quoted up to its first "and" / "or".
    expect(
      choice(
        'You can decide to keep your lists in a hidden folder and share them only with friends you pick.',
      ),
    ).toBe('choose to keep your lists in a hidden folder');
    // Rights with no control named stay without a choice.
    expect(choice('You may have further rights depending on your country.')).toBeNull();
    expect(choice('We respect the choices our users make.')).toBeNull();
  });

  it('an e-mail or postal address is a contact detail', () => {
    expect(extractSlots('We pass your email address to our courier.').data).toEqual(['contact details']);
    expect(extractSlots('We rent our mailing address list to other firms.').data).toEqual([
      'contact details',
    ]);
  });

  it('names no data of the user’s for what the company sends or for the policy itself', () => {
    expect(extractSlots('We may send you promotional messages about new maps.').data).toEqual([]);
    expect(extractSlots('Partners measure your interactions with advertising content.').data).toEqual([
      'activity',
    ]);
    expect(
      extractSlots('We will post changes here and update the date at the top of this document.').data,
    ).toEqual([]);
    // The user's own still count.
    expect(extractSlots('We read the messages you send and your posts.').data).toEqual(['messages', 'posts']);
    expect(extractSlots('We scan documents you upload and content you share.').data).toEqual([
      'files',
      'your content',
    ]);
  });

  it('names the control a clause names beyond settings: browser, Do Not Track, unfollowing, a regulator, consent, a permission, a link', () => {
    // Team-written sentences (issue 23, explanation check v4: "control named but missed").
    const choice = (t: string, leadIn?: string, prev?: string) => extractSlots(t, leadIn, prev).choice;
    expect(choice('You may at any time choose to switch these cookies off in your browser.')).toBe(
      'change your browser settings',
    );
    expect(choice('You can manage cookie settings in the browser you use.')).toBe(
      'change your browser settings',
    );
    // A browser extension's own settings are no browser settings.
    expect(choice('You can pick another server in the browser extension settings.')).toBe(
      'change it in settings',
    );
    expect(choice('We honour Do Not Track signals and stop analytics when one is sent.')).toBe(
      'turn on Do Not Track in your browser',
    );
    expect(choice('We do not respond to Do Not Track signals.')).toBeNull();
    expect(choice('You can limit what we learn about you by unfollowing our page.')).toBe(
      'unfollow or unlike their page',
    );
    expect(choice('You may also refer a complaint to your local data protection authority.')).toBe(
      'complain to a regulator',
    );
    expect(choice('You can consent to automatic sorting of your receipts.')).toBe('give or refuse consent');
    expect(choice('We will explain the use so that you can consider whether you wish to consent.')).toBe(
      'give or refuse consent',
    );
    expect(choice('To sync meetings, you may need to enable access to your calendar.')).toBe(
      'allow or refuse the access',
    );
    expect(choice('If you choose to refuse our cookies, some pages may not work.')).toBe('refuse cookies');
    expect(
      choice(
        'You can limit ad cookies by visiting the industry choices platform at https://example.org/choices.',
      ),
    ).toBe('use the page or tool they link to on the site https://example.org/choices');
    // "tell us to stop using it" and "change your mind" under a rights lead-in are objection and withdrawal
    // (the objection alone: no restriction the item does not name).
    expect(choice('tell us to stop using your details', 'You can:')).toBe('object to processing');
    expect(choice('to change your mind about the newsletter', 'You have the right to:')).toBe(
      'withdraw consent',
    );
    // A clause pointing back ("If you choose to do this") takes the control of the sentence before it.
    const prev = 'You may set your device permissions to let the app read your address book.';
    expect(
      choice('If you choose to do this, we will read the names in your address book.', undefined, prev),
    ).toBe('allow or refuse the access');
    expect(choice('If you choose to do this, we will read the names in your address book.')).toBeNull();
  });

  it('never quotes a choice cut mid-clause', () => {
    const choice = (t: string) => extractSlots(t).choice;
    // Cut at a quote: the phrase goes on in the quoted name.
    expect(
      choice('You have the right to opt out of activities that count as "selling" under state law.'),
    ).toBe('opt out');
    // "as described under the …": the how, not the what; a named link is the control.
    expect(
      choice('You may opt out of these uses as described under the "Ad Settings" link in our footer.'),
    ).toBe('opt out using the control "Ad Settings"');
    expect(choice('You may opt out of targeted ads as described in our cookie notice.')).toBe(
      'opt out of targeted ads',
    );
    expect(choice('You can opt out of the sharing of your data for purposes described in "Ads".')).toBe(
      'opt out',
    );
  });

  it('states a default only when the clause does', () => {
    const def = (t: string) => extractSlots(t).default;
    expect(
      def('You will not be treated differently if you choose to exercise your privacy rights.'),
    ).toBeNull();
    expect(def('If you decide to block cookies, parts of the site may stop working.')).toBeNull();
    // Consent that covers one item, not the practice.
    expect(
      def(
        'We pick the ads you see from your visits and from location data sent by your phone with your consent.',
      ),
    ).toBeNull();
    // Still off where the practice waits for the user.
    expect(def('If you choose to share your contacts, we will suggest friends.')).toBe('off');
    expect(def('With your consent, we use your location to show nearby shops.')).toBe('off');
  });

  it('reads no data of the user’s from what the company sends, a verb, or a video someone watches', () => {
    const data = (t: string) => extractSlots(t).data;
    expect(data('We may reach you through commercial electronic messages.')).toEqual([]);
    expect(data('We still send administrative messages about your account.')).toEqual([]);
    expect(data('Text STOP from the phone receiving the messages to end promotional text messages.')).toEqual(
      [],
    );
    expect(data('If one party files an arbitration, the other may ask for small claims court.')).toEqual([]);
    expect(data('The add-on asks our server for the skip segments of that video.')).toEqual([]);
    expect(data('Our apps may include personalized content and features.')).toEqual([]);
    // The user's own still count.
    expect(data('We store the videos you upload and your files.')).toEqual(['photos and videos', 'files']);
  });

  it('reads no purpose from a safeguard, a legal measure or a kind of data', () => {
    const purposes = (t: string) => extractSlots(t).purposes;
    expect(purposes('Partners must keep the confidentiality and security of personal information.')).toEqual(
      [],
    );
    expect(purposes('Processors must apply appropriate security measures.')).toEqual([]);
    expect(purposes('This covers accounting duties and other statutory measures.')).toEqual([]);
    expect(purposes('CRM data and marketing analytics data may pass to a buyer.')).toEqual([]);
    // Purposes still count.
    expect(purposes('We use it for fraud prevention and to measure how our ads perform.')).toEqual([
      'safety and security',
      'analytics',
      'advertising and marketing',
    ]);
  });

  it('data types come in order of appearance without duplicates', () => {
    expect(
      extractSlots('We collect your location data, contact details and location data again.').data,
    ).toEqual(['location', 'contact details']);
  });
});
