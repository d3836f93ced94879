/**
 * Finds the terms, privacy and payment-provider policies a checkout / sign-up page binds the user to.
 * Only links that are on the page, on the page's own site or a known payment provider, and over http(s).
 * @module
 */
import type { PolicyLink } from '../messages';
import { paymentProviderOf, sameSite } from './site';

export type PolicyLinkKind = PolicyLink['kind'];

/** A found link with why it was chosen (for the popup's "why" and for tests). */
export interface FoundPolicyLink extends PolicyLink {
  /** Higher = stronger: consent sentence > rel attribute > form area > footer. */
  score: number;
  where: 'consent' | 'form' | 'page';
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
const EXCLUDED_HREF = /^(javascript|mailto|tel|data|blob|file):/i;

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
  // Bounded: a page with thousands of links (a sitemap footer) still costs at most this many checks.
  for (const a of Array.from(doc.querySelectorAll('a[href], area[href]')).slice(0, 3000)) {
    const raw = a.getAttribute('href') ?? '';
    if (!raw || raw.startsWith('#') || EXCLUDED_HREF.test(raw.trim())) continue;
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
    const text = visibleText(a) || a.getAttribute('aria-label') || a.getAttribute('title') || '';
    const kind = classifyPolicyLink(text, a.getAttribute('rel') ?? '', url, page);
    if (!kind) continue;
    if (kind !== 'payment' && !sameSite(page, url)) continue;
    const context = surroundingText(a);
    const inLabel = a.closest('label') !== null;
    const where: FoundPolicyLink['where'] =
      inLabel || CONSENT_TEXT.test(context)
        ? 'consent'
        : a.closest('form, [role="dialog"], dialog')
          ? 'form'
          : 'page';
    let score = where === 'consent' ? 3 : where === 'form' ? 2 : 1;
    if (/\b(terms-of-service|privacy-policy)\b/.test(a.getAttribute('rel') ?? '')) score += 1;
    if (kind === 'payment') score += 0.5;
    const found: FoundPolicyLink = { url: url.href, text: text.slice(0, 200), kind, score, where };
    const prev = byUrl.get(url.href);
    if (!prev || prev.score < score) byUrl.set(url.href, found);
  }
  return Array.from(byUrl.values())
    .sort((x, y) => y.score - x.score)
    .slice(0, MAX_POLICY_LINKS);
}
