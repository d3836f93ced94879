/**
 * Shapes of the eleventh explanation check where the label was right and the card's slots were not (issue 23):
 * a keyword texted to a number, a page named by what it is for, an unsubscribe link "located at the bottom" of
 * the e-mails, an opt-out cookie behind a link, a copy downloaded on a settings page, closing the account "if
 * you would like to", "security alerts" as a kind of e-mail, "on file", consent as one trigger of several, and a
 * denial that covers only children's data.
 * Team-written sentences, each beside a control that keeps the old reading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots } from '../../lib/explain';
import { explainLabelIn } from '../../lib/explain/render';
import { choiceText } from '../../lib/explain/slot-text';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../../lib/i18n';

const slots = (text: string) => extractSlots(text);
const tr = (l: string): Translate =>
  createTranslator(
    getMessageFromCatalogue(
      JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${l}/messages.json`), 'utf8')),
    ),
  );

describe('named controls the card missed', () => {
  it('a keyword texted to a number is the route, in every language', () => {
    const c = slots('To stop our text offers, send the text QUIT to 55123 from your phone.').choice;
    expect(c).toBeNull(); // "send the text" is no "text QUIT to": no route invented
    const choice = slots('You can opt out of text offers: just text QUIT to 55123.').choice;
    expect(choice).toBe('opt out of text offers by texting QUIT to 55123');
    expect(choiceText(choice!, tr('en'))).toBe('opt out of text offers by texting QUIT to 55123');
    for (const l of ['de', 'fr', 'sv']) {
      const shown = choiceText(choice!, tr(l), false);
      expect(shown).toContain('QUIT');
      expect(shown).toContain('55123');
      expect(shown).not.toContain(' to ');
    }
    expect(slots('You can opt out at any time by calling 0800 555 0199.').choice).toBe(
      'opt out by calling 0800 555 0199',
    );
  });

  it('a page named by what it is for goes with closing the account', () => {
    expect(slots('You can remove your profile by going to the deactivation page.').choice).toBeNull();
    expect(slots('You can delete your Acme account by heading to the deactivation page.').choice).toBe(
      'close your account on the page "deactivation"',
    );
    expect(
      slots('If you would like to delete your account, you can do that on the deactivation page.').choice,
    ).toBe('close your account on the page "deactivation"');
    expect(slots('You can read more on our privacy page.').choice).toBeNull();
  });

  it("a section of the user's account is the account as the route", () => {
    expect(
      slots('You can opt out of the beta programme in the Privacy tab of your Acme account.').choice,
    ).toBe('opt out of the beta programme by logging into your account');
    expect(slots('You can opt out of the beta programme in the Privacy tab.').choice).toBe(
      'opt out of the beta programme',
    );
  });

  it('an opt-out preference signal is the control, and is not said to be Global Privacy Control', () => {
    const choice = slots(
      'If your browser sends an opt-out preference signal, we treat it as your request.',
    ).choice;
    expect(choice).toBe('send an opt-out preference signal from your browser');
    for (const l of ['de', 'fr', 'sv']) expect(choiceText(choice!, tr(l), false)).not.toBeNull();
    expect(slots('We do not respond to opt-out preference signals.').choice).not.toBe(
      'send an opt-out preference signal from your browser',
    );
  });

  it('an unsubscribe link "located at the bottom" of the e-mails is the link in their e-mails', () => {
    expect(
      slots(
        'You can unsubscribe from our newsletters by using the unsubscribe link located at the bottom of each promotional email.',
      ).choice,
    ).toBe('unsubscribe using the link in their e-mails');
    expect(slots('You can unsubscribe using the link located on our homepage.').choice).toBe('unsubscribe');
  });

  it('contacting them offered beside the e-mail link is the second way, in every language', () => {
    const choice = slots(
      'You can unsubscribe at any time via the unsubscribe link in each newsletter, or by contacting us.',
    ).choice;
    expect(choice).toBe('unsubscribe using the link in their e-mails or by contacting them');
    for (const l of ['de', 'fr', 'sv']) expect(choiceText(choice!, tr(l), false)).not.toBeNull();
    expect(slots('You can unsubscribe via the unsubscribe link in our e-mails, or Contact Us.').choice).toBe(
      'unsubscribe using the link in their e-mails or by contacting them',
    );
    expect(slots('You can unsubscribe via the unsubscribe link in our e-mails.').choice).toBe(
      'unsubscribe using the link in their e-mails',
    );
  });

  it('an opt-out cookie behind a link is an opt-out, not a browser setting', () => {
    expect(
      slots(
        'To object to tracking, you can set an opt-out cookie with the link below, so that no data from your browser is recorded.',
      ).choice,
    ).toBe('opt out using the link they name');
    // The link named by its address: the address is the route, said once.
    expect(
      slots(
        'You can get an opt-out cookie via the link https://optout.example.org, so your browser sends no data.',
      ).choice,
    ).toBe('opt out on the site https://optout.example.org');
    expect(slots('You can block cookies in your browser settings.').choice).toBe(
      'change your browser settings',
    );
  });

  it('a copy downloaded on a settings page is a copy, not a change in settings', () => {
    const choice = slots('You can download a copy of your data on our account settings page.').choice;
    expect(choice).toBe('download a copy of your data in settings');
    for (const l of ['en', 'de', 'fr', 'sv']) expect(choiceText(choice!, tr(l), l === 'en')).not.toBeNull();
    expect(slots('You can review your data on our account settings page.').choice).toBe(
      'change it in settings',
    );
  });
});

describe('slots read from words that are something else', () => {
  it('"security alerts" in a list of e-mails is no security purpose', () => {
    const s = slots(
      'You can unsubscribe from promotional e-mails (such as product news, security alerts and event invitations).',
    );
    expect(s.purposes).not.toContain('safety and security');
    expect(slots('We use your data for security and to prevent fraud.').purposes).toContain(
      'safety and security',
    );
  });

  it('information "on file" names no files', () => {
    expect(
      slots('If the details we hold on file about you are wrong, you can correct them.').data,
    ).not.toContain('files');
    expect(slots('You can delete the files you store with us.').data).toContain('files');
  });

  it('consent as one trigger of several sets no default', () => {
    expect(
      slots('We may share your data with your consent or to deliver a product you ordered.').default,
    ).toBeNull();
    expect(slots('We share your data with partners only with your consent.').default).toBe('off');
    expect(slots('We share it with your consent or at your request.').default).toBe('off');
  });
});

describe('a denial that covers only children keeps its scope', () => {
  const ads = { category: 'targeted-advertising', stance: 'denies' } as const;
  it("children's data is the denial's object: the card says so, in every language", () => {
    const text = 'We do not knowingly sell or use for targeted ads the personal data of children under 16.';
    expect(explainLabel(ads, extractSlots(text), text)).toBe(
      "This says they do NOT use children's personal data to target ads at you.",
    );
    const sale = 'We do not sell information about children.';
    expect(explainLabel({ category: 'data-sale', stance: 'denies' }, extractSlots(sale), sale)).toBe(
      "This says they do NOT sell, rent or trade children's data.",
    );
    for (const l of ['de', 'fr', 'sv'])
      expect(explainLabelIn(ads, extractSlots(text), text, tr(l))).not.toMatch(/\b(?:Ihre|vos|dina)\b/);
  });

  it('a denial to everyone that also names children stays as it was', () => {
    const text = 'We do not use your personal data for targeted ads, and this includes children.';
    expect(explainLabel(ads, extractSlots(text), text)).toMatch(
      /^This says they do NOT use your personal data/,
    );
  });
});

describe('a licence to the other users is not a licence to the company', () => {
  const licence = { category: 'content-license', stance: 'permits' } as const;
  it('the other users as licensees: the card names them, in every language', () => {
    const text =
      'You also grant each other user of the app a licence to view and share the photos you post to them.';
    expect(explainLabel(licence, extractSlots(text), text)).toMatch(
      /^You give other users of the service a licence/,
    );
    for (const l of ['de', 'fr', 'sv'])
      expect(explainLabelIn(licence, extractSlots(text), text, tr(l))).not.toBe(
        explainLabelIn(
          licence,
          extractSlots('You grant us a licence to use what you post.'),
          'You grant us a licence to use what you post.',
          tr(l),
        ),
      );
  });

  it('the company among the licensees stays "you give them a licence"', () => {
    const both = 'You grant us and other users a licence to display what you post.';
    expect(explainLabel(licence, extractSlots(both), both)).toMatch(/^You give them a licence/);
    const us = 'You grant us a worldwide licence to host and show your posts.';
    expect(explainLabel(licence, extractSlots(us), us)).toMatch(/^You give them a licence/);
  });
});

describe('ads measured and marketing tailored are said as such', () => {
  const ads = { category: 'targeted-advertising', stance: 'permits' } as const;
  it('telling advertisers how their ads are doing is measurement, not targeting', () => {
    const text = 'We tell advertisers how their ads are doing on our site.';
    expect(explainLabel(ads, extractSlots(text), text)).toMatch(/measure how their ads perform/);
    const target = 'We use what you like to show you ads that fit you.';
    expect(explainLabel(ads, extractSlots(target), target)).toMatch(/target ads at you/);
  });

  it('their marketing e-mails tailored to your interests say the tailoring, in every language', () => {
    const text = 'Our promotional e-mails may be tailored to your interests.';
    expect(explainLabel(ads, extractSlots(text), text)).toBe(
      'This says your data may be used to tailor their marketing to your interests.',
    );
    const plain = 'Our promotional e-mails tell you about new offers.';
    expect(explainLabel(ads, extractSlots(plain), plain)).toMatch(/their own marketing/);
    for (const l of ['de', 'fr', 'sv'])
      expect(explainLabelIn(ads, extractSlots(text), text, tr(l))).not.toBe(
        explainLabelIn(ads, extractSlots(plain), plain, tr(l)),
      );
  });
  it('a right named first is the choice, not the consent withdrawal among its conditions', () => {
    expect(
      extractSlots(
        'You have the right to ask us to erase your details, for example where you withdraw your consent to their use.',
      ).choice,
    ).toBe('ask for deletion');
    expect(extractSlots('You can withdraw your consent at any time in your settings.').choice).toMatch(
      /withdraw consent/,
    );
    expect(extractSlots('You have the right to withdraw your consent at any time.').choice).toBe(
      'withdraw consent',
    );
  });
});
