/**
 * Purposes and the consent-denial card from the ninth explanation check's misses (issue 23, round 2), each as
 * a general shape: a purpose word that names a recipient's trade, a kind of data, a safeguard or a group of
 * customers; and a denial that holds until the user agrees, which must say so. Team-written sentences, each
 * beside a control that keeps the slot or the tail.
 */
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots } from '../../lib/explain';

const purposes = (text: string) => extractSlots(text).purposes;

describe('a purpose word that is not what the data is used for', () => {
  it.each([
    // A list of recipients' trades ending in the recipient noun.
    [
      'Vendors that handle the data for us: mail, storage, security, and analytics service providers',
      'safety and security',
    ],
    [
      'We pass it to partners and to fraud, payments or hosting companies that work for us.',
      'safety and security',
    ],
    // The recipient's keeping of the data safe, coordinated with another word.
    [
      'We require our contractors to keep security and confidentiality measures like ours.',
      'safety and security',
    ],
    [
      'We guard the security and integrity of your personal data by training our staff.',
      'safety and security',
    ],
    // A kind of data named after the word.
    ['Never tell anyone your password or other security details.', 'safety and security'],
    ['We keep your name, phone number, advertising ID and IP address.', 'advertising and marketing'],
    // A group of customers named after it.
    ['Only businesses can become advertising customers of the platform.', 'advertising and marketing'],
    // The recipient providing services to the company.
    ['We use processors who provide services to us, such as storage.', 'providing the service'],
    ['Our partners that provide the services may see your device data.', 'providing the service'],
  ])('%s (not %s)', (text, purpose) => {
    expect(purposes(text)).not.toContain(purpose);
  });

  it.each([
    [
      'We use your data to keep the service safe and for security, and we share it with our partners.',
      'safety and security',
    ],
    ['We use your device data for fraud prevention and analytics.', 'safety and security'],
    ['We use your advertising ID to show you ads.', 'advertising and marketing'],
    ['We use your data to provide the services you ask for.', 'providing the service'],
  ])('still a purpose: %s (%s)', (text, purpose) => {
    expect(purposes(text)).toContain(purpose);
  });
});

describe('a denial about children says so', () => {
  const card = (category: 'data-sharing' | 'data-sale' | 'targeted-advertising', text: string) =>
    explainLabel({ category, stance: 'denies' }, extractSlots(text), text);

  it.each([
    [
      'targeted-advertising',
      'We do not use the data of users under 16 for tailored ads without a parent’s authorization.',
    ],
    ['data-sale', 'We do not sell what we learn about minors.'],
  ] as const)('%s: %s', (category, text) => {
    const said = card(category, text);
    expect(said).toMatch(/children/);
    // A parent's authorisation is not the user opting in.
    expect(said).not.toMatch(/unless you opt in/);
  });

  it('a region is not shown as who a denial covers (it is as often an exception)', () => {
    const text = 'We do not share your data with advertisers, except for users in the EU.';
    expect(card('data-sharing', text)).not.toMatch(/covers/);
  });
});

describe('a denial that holds until the user agrees says so', () => {
  const card = (category: 'data-sharing' | 'data-sale' | 'targeted-advertising', text: string) =>
    explainLabel({ category, stance: 'denies' }, extractSlots(text), text);

  it.each([
    ['data-sharing', 'Besides, with your permission, we may pass your email address to other shops.'],
    ['data-sale', 'We will not sell what you tell us without your express consent.'],
    ['data-sharing', 'You have to agree before we pass your details to the bank.'],
  ] as const)('%s: %s', (category, text) => {
    expect(card(category, text)).toMatch(/unless you opt in|unless you agree|your consent/i);
  });

  it.each([
    ['data-sharing', 'We never share your messages with advertisers.'],
    ['data-sale', 'We do not sell your personal data.'],
  ] as const)('no consent named: %s', (category, text) => {
    expect(card(category, text)).not.toMatch(/unless you opt in|unless you agree|your consent/i);
  });
});

describe('a data word that names no data of the user’s', () => {
  const data = (text: string) => extractSlots(text).data;

  it.each([
    // Wrongdoing the company looks into, in a list of adjectives.
    [
      'We may pass records to the police to look into fraud and other unauthorised, illegal or unethical activity.',
      'activity',
    ],
    // Another party's activity.
    [
      'You may view the pages for your own use and in connection with ordinary search engine activity.',
      'activity',
    ],
    // A message the service shows the user.
    ['After you unsubscribe, you will see a message confirming that it worked.', 'messages'],
    // A control named after content.
    ['We protect the records by training staff and by putting content controls in place.', 'your content'],
  ])('%s (not %s)', (text, word) => {
    expect(data(text)).not.toContain(word);
  });

  it.each([
    ['We log your activity on the site to detect fraud.', 'activity'],
    ['We store the messages you send to other members.', 'messages'],
    ['We scan your content with automated controls.', 'your content'],
  ])('still the user’s: %s (%s)', (text, word) => {
    expect(data(text)).toContain(word);
  });
});
