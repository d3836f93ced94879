/**
 * Deeper look at a page `detectPage` may call `checkout`: payment or account forms, the button that commits
 * the user ("Place order", "Pay", "Sign up", "I agree"), consent checkboxes, BNPL / payment widgets, and the
 * linked policies. Pure over a `Document`; cheap enough to run in the content script.
 * @module
 */
import { findPolicyLinks, type FoundPolicyLink } from './find-policy-links';
import { paymentProviderOf } from './site';

export type CheckoutFlavour = 'checkout' | 'sign-up' | 'consent';

export interface CommitAction {
  text: string;
  kind: 'order' | 'pay' | 'sign-up' | 'agree';
}

export interface CheckoutAnalysis {
  /** Null when the page has no form or button that commits the user to terms. */
  flavour: CheckoutFlavour | null;
  signals: string[];
  actions: CommitAction[];
  consentCheckboxes: number;
  paymentProviders: string[];
  policyLinks: FoundPolicyLink[];
}

const ACTIONS: [RegExp, CommitAction['kind']][] = [
  [
    /\b(place (your )?order|complete (your )?(order|purchase)|confirm (and pay|order|purchase)|buy now|order now|submit order|kostenpflichtig bestellen|commander|köp)\b/i,
    'order',
  ],
  [/^\s*(pay( now)?|pay \S+|pay with \S+|checkout|continue to payment|proceed to checkout)\s*$/i, 'pay'],
  [
    /\b(sign ?up|create (an |your )?account|register|join (now|free)|get started|registrieren|s'inscrire|skapa konto)\b/i,
    'sign-up',
  ],
  [
    /\b(i agree|agree( and|&) continue|accept( all)?( and continue)?|i accept|continue and agree)\b/i,
    'agree',
  ],
];

const PAYMENT_AUTOCOMPLETE = /\bcc-(number|exp|csc|name|type|exp-month|exp-year)\b/;
const PAYMENT_NAME = /(card.?number|cardnumber|cc.?num|cvc|cvv|expiry|iban)/i;
const ACCOUNT_AUTOCOMPLETE = /\b(new-password|username|email)\b/;
const WIDGET_SELECTOR =
  '[class*="klarna" i], [id*="klarna" i], [class*="afterpay" i], [class*="paypal" i], [id*="paypal" i], [class*="affirm" i], [class*="stripe" i], iframe[src]';

const BUTTON_SELECTOR =
  'button, input[type="submit"], input[type="button"], [role="button"], a[class*="button" i]';

/**
 * The button that commits the user (order / pay first, then sign-up, then agree), for placing the badge
 * next to it; null when there is none.
 */
export function findCommitButton(doc: Document): Element | null {
  const candidates = Array.from(doc.querySelectorAll(BUTTON_SELECTOR)).slice(0, 400);
  for (const kind of ['order', 'pay', 'sign-up', 'agree'] as const) {
    const el = candidates.find((c) => {
      const match = ACTIONS.find(([re]) => re.test(buttonText(c).slice(0, 80)));
      return match?.[1] === kind;
    });
    if (el) return el;
  }
  return null;
}

function buttonText(el: Element): string {
  // By tag, not `instanceof`: the document may come from another realm (a parser, a test DOM).
  const value =
    el.tagName === 'INPUT' ? ((el as HTMLInputElement).value ?? el.getAttribute('value') ?? '') : '';
  return (value || el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
}

/** Analyses `doc` (the live page or a clone) at `pageUrl`. */
export function analyzeCheckout(doc: Document, pageUrl: string): CheckoutAnalysis {
  const signals: string[] = [];
  const actions: CommitAction[] = [];
  for (const el of Array.from(doc.querySelectorAll(BUTTON_SELECTOR)).slice(0, 400)) {
    const text = buttonText(el).slice(0, 80);
    if (!text) continue;
    const match = ACTIONS.find(([re]) => re.test(text));
    if (match && !actions.some((a) => a.text === text)) actions.push({ text, kind: match[1] });
  }
  const inputs = Array.from(doc.querySelectorAll('input, select')).slice(0, 500);
  const payment = inputs.some(
    (i) =>
      PAYMENT_AUTOCOMPLETE.test(i.getAttribute('autocomplete') ?? '') ||
      PAYMENT_NAME.test(`${i.getAttribute('name') ?? ''} ${i.id}`),
  );
  const account =
    inputs.some((i) => i.getAttribute('type') === 'password') ||
    inputs.some((i) => /new-password/.test(i.getAttribute('autocomplete') ?? ''));
  const emailOnly = inputs.some(
    (i) =>
      i.getAttribute('type') === 'email' || ACCOUNT_AUTOCOMPLETE.test(i.getAttribute('autocomplete') ?? ''),
  );
  const checkboxes = inputs.filter((i) => {
    if (i.getAttribute('type') !== 'checkbox') return false;
    const label =
      (i.id
        ? Array.from(doc.querySelectorAll('label[for]')).find((l) => l.getAttribute('for') === i.id)
        : null) ?? i.closest('label');
    return /\b(agree|accept|consent|terms|privacy|conditions)\b/i.test(label?.textContent ?? '');
  }).length;
  const providers = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll(WIDGET_SELECTOR)).slice(0, 200)) {
    if (el.tagName === 'IFRAME') {
      try {
        const name = paymentProviderOf(new URL(el.getAttribute('src') ?? '', pageUrl).hostname);
        if (name) providers.add(name);
      } catch {
        /* unparsable src: not a widget we can name */
      }
      continue;
    }
    const hay = `${el.className} ${el.id}`.toLowerCase();
    for (const name of ['Klarna', 'Afterpay', 'PayPal', 'Affirm', 'Stripe'])
      if (hay.includes(name.toLowerCase())) providers.add(name);
  }
  if (payment) signals.push('payment fields');
  if (account) signals.push('account fields');
  if (checkboxes > 0) signals.push(`${checkboxes} consent checkbox${checkboxes > 1 ? 'es' : ''}`);
  if (providers.size > 0) signals.push(`payment widget: ${[...providers].join(', ')}`);
  for (const a of actions) signals.push(`${a.kind} button "${a.text}"`);

  const hasOrder = actions.some((a) => a.kind === 'order' || a.kind === 'pay');
  const hasSignup = actions.some((a) => a.kind === 'sign-up');
  const flavour: CheckoutFlavour | null =
    (payment || providers.size > 0) && (hasOrder || actions.length > 0)
      ? 'checkout'
      : hasOrder && (payment || emailOnly || checkboxes > 0)
        ? 'checkout'
        : hasSignup && (account || emailOnly)
          ? 'sign-up'
          : checkboxes > 0 || actions.some((a) => a.kind === 'agree')
            ? 'consent'
            : null;
  const policyLinks = flavour ? findPolicyLinks(doc, pageUrl) : [];
  return {
    flavour,
    signals,
    actions: actions.slice(0, 8),
    consentCheckboxes: checkboxes,
    paymentProviders: [...providers],
    policyLinks,
  };
}
