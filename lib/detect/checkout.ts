/**
 * Checkout / sign-up page signals: payment fields, order or account-creation buttons, and a consent
 * checkbox or sentence that points at terms. Only decides the page kind; finding the linked policies is
 * lib/checkout's job.
 * @module
 */

export interface CheckoutSignals {
  paymentFields: number;
  orderButtons: number;
  signupButtons: number;
  passwordFields: number;
  consent: boolean;
  reasons: string[];
  /** 0..1 */
  score: number;
}

const ORDER_BUTTON =
  /\b(?:place (?:your )?order|pay now|pay \$?€?£?\d|complete (?:purchase|order|payment)|confirm (?:and pay|order|purchase|payment)|buy now|proceed to payment|submit order|start (?:my |your )?(?:free )?(?:trial|subscription)|subscribe now|commander|jetzt kaufen|zahlungspflichtig bestellen)\b/i;
const SIGNUP_BUTTON =
  /\b(?:sign ?up|create (?:an |my |your )?account|register|join now|get started|s'inscrire|registrieren)\b/i;
const CONSENT =
  /\b(?:i (?:have read and )?(?:agree|accept|consent)|by (?:placing|clicking|creating|signing|continuing|submitting|registering|subscribing)[^.]{0,80}(?:agree|accept|consent))[^.]{0,120}\b(?:terms|conditions|privacy|policy|agreement)/i;

const MAX_CONTROLS = 400;

/** Inspect form controls (bounded) for checkout / sign-up evidence. */
export function checkoutSignals(doc: Document): CheckoutSignals {
  const controls: Element[] = [];
  for (const tag of ['input', 'button', 'label']) {
    const live = doc.getElementsByTagName(tag);
    for (let i = 0; i < MAX_CONTROLS; i++) {
      const el = live.item(i);
      if (!el) break;
      controls.push(el);
    }
  }
  return checkoutFromControls(controls);
}

/** Checkout / sign-up evidence from already collected input, button and label elements. */
export function checkoutFromControls(inputs: Element[]): CheckoutSignals {
  const reasons: string[] = [];
  let paymentFields = 0;
  let orderButtons = 0;
  let signupButtons = 0;
  let passwordFields = 0;
  let consent = false;
  for (const el of inputs) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'INPUT') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      const ac = (el.getAttribute('autocomplete') ?? '').toLowerCase();
      const name = `${el.getAttribute('name') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
      if (/\bcc-(?:number|exp|csc|name)/.test(ac) || /card.?(?:number|num)|cvc|cvv|expir/.test(name))
        paymentFields++;
      if (type === 'password') passwordFields++;
      if (type === 'submit' || type === 'button') {
        const value = el.getAttribute('value') ?? '';
        if (ORDER_BUTTON.test(value)) orderButtons++;
        else if (SIGNUP_BUTTON.test(value)) signupButtons++;
      }
      continue;
    }
    const text = (el.textContent ?? '').slice(0, 300);
    if (tag === 'LABEL') {
      if (CONSENT.test(text)) consent = true;
      continue;
    }
    if (ORDER_BUTTON.test(text)) orderButtons++;
    else if (SIGNUP_BUTTON.test(text)) signupButtons++;
  }
  if (paymentFields) reasons.push(`${paymentFields} payment field(s) (card number / expiry / CVC)`);
  if (orderButtons) reasons.push(`order button ("Place order", "Pay now"…)`);
  if (signupButtons && passwordFields) reasons.push('account-creation button with a password field');
  if (consent) reasons.push('consent checkbox referring to terms or privacy');
  // A login box or a newsletter button alone is not a checkout: require payment + order, or an
  // account form that asks for agreement to terms.
  let score = 0;
  if (paymentFields && orderButtons) score = 0.9;
  else if (paymentFields || orderButtons) score = consent ? 0.75 : 0.4;
  else if (signupButtons && passwordFields) score = consent ? 0.75 : 0.4;
  else if (consent) score = 0.3;
  return {
    paymentFields,
    orderButtons,
    signupButtons,
    passwordFields,
    consent,
    reasons,
    score: Math.min(1, score),
  };
}
