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

  it('data types come in order of appearance without duplicates', () => {
    expect(
      extractSlots('We collect your location data, contact details and location data again.').data,
    ).toEqual(['location', 'contact details']);
  });
});
