/**
 * Finds the terms, privacy and payment-provider policies a checkout / sign-up page binds the user to:
 * - links on the page's own site or a known payment provider, anywhere on the page (footer copies rank last);
 * - links to another site (a company's legal domain) only where the page itself says what they are: a link
 *   whose own text names terms or privacy, in the consent sentence or the consent checkbox's label;
 * - controls that show the text on the page itself (`href="#"`, `javascript:`, buttons), with the same
 *   condition: a terms dialog is that checkout's terms (./dialog-terms.ts reads it when it opens).
 * Links inside a policy's own text (a dialog showing the terms) are the policy's links, not the checkout's.
 * @module
 */
import { paymentProviderOf, sameSite } from './site';

/** A link to a policy found on a checkout / sign-up / consent page. */
export interface PolicyLink {
  url: string;
  text: string;
  kind: 'terms' | 'privacy-policy' | 'payment';
  /**
   * `dialog`: a control that shows the policy on the page itself (a terms dialog). Its `url` is the page's
   * own address with a `#fineprint-…` fragment (lib/checkout/find-policy-links.ts); it is never fetched.
   */
  opens?: 'dialog';
}

export type PolicyLinkKind = PolicyLink['kind'];

/** A found link with why it was chosen (for the popup's "why" and for tests). */
export interface FoundPolicyLink extends PolicyLink {
  /** Higher = stronger: consent sentence > rel attribute > form area > footer. */
  score: number;
  where: 'consent' | 'form' | 'page';
  /** On another site than the page (and not a known payment provider): its host is shown with its text. */
  otherSite: boolean;
}

/** Elements that hold text shown over the page: dialogs and the modals sites build from divs. */
export const DIALOG_SELECTOR =
  'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], [class*="modal" i], [id*="modal" i]';
/** A dialog holding at least this much text is a document (terms, a policy), not a form or a prompt. */
export const POLICY_BODY_CHARS = 1500;
/** Fields a checkout or sign-up form has and a terms dialog does not. */
const FORM_FIELDS =
  'input[type="email"], input[type="password"], input[autocomplete^="cc-"], input[autocomplete="email"], input[name*="card" i]';

/**
 * The dialog `el` sits in when that dialog shows a document (long text, no form fields), else null. The
 * page's own `<body>` / `<html>` never count, whatever their classes (`body.modal-open`).
 */
export function policyBodyOf(el: Element): Element | null {
  let node = el.closest(DIALOG_SELECTOR);
  while (node && node.localName !== 'body' && node.localName !== 'html') {
    if ((node.textContent ?? '').length >= POLICY_BODY_CHARS && !node.querySelector(FORM_FIELDS)) return node;
    node = node.parentElement?.closest(DIALOG_SELECTOR) ?? null;
  }
  return null;
}

/**
 * The address Fineprint gives a control that shows a policy on the page itself (it has none of its own):
 * the page's URL with a fragment naming the kind and the control's text. Never fetched: the background
 * reads only what the page's dialog shows (`opens: 'dialog'`).
 */
export function inPageLinkUrl(page: URL, kind: PolicyLinkKind, text: string): string {
  const u = new URL(page.href);
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  u.hash = `fineprint-${kind}${slug ? `-${slug}` : ''}`;
  return u.href;
}

const TERMS_TEXT =
  /\b(terms|conditions|t\s*&\s*cs?|t&c|user agreement|terms of (use|service|sale)|conditions of (use|sale)|agb|cgv|cgu|villkor|allgemeine gesch)/i;
const PRIVACY_TEXT =
  /\b(privacy|data protection|datenschutz|confidentialit|integritet|personal data|cookie policy)/i;
const TERMS_HREF =
  /(terms|conditions|tos\b|legal\/?(user|customer)|agb|cgv|cgu|villkor|user-agreement|eula)/i;
const PRIVACY_HREF = /(privacy|data-?protection|datenschutz|confidentialite|integritet|gdpr)/i;
const CONSENT_TEXT =
  /\b(agree|accept|consent|acknowledge|by (placing|clicking|continuing|signing|creating|submitting|completing|tapping)|you confirm|einverstanden|akzeptiere|j'accepte|godkänner)\b/i;
/** Words of a button that commits the user rather than shows a policy. */
const COMMIT_WORDS = /\b(agree|accept|continue|confirm|sign ?up|register|place|order|pay|submit)\b/i;
const EXCLUDED_HREF = /^(mailto|tel|data|blob|file):/i;
/** A control that does something on the page instead of leading elsewhere. */
const IN_PAGE_HREF = /^\s*(#|javascript:)/i;

/** Upper bound on links reported per page: a page offering dozens is not a consent form. */
export const MAX_POLICY_LINKS = 6;

/** Classifies one link by its text, `rel`, and URL; null when it is not a policy link. */
export function classifyPolicyLink(text: string, rel: string, url: URL, pageUrl: URL): PolicyLinkKind | null {
  const rels = rel.toLowerCase().split(/\s+/);
  const provider = paymentProviderOf(url.hostname);
  const path = decodeURIComponent(url.pathname + url.search);
  const isTerms =
    rels.includes('terms-of-service') || TERMS_TEXT.test(text) || (!text.trim() && TERMS_HREF.test(path));
  const isPrivacy =
    rels.includes('privacy-policy') || PRIVACY_TEXT.test(text) || (!text.trim() && PRIVACY_HREF.test(path));
  if (
    provider &&
    !sameSite(pageUrl, url) &&
    (isTerms || isPrivacy || /\b(legal|terms|privacy|agreement)/i.test(path))
  )
    return 'payment';
  if (isPrivacy && !isTerms) return 'privacy-policy';
  if (isTerms) return 'terms';
  // Link text like "here" inside a consent sentence: fall back to the URL.
  if (PRIVACY_HREF.test(path)) return 'privacy-policy';
  if (TERMS_HREF.test(path)) return 'terms';
  return null;
}

function visibleText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The closest block-ish ancestor's text: the sentence a link sits in. */
function surroundingText(el: Element): string {
  let node: Element | null = el.parentElement;
  for (let i = 0; node && i < 3; i += 1) {
    const text = visibleText(node);
    if (text.length > visibleText(el).length + 10) return text.slice(0, 600);
    node = node.parentElement;
  }
  return '';
}

/**
 * Whether `el` sits in the consent itself: a checkbox's label, or the short sentence right around it ("By
 * signing up you agree to …"). Stricter than {@link placeOf}: a footer link is not in the consent sentence
 * just because the page around it has one. Required for links to another site and for in-page controls.
 */
function inConsentSentence(el: Element): boolean {
  if (el.closest('label') !== null) return true;
  const sentence = el.parentElement?.closest('p, li, small, span, div, dd, td');
  if (!sentence || sentence.localName === 'body') return false;
  const text = visibleText(sentence);
  return text.length <= 400 && CONSENT_TEXT.test(text);
}

/** Terms or privacy by the control's own words; null when they name neither. */
function textKind(text: string): PolicyLinkKind | null {
  const terms = TERMS_TEXT.test(text);
  const privacy = PRIVACY_TEXT.test(text);
  return privacy && !terms ? 'privacy-policy' : terms ? 'terms' : null;
}

/** A button or link that names a policy, not the form's own "Accept the terms and continue" button. */
function isPolicyControl(el: Element, text: string): boolean {
  if (el.localName === 'button' && (el.getAttribute('type') ?? 'submit').toLowerCase() !== 'button')
    return false;
  return text.length <= 80 && !COMMIT_WORDS.test(text);
}

/** Where a link sits: in the consent sentence or checkbox label, in the form (or a dialog), or elsewhere. */
function placeOf(a: Element): FoundPolicyLink['where'] {
  if (a.closest('label') !== null || CONSENT_TEXT.test(surroundingText(a))) return 'consent';
  return a.closest('form, [role="dialog"], dialog') ? 'form' : 'page';
}

/**
 * All policy links on `doc`, strongest first, deduplicated by URL (fragment dropped), at most
 * {@link MAX_POLICY_LINKS}. Links in a consent sentence ("By placing your order you agree to our Terms") or
 * a consent checkbox label rank above links in a form, which rank above footer links.
 */
export function findPolicyLinks(doc: Document, pageUrl: string): FoundPolicyLink[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  // Resolve against the page URL (plus any <base>), not doc.baseURI: a parsed clone's baseURI is the parser's.
  let base = page;
  try {
    const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
    if (baseHref) base = new URL(baseHref, page);
  } catch {
    /* a broken <base> is ignored, as browsers do */
  }
  const byUrl = new Map<string, FoundPolicyLink>();
  const keep = (found: FoundPolicyLink) => {
    const prev = byUrl.get(found.url);
    if (!prev || prev.score < found.score) byUrl.set(found.url, found);
  };
  // Bounded: a page with thousands of links (a sitemap footer) still costs at most this many checks.
  const candidates = Array.from(
    doc.querySelectorAll('a, area[href], button, [role="link"], [role="button"]'),
  ).slice(0, 3000);
  for (const a of candidates) {
    // A link inside the terms a dialog shows belongs to those terms, not to the checkout.
    if (policyBodyOf(a)) continue;
    const text = visibleText(a) || a.getAttribute('aria-label') || a.getAttribute('title') || '';
    const raw = a.localName === 'a' || a.localName === 'area' ? a.getAttribute('href') : null;
    const inPage = raw === null || raw.trim() === '' || IN_PAGE_HREF.test(raw);
    const where = placeOf(a);
    if (inPage) {
      // Shown on the page (a dialog): only a control whose own words name a policy, by the consent text.
      if (!inConsentSentence(a) || !isPolicyControl(a, text)) continue;
      const kind = textKind(text);
      if (!kind) continue;
      keep({
        url: inPageLinkUrl(page, kind, text),
        text: text.slice(0, 200),
        kind,
        opens: 'dialog',
        score: 3,
        where,
        otherSite: false,
      });
      continue;
    }
    if (EXCLUDED_HREF.test(raw.trim())) continue;
    let url: URL;
    try {
      url = new URL(raw.trim(), base);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (url.username || url.password) continue;
    url.hash = '';
    if (url.href === page.href.replace(/#.*$/, '')) continue;
    const kind = classifyPolicyLink(text, a.getAttribute('rel') ?? '', url, page);
    if (!kind) continue;
    const otherSite = kind !== 'payment' && !sameSite(page, url);
    // Another site's page is the checkout's policy only where the page says so, in the link's own words.
    if (otherSite && (!inConsentSentence(a) || textKind(text) === null)) continue;
    let score = where === 'consent' ? 3 : where === 'form' ? 2 : 1;
    if (/\b(terms-of-service|privacy-policy)\b/.test(a.getAttribute('rel') ?? '')) score += 1;
    if (kind === 'payment') score += 0.5;
    keep({ url: url.href, text: text.slice(0, 200), kind, score, where, otherSite });
  }
  return Array.from(byUrl.values())
    .sort((x, y) => y.score - x.score)
    .slice(0, MAX_POLICY_LINKS);
}
