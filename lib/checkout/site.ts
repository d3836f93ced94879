/**
 * Which hosts a checkout page may lead us to: the page's own site, or a known payment provider.
 * @module
 */

// Second-level labels under which registrations happen one level deeper (bbc.co.uk). A short list, not the
// Public Suffix List: a miss only makes us treat two sibling shops as one site, which still stays on the
// domain the user chose to visit.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'gv']);

/** The registrable part of a hostname ("shop.example.co.uk" → "example.co.uk"); IPs and single labels as-is. */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  const take =
    labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
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
  return PAYMENT_PROVIDERS[siteOf(hostname)] ?? null;
}

/** True when `target` is on the same site as `page`, compared by registrable domain. */
export function sameSite(page: URL, target: URL): boolean {
  return siteOf(page.hostname) === siteOf(target.hostname);
}
