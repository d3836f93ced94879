// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCheckout, findCommitButton } from '@/lib/checkout/analyze-checkout';
import { classifyPolicyLink, findPolicyLinks } from '@/lib/checkout/find-policy-links';
import { paymentProviderOf, sameSite, siteOf } from '@/lib/checkout/site';
import { selectReportedLinks } from '@/lib/checkout/reported-links';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../fixtures/checkout', name), 'utf8').replaceAll(
    '{{PROVIDER_ORIGIN}}',
    'https://www.klarna.com',
  );
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('siteOf / sameSite / payment providers', () => {
  it.each([
    ['shop.example.com', 'example.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['a.b.example.com.au', 'example.com.au'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['Example.COM.', 'example.com'],
    ['alice.github.io', 'alice.github.io'],
    ['shop.myshopify.com', 'shop.myshopify.com'],
    ['www.example.co.jp', 'example.co.jp'],
    ['github.io', 'github.io'],
  ])('%s → %s', (host, site) => expect(siteOf(host)).toBe(site));

  it('tells sites under a private public suffix apart (the Public Suffix List, not a hand list)', () => {
    expect(sameSite(new URL('https://alice.github.io/shop'), new URL('https://bob.github.io/privacy'))).toBe(
      false,
    );
    expect(sameSite(new URL('https://a.blogspot.com/'), new URL('https://b.blogspot.com/'))).toBe(false);
    expect(sameSite(new URL('https://docs.alice.github.io/'), new URL('https://alice.github.io/'))).toBe(
      true,
    );
  });

  it('compares registrable domains', () => {
    expect(sameSite(new URL('https://shop.example.com/x'), new URL('https://help.example.com/terms'))).toBe(
      true,
    );
    expect(sameSite(new URL('https://shop.example.com/x'), new URL('https://example.org/terms'))).toBe(false);
  });

  it('knows payment providers by site, not by substring', () => {
    expect(paymentProviderOf('www.klarna.com')).toBe('Klarna');
    expect(paymentProviderOf('cdn.paypal.com')).toBe('PayPal');
    expect(paymentProviderOf('klarna.com.evil.example')).toBeNull();
    expect(paymentProviderOf('constructor')).toBeNull();
  });
});

describe('classifyPolicyLink', () => {
  const page = new URL('https://shop.example/checkout');
  it.each([
    ['Terms of Sale', '', 'https://shop.example/legal/a', 'terms'],
    ['Privacy Policy', '', 'https://shop.example/legal/b', 'privacy-policy'],
    ['here', 'privacy-policy', 'https://shop.example/x', 'privacy-policy'],
    ['', '', 'https://shop.example/datenschutz', 'privacy-policy'],
    ['See terms', '', 'https://www.paypal.com/legalhub/useragreement', 'payment'],
    ['About us', '', 'https://shop.example/about', null],
    ['Careers', '', 'https://shop.example/careers', null],
  ] as const)('%j rel=%j %s → %s', (text, rel, url, kind) => {
    expect(classifyPolicyLink(text, rel, new URL(url), page)).toBe(kind);
  });
});

describe('findPolicyLinks', () => {
  it('finds the consent-sentence links first, dedupes the footer copies, follows the provider terms', () => {
    const doc = parse(fixture('cart-checkout.html'));
    const links = findPolicyLinks(doc, 'https://northwind.example/checkout');
    expect(links.map((l) => [l.kind, l.url, l.where])).toEqual(
      expect.arrayContaining([
        ['terms', 'https://northwind.example/legal/terms-of-sale', 'consent'],
        ['privacy-policy', 'https://northwind.example/legal/privacy', 'consent'],
        ['payment', 'https://www.klarna.com/uk/legal/terms-of-service/', 'form'],
      ]),
    );
    expect(links).toHaveLength(3);
    // Footer duplicates (one with a #fragment) collapse into the stronger consent link.
    expect(links.filter((l) => l.url.includes('terms-of-sale'))).toHaveLength(1);
    expect(links.some((l) => l.url.includes('twitter'))).toBe(false);
    expect(links[0]!.where).toBe('consent');
  });

  it('ignores cross-site links that are not payment providers, and non-http schemes', () => {
    const doc = parse(`<p>By signing up you agree to the <a href="https://other.example/terms">Terms</a>,
      <a href="javascript:alert(1)">Privacy</a>, <a href="mailto:x@y.z">privacy contact</a>,
      <a href="https://user:pw@shop.example/terms">Terms</a>.</p>`);
    expect(findPolicyLinks(doc, 'https://shop.example/signup')).toEqual([]);
  });

  it('returns nothing for a bad page URL and caps the count', () => {
    expect(findPolicyLinks(parse('<a href="/terms">Terms</a>'), 'not a url')).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `<a href="/terms-${i}">Terms ${i}</a>`).join('');
    expect(findPolicyLinks(parse(many), 'https://shop.example/')).toHaveLength(6);
  });

  it('honours <base href>', () => {
    const doc = parse('<base href="https://shop.example/eu/"><a href="privacy">Privacy</a>');
    expect(findPolicyLinks(doc, 'https://shop.example/checkout')[0]?.url).toBe(
      'https://shop.example/eu/privacy',
    );
  });
});

describe('analyzeCheckout', () => {
  it('recognises a cart checkout: card fields, Klarna widget, Place order, linked policies', () => {
    const a = analyzeCheckout(parse(fixture('cart-checkout.html')), 'https://northwind.example/checkout');
    expect(a.flavour).toBe('checkout');
    expect(a.actions).toContainEqual({ text: 'Place order', kind: 'order' });
    expect(a.paymentProviders).toContain('Klarna');
    expect(a.signals).toContain('payment fields');
    expect(a.policyLinks).toHaveLength(3);
  });

  it('recognises a sign-up form with an "I agree" checkbox', () => {
    const a = analyzeCheckout(parse(fixture('signup.html')), 'https://lumen.example/signup');
    expect(a.flavour).toBe('sign-up');
    expect(a.consentCheckboxes).toBe(1);
    expect(a.policyLinks.map((l) => [l.kind, l.url, l.where])).toEqual([
      ['privacy-policy', 'https://lumen.example/notice', 'consent'],
      ['terms', 'https://lumen.example/tos', 'consent'],
    ]);
  });

  it('leaves a product page with no consent or policy links alone', () => {
    const a = analyzeCheckout(parse(fixture('product-no-links.html')), 'https://northwind.example/p/2');
    expect(a.flavour).toBeNull();
    expect(a.policyLinks).toEqual([]);
  });

  it('copes with an empty document', () => {
    expect(analyzeCheckout(parse(''), 'https://x.example/').flavour).toBeNull();
  });
});

describe('findCommitButton', () => {
  it('prefers the order button over other actions', () => {
    const doc = parse(
      '<button>Sign up for news</button><button>Place order</button><button>I agree</button>',
    );
    expect(findCommitButton(doc)?.textContent).toBe('Place order');
  });
  it('finds a submit input by its value, and nothing on a page without one', () => {
    expect(
      findCommitButton(parse('<input type="submit" value="Create account">'))?.getAttribute('value'),
    ).toBe('Create account');
    expect(findCommitButton(parse('<button>Add to basket</button>'))).toBeNull();
  });
});

describe('selectReportedLinks', () => {
  const reported = [
    { url: 'https://shop.example/terms', text: 'Terms', kind: 'terms' as const },
    { url: 'https://www.klarna.com/legal', text: 'Klarna', kind: 'payment' as const },
  ];
  it('allows exactly the reported URLs (fragment-insensitive) and rejects the rest', () => {
    const { allowed, rejected } = selectReportedLinks(reported, [
      'https://shop.example/terms#x',
      'https://shop.example/terms',
      'https://evil.example/steal',
      'not a url',
    ]);
    expect(allowed.map((l) => l.url)).toEqual(['https://shop.example/terms']);
    expect(rejected).toEqual(['https://evil.example/steal', 'not a url']);
  });
  it('rejects everything when nothing was reported', () => {
    expect(selectReportedLinks(undefined, ['https://shop.example/terms']).allowed).toEqual([]);
  });
});
