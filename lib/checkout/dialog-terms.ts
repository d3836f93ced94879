/**
 * Terms a checkout page shows in a dialog (a `href="#"` link or a button that loads the text into a modal):
 * they are that checkout's linked terms. This finds such dialogs while they are shown, says what each calls
 * itself, fingerprints its text (a second policy loaded into the same dialog is new text, read whole), and
 * serializes the dialog alone for the background to read — never the checkout around it, so the checkout page
 * itself is never read, stored or marked as a policy.
 *
 * Only what the user sees: a dialog that is hidden, transparent or off-screen is not a shown dialog, and its
 * hidden text is left out of the markup (lib/extract/page-markup.ts with lib/detect/visible.ts). Pure over a
 * `Document` and the visibility test.
 * @module
 */
import { countMatches, PRIVACY_PHRASES, TERMS_PHRASES } from '../detect/vocabulary';
import { MIN_TEXT_BOX_PX, textVisibility, type VisibilityWindow } from '../detect/visible';
import { pageMarkupInSteps, type OwnElement, type PageMarkup } from '../extract/page-markup';
import { DIALOG_SELECTOR, policyBodyOf } from './find-policy-links';

/** Characters of one dialog's markup sent to the background (the route's guard allows this much). */
export const DIALOG_MAX_CHARS = 1_000_000;
/** Policy phrases a dialog's text needs before it is taken for a policy rather than a form or a notice. */
export const MIN_POLICY_PHRASES = 6;

export interface PolicyDialog {
  element: Element;
  kind: 'terms' | 'privacy-policy';
  /** What the dialog calls itself: its accessible name or first heading ('' when it has neither). */
  title: string;
  /** Changes when the dialog's text does (another policy loaded into it). */
  fingerprint: string;
}

const PRIVACY_NAME = /\b(privacy|data protection|personal data|datenschutz|confidentialit|cookie)/i;
const TERMS_NAME = /\b(terms|conditions|agreement|t\s*&\s*c|agb|cgv|cgu|villkor)/i;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The dialog's name: `aria-labelledby`, `aria-label`, else its first heading. */
export function dialogTitle(el: Element): string {
  const doc = el.ownerDocument;
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => clean(doc.getElementById(id)?.textContent))
    .join(' ');
  const name = clean(labelledBy) || clean(el.getAttribute('aria-label'));
  if (name) return name.slice(0, 200);
  return clean(el.querySelector('h1, h2, h3, h4, [role="heading"]')?.textContent).slice(0, 200);
}

/** FNV-1a over the text, with its length: cheap, and enough to tell one policy's text from another's. */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

/**
 * The dialogs on `doc` that show a policy now: a dialog element (or a site's modal) that is shown, holds a
 * policy's amount of text and phrases, and holds no checkout fields. The outermost such element of a nested
 * modal is the dialog.
 */
export function findPolicyDialogs(doc: Document, isShown: (el: Element) => boolean): PolicyDialog[] {
  const out: PolicyDialog[] = [];
  for (const el of Array.from(doc.querySelectorAll(DIALOG_SELECTOR)).slice(0, 200)) {
    if (el.localName === 'body' || el.localName === 'html') continue;
    if (policyBodyOf(el) !== el) continue;
    if (out.some((d) => d.element.contains(el))) continue;
    if (el.localName === 'dialog' && !el.hasAttribute('open')) continue;
    if (!isShown(el)) continue;
    const text = clean(el.textContent);
    const privacy = countMatches(PRIVACY_PHRASES, text);
    const terms = countMatches(TERMS_PHRASES, text);
    if (privacy + terms < MIN_POLICY_PHRASES) continue;
    const title = dialogTitle(el);
    const kind: PolicyDialog['kind'] =
      PRIVACY_NAME.test(title) && !TERMS_NAME.test(title)
        ? 'privacy-policy'
        : TERMS_NAME.test(title)
          ? 'terms'
          : privacy > terms
            ? 'privacy-policy'
            : 'terms';
    out.push({ element: el, kind, title, fingerprint: textFingerprint(text) });
  }
  return out;
}

type Check = (options?: Record<string, boolean>) => boolean;

/**
 * Visibility for the text of a shown dialog: as on the page (lib/detect/visible.ts), except that text below
 * the fold of a dialog that scrolls counts as seen — the user reads the terms by scrolling the dialog, and a
 * fixed dialog's text lies past the end of a short checkout page. Hidden, transparent and zero-size text stays
 * hidden; text outside the scrolling box's scroll area does not count.
 */
export function dialogTextVisibility(win: VisibilityWindow, dialog: Element): (el: Element) => boolean {
  const base = textVisibility(win);
  return (el) => {
    if (base(el)) return true;
    if (!dialog.contains(el)) return false;
    const check = (el as unknown as { checkVisibility?: Check }).checkVisibility;
    if (typeof check !== 'function') return true;
    if (!check.call(el, { opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width < MIN_TEXT_BOX_PX || r.height < MIN_TEXT_BOX_PX) return false;
    for (let n = el.parentElement; n && n !== dialog.parentElement; n = n.parentElement) {
      if (n.scrollHeight <= n.clientHeight + 1) continue;
      const box = n.getBoundingClientRect();
      const top = box.top - n.scrollTop;
      return r.right > box.left && r.left < box.right && r.top >= top - 1 && r.top < top + n.scrollHeight;
    }
    return false;
  };
}

/**
 * The dialog's markup alone, as a document the background can read: everything outside the dialog is left
 * out (its ancestors are unwrapped, their other children omitted), so nothing of the checkout is sent.
 */
export function dialogMarkupInSteps(
  doc: Document,
  dialog: Element,
  options: { own?: (el: Element) => OwnElement; isVisible?: (el: Element) => boolean } = {},
): Generator<void, PageMarkup, void> {
  const own = options.own ?? (() => null);
  return pageMarkupInSteps(doc, {
    maxChars: DIALOG_MAX_CHARS,
    ...(options.isVisible ? { isVisible: options.isVisible } : {}),
    own: (el) => {
      if (el === dialog || dialog.contains(el)) return el === dialog ? null : own(el);
      return el.contains(dialog) ? 'unwrap' : 'omit';
    },
  });
}
