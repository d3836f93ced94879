/**
 * Which hosts a checkout page may lead us to: the page's own site, or a known payment provider. A site is a
 * registrable domain by the Public Suffix List (through `tldts`), private suffixes included: `alice.github.io`
 * and `bob.github.io` are two sites, as browsers treat them for cookies.
 * @module
 */
import { getDomain } from 'tldts';

/**
 * The registrable domain of a hostname ("shop.example.co.uk" → "example.co.uk"); IP addresses, single labels
 * and hosts that are themselves a public suffix are their own site.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Payment and buy-now-pay-later providers whose terms a shop's checkout commonly binds the buyer to. */
export const PAYMENT_PROVIDERS: Readonly<Record<string, string>> = {
  'paypal.com': 'PayPal',
  'klarna.com': 'Klarna',
  'stripe.com': 'Stripe',
  'afterpay.com': 'Afterpay',
  'clearpay.co.uk': 'Clearpay',
  'affirm.com': 'Affirm',
  'adyen.com': 'Adyen',
  'mollie.com': 'Mollie',
  'sezzle.com': 'Sezzle',
  'zip.co': 'Zip',
  'braintreepayments.com': 'Braintree',
  'squareup.com': 'Square',
  'shop.app': 'Shop Pay',
  'riverty.com': 'Riverty',
};

/** The provider's name when `hostname` belongs to a known payment provider, else null. */
export function paymentProviderOf(hostname: string): string | null {
  const site = siteOf(hostname);
  return Object.hasOwn(PAYMENT_PROVIDERS, site) ? PAYMENT_PROVIDERS[site]! : null;
}

/** True when `target` is on the same site as `page`, compared by registrable domain. */
export function sameSite(page: URL, target: URL): boolean {
  return siteOf(page.hostname) === siteOf(target.hostname);
}
