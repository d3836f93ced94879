/**
 * The route a clause names for the user's choice (issue 23, named-control-missed): an e-mail address, a phone
 * number or web sites go with the choice, kept as written; consent taken back by any verb is withdrawing it.
 * Team-written sentences, each beside a control that keeps the old reading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainLabel, extractSlots } from '../../lib/explain';
import { choiceText } from '../../lib/explain/slot-text';
import { namedRoute } from '../../lib/explain/route';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../../lib/i18n';

const choice = (text: string, leadIn?: string) => extractSlots(text, leadIn).choice;
const tr = (l: string): Translate =>
  createTranslator(
    getMessageFromCatalogue(
      JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${l}/messages.json`), 'utf8')),
    ),
  );

describe('a route the clause names', () => {
  it('an e-mail address goes with the choice, as written', () => {
    const text = 'You may object at any time by writing to DataDesk@shop-example.net.';
    expect(choice(text)).toBe('object by e-mail to DataDesk@shop-example.net');
    expect(explainLabel({ category: 'user-choice', stance: 'permits' }, extractSlots(text), text)).toBe(
      'This says you can object by e-mail to DataDesk@shop-example.net.',
    );
  });

  it('a phone number goes with the choice, a lettered number with its digits', () => {
    expect(choice('To opt out of postal offers, you can phone us on 0800 123 4567.')).toBe(
      'opt out of postal offers by calling 0800 123 4567',
    );
    expect(namedRoute('Call 1-800-OPTMEOUT (1-800-678-6368) to unsubscribe.')).toBe(
      'by calling 1-800-OPTMEOUT (1-800-678-6368)',
    );
  });

  it('web sites the clause sends the user to go with the choice; too many are a list, not a route', () => {
    expect(
      namedRoute('You can also opt out on these sites: adchoices.example.org and optout.example.eu.'),
    ).toBe('on the sites adchoices.example.org, optout.example.eu');
    expect(namedRoute('Partners: a.com, b.com, c.com, d.com and e.com may opt you out.')).toBeNull();
  });

  it('no route named: the choice stays as it was', () => {
    expect(choice('You can opt out at any time.')).toBe('opt out');
    expect(choice('You may ask us to delete your account data.')).toBe('ask for deletion');
  });

  it('a translated card says the choice in its language and keeps the route as written', () => {
    const routed = 'opt out by calling 0800 123 4567';
    expect(choiceText(routed, tr('en'))).toBe('opt out by calling 0800 123 4567');
    for (const l of ['de', 'fr', 'sv']) {
      const text = choiceText(routed, tr(l))!;
      expect(text, l).toContain('0800 123 4567');
      expect(text, l).not.toContain('by calling');
    }
    // A choice with no words in the UI language is left out, route and all.
    expect(choiceText('frobnicate the widget by e-mail to a@b.org', tr('de'))).toBeNull();
  });
});

describe('consent taken back by any verb', () => {
  it('revoking or retracting consent is withdrawing it', () => {
    expect(choice('You may revoke your consent to such use at any time.')).toBe('withdraw consent');
    expect(choice('Members can grant or revoke consent whenever they like.')).toBe('withdraw consent');
    expect(choice('You can retract the consent you gave us.')).toBe('withdraw consent');
  });
  it('a consent the company asks for is still no withdrawal', () => {
    expect(choice('We will ask for your consent before we send offers.')).not.toBe('withdraw consent');
  });
});

describe('a route and a choice that has its own place', () => {
  it('a choice made in settings takes no e-mail route', () => {
    expect(
      choice(
        'You can correct your details by editing your profile settings or by writing to help@example.org.',
      ),
    ).toBe('change it in settings');
  });
  it('consent already withdrawn is the condition of another right, not the choice', () => {
    expect(
      choice(
        'You may have the right to have us erase your data, for example where you have withdrawn your consent.',
      ),
    ).not.toBe('withdraw consent');
  });
});

describe('a page named by its title, and the link in their e-mails', () => {
  it('a page the clause names by its own title is kept as written', () => {
    expect(choice('You can withdraw your consent by opening Marketing Preferences in the app.')).toBe(
      'withdraw consent on the page "Marketing Preferences"',
    );
    for (const l of ['de', 'fr', 'sv'])
      expect(choiceText('withdraw consent on the page "Marketing Preferences"', tr(l)), l).toContain(
        'Marketing Preferences',
      );
  });
  it('the link in the company e-mails is the route; lower-case settings name no page', () => {
    expect(choice('You can unsubscribe at any time through the link at the bottom of our e-mails.')).toBe(
      'unsubscribe using the link in their e-mails',
    );
    expect(choice('You can unsubscribe at any time.')).toBe('unsubscribe');
    expect(namedRoute('You can change this in your privacy settings.')).toBeNull();
  });
});

describe('one link named once', () => {
  it('"the link they name" that is the link in their e-mails is said once', () => {
    expect(choice('You will find the opt-out link at the bottom of our e-mails.')).toBe(
      'opt out using the link in their e-mails',
    );
  });
});

describe('a title that names a link, not a page', () => {
  it('keeps the link its own name, once', () => {
    const text = 'You can opt out through the "Cookie Choices" link in the footer of our site.';
    expect(choice(text)).toBe('opt out using the control "Cookie Choices"');
    expect(choiceText(choice(text)!, tr('en'))).toBe('opt out using "Cookie Choices"');
  });
});

describe('more routes a clause names (issue 23, tenth check: named control missed)', () => {
  it('the instructions in their e-mails are the route', () => {
    expect(
      choice(
        'Members may opt out of these updates by following the instructions provided in each newsletter.',
      ),
    ).toBe('opt out of these updates by following the instructions in their e-mails');
  });
  it('a browser add-on the user installs is the route', () => {
    expect(
      choice('You may opt out of site statistics by installing the Example Stats opt-out browser add-on.'),
    ).toBe('opt out of site statistics by installing the browser add-on they name');
  });
  it('the account is the route, with contacting them when the clause offers both', () => {
    expect(
      choice(
        'You may close your account whenever you like by asking in the account area of our app or contacting our help desk.',
      ),
    ).toBe('close your account by logging into your account or by contacting them');
    expect(choice('You can ask us to delete your data by signing in to your profile.')).toBe(
      'ask for deletion by logging into your account',
    );
  });
  it('a tool the clause names is the route; "tools we use" is none', () => {
    expect(choice('You may withdraw your consent at any time using the Example Consent Tool.')).toBe(
      'withdraw consent using the tool they name',
    );
    expect(namedRoute('We list the analytics tools we use below.')).toBeNull();
  });
  it('a page title with an ampersand, reached by navigating to it', () => {
    expect(
      choice(
        'You may determine whether your city will be visible to others by navigating to "Profile & Settings" in the app.',
      ),
    ).toBe('choose who can see it on the page "Profile & Settings"');
  });
  it('a title with a bracketed gloss before "button" names a control, not a page', () => {
    expect(
      choice('To opt out, navigate to the "Your Privacy Choices (Opt Out of Sale)" button on our site.'),
    ).toBe('opt out of Sale using the control "Your Privacy Choices"');
  });
  it('each new route reads in every UI language, the choice translated and no English left', () => {
    const routed = [
      'opt out by following the instructions in their e-mails',
      'opt out by installing the browser add-on they name',
      'opt out by logging into your account',
      'opt out by logging into your account or by contacting them',
      'opt out using the tool they name',
    ];
    for (const c of routed) {
      expect(choiceText(c, tr('en'))).toBe(c);
      for (const l of ['de', 'fr', 'sv']) {
        const text = choiceText(c, tr(l))!;
        expect(text, `${l}: ${c}`).toContain(choiceText('opt out', tr(l))!);
        expect(text, `${l}: ${c}`).not.toMatch(/\b(?:by|using|account|they)\b/);
      }
    }
  });
});

describe('the user deleting or downloading their own records in their account', () => {
  it('one act done in the account is done by the user, not asked for', () => {
    expect(choice('You may remove this information at any time by visiting your account details.')).toBe(
      'delete it yourself in your account',
    );
    expect(choice('You can download a copy of your posts by logging onto your account.')).toBe(
      'get a copy of your data by logging into your account',
    );
  });
  it('asking them to delete stays a request', () => {
    expect(choice('You may ask us to delete it at any time.')).toBe('ask for deletion');
  });
});

describe('settings reached by managing them', () => {
  it('"by managing your … settings" places the choice in settings', () => {
    expect(choice('You can disable these cookies by managing your Cookie settings as shown below.')).toBe(
      'turn it off in settings',
    );
  });
});

describe('a control kept by the name the clause gives it', () => {
  it('the "Do Not Sell" link by its own title, not renamed', () => {
    const text = 'To opt out of this sale, click the "Do Not Sell My Info" link at the foot of our pages.';
    expect(choice(text)).toBe('opt out using the control "Do Not Sell My Info"');
    for (const l of ['de', 'fr', 'sv'])
      expect(choiceText(choice(text)!, tr(l)), l).toContain('Do Not Sell My Info');
    // Named without quotes: the general link, as before.
    expect(choice('Use the Do Not Sell My Personal Information link in our footer.')).toBe(
      'use the "Do Not Sell or Share" link',
    );
  });
  it('the unsubscribe link "available in" each e-mail is the link in their e-mails', () => {
    expect(choice('You can unsubscribe using the link available in every newsletter.')).toBe(
      'unsubscribe using the link in their e-mails',
    );
  });
});
