// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  dialogMarkupInSteps,
  dialogTitle,
  findPolicyDialogs,
  textFingerprint,
} from '@/lib/checkout/dialog-terms';
import { attachDialogPolicy, foundCheckoutState, MAX_DIALOG_ENTRIES } from '@/lib/checkout/linked-policies';
import type { PageAnalysis } from '@/lib/types';

// Team-written text, not corpus text.
const TERMS_TEXT =
  '<p>These terms of service govern your use of the service. By using the service you agree to these terms. We may change these terms. Disputes are resolved by binding arbitration. You may terminate your account at any time. These terms and conditions are governed by the laws of the state.</p>'.repeat(
    8,
  );
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const run = <R>(gen: Generator<void, R, void>): R => {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
};

const CHECKOUT = `<form><input type="email"><p>By placing your order you agree to our <a href="#">Terms of Sale</a>.</p>
  <input autocomplete="cc-number" value="4111"><button type="submit">Place order</button></form>`;

describe('findPolicyDialogs', () => {
  it('finds a shown dialog holding a policy, with its name and kind', () => {
    const doc = parse(
      `${CHECKOUT}<div role="dialog" aria-labelledby="t"><h2 id="t">Terms of Sale</h2>${TERMS_TEXT}</div>`,
    );
    const found = findPolicyDialogs(doc, () => true);
    expect(found.map((d) => [d.title, d.kind])).toEqual([['Terms of Sale', 'terms']]);
  });

  it('skips closed <dialog>s, hidden ones, short notices and the checkout form in a modal', () => {
    const doc = parse(`<div class="modal">${CHECKOUT}${'<p>Pay with card.</p>'.repeat(100)}</div>
      <dialog><h2>Terms</h2>${TERMS_TEXT}</dialog>
      <div role="dialog" id="hidden-one"><h2>Terms</h2>${TERMS_TEXT}</div>
      <div role="dialog"><p>We use cookies. Accept?</p></div>`);
    expect(findPolicyDialogs(doc, (el) => el.id !== 'hidden-one')).toEqual([]);
  });

  it('tells a second policy loaded into the same dialog by its text', () => {
    const a = textFingerprint('terms text');
    expect(textFingerprint('privacy text')).not.toBe(a);
    expect(textFingerprint('terms text')).toBe(a);
    const doc = parse('<div role="dialog" aria-label="Privacy Notice"><h2>Terms</h2></div>');
    expect(dialogTitle(doc.querySelector('[role=dialog]')!)).toBe('Privacy Notice');
  });
});

describe('dialogMarkupInSteps', () => {
  it('serialises the dialog alone: nothing of the checkout around it is sent', () => {
    const doc = parse(
      `<main>${CHECKOUT}<p>Secret order note 7731</p></main><div class="wrap"><aside>Basket: 2 items</aside><div role="dialog"><h2>Terms of Sale</h2>${TERMS_TEXT}</div></div>`,
    );
    const dialog = findPolicyDialogs(doc, () => true)[0]!.element;
    const { html } = run(dialogMarkupInSteps(doc, dialog));
    expect(html).toContain('Terms of Sale');
    expect(html).toContain('binding arbitration');
    for (const leak of ['7731', '4111', 'Basket', 'Place order']) expect(html).not.toContain(leak);
  });
});

describe('attachDialogPolicy', () => {
  const page = 'https://shop.example/checkout?token=abc';
  const state = foundCheckoutState({
    url: page,
    flavour: 'checkout',
    signals: [],
    policyLinks: [
      { url: `${page}#fineprint-terms-terms-of-sale`, text: 'Terms of Sale', kind: 'terms', opens: 'dialog' },
      { url: 'https://shop.example/privacy', text: 'Privacy', kind: 'privacy-policy' },
    ],
  });
  const analysis: PageAnalysis = {
    page: { kind: 'terms', confidence: 1, language: 'en', title: 'Terms of Sale' },
    clauses: [],
  };

  it('attaches the reading to the control that opened it, never to a fetched link', () => {
    expect(state.policies.map((p) => p.status)).toEqual(['in-page', 'not-read']);
    const next = attachDialogPolicy(
      state,
      { kind: 'terms', title: 'Terms of Sale', opener: `${page}#fineprint-terms-terms-of-sale` },
      analysis,
      5,
    );
    expect(next.policies.map((p) => [p.url, p.status, p.fromDialog])).toEqual([
      [`${page}#fineprint-terms-terms-of-sale`, 'done', true],
      ['https://shop.example/privacy', 'not-read', undefined],
    ]);
  });

  it('adds a policy no control announced as an entry of the checkout, a few at most', () => {
    let next = state;
    for (let i = 0; i < MAX_DIALOG_ENTRIES + 3; i += 1)
      next = attachDialogPolicy(next, { kind: 'privacy-policy', title: `Notice ${i}` }, analysis, i);
    const added = next.policies.slice(2);
    expect(added).toHaveLength(MAX_DIALOG_ENTRIES);
    expect(added.every((p) => p.url.startsWith(`${page}#fineprint-dialog-`) && p.fromDialog)).toBe(true);
  });
});
