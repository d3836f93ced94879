/**
 * The checkout badge: a small note next to the order / sign-up button naming the policy links the form binds
 * the user to. It lives in the page's reach (the page sees that it is there and how big it is), so it shows only
 * what the page itself already shows: see ./checkout.ts for what it may and may not carry. Closed shadow root,
 * text only (never markup), buttons acting only on real (`isTrusted`) input, a host tag name random per load.
 */
import type { CheckoutAnalysis } from '@/lib/checkout/analyze-checkout';
import { randomElementName } from '@/lib/highlight/session-names';
import { ask } from '@/adapters/messaging';
import { t } from '@/adapters/i18n';
import type { PageContext } from '@/lib/page-context';

const BADGE_CSS = `
:host { all: initial; display: block; margin: 8px 0; }
.fp-badge { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #ffffff;
  border: 1px solid #8c959f; border-left: 4px solid #0b5cad; border-radius: 8px; padding: 8px 10px; max-width: 460px;
  box-shadow: 0 1px 4px #0002; }
.fp-head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
.fp-title { font-weight: 700; margin: 0; font-size: 13px; }
.fp-badge p { margin: 4px 0; }
.fp-badge button { font: inherit; cursor: pointer; border: 1px solid #8c959f; background: #f6f8fa; color: #1f2328;
  border-radius: 6px; padding: 2px 8px; }
.fp-badge button.fp-primary { background: #0b5cad; border-color: #0b5cad; color: #ffffff; }
.fp-badge button:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
.fp-muted { color: #4a535e; }
@media (prefers-color-scheme: dark) {
  .fp-badge { color: #e8ebee; background: #16191d; border-color: #6e7781; border-left-color: #7cb7ff; }
  .fp-badge button { background: #20252b; color: #e8ebee; border-color: #6e7781; }
  .fp-badge button.fp-primary { background: #7cb7ff; border-color: #7cb7ff; color: #0b1520; }
  .fp-muted { color: #aab3bd; }
}`;

/** Everything the in-page badge shows: only what the page itself put on the page. */
export interface BadgeView {
  /** The link texts (or addresses) of the policy links found on the form, in order. */
  links: string[];
}

export interface BadgeActions {
  /** Open Fineprint's report for this tab (extension origin), where history and grants may be shown. */
  review: () => void;
  dismiss: () => void;
}

/** A tag name nobody can guess or style: letters only, with the hyphen a custom element name needs. */
function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; text?: string } = {},
) {
  const node = doc.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  return node;
}

/** Only real input from the user: page script's `.click()` and synthetic events are not. */
const trusted =
  <E extends Event>(act: (e: E) => void) =>
  (e: E) => {
    if (e.isTrusted) act(e);
  };

/** Builds the badge inside `root`. Text only, never markup. */
export function renderBadge(root: ShadowRoot, view: BadgeView, actions: BadgeActions): void {
  const doc = root.ownerDocument ?? document;
  const style = el(doc, 'style', { text: BADGE_CSS });
  const box = el(doc, 'section', { class: 'fp-badge' });
  box.setAttribute('aria-label', t('badge_label'));
  box.dataset.fineprintBadge = 'true';
  const head = el(doc, 'div', { class: 'fp-head' });
  head.append(el(doc, 'p', { class: 'fp-title', text: t('extName') }));
  const dismiss = el(doc, 'button', { text: '×' });
  dismiss.type = 'button';
  dismiss.dataset.fineprintDismiss = 'true';
  dismiss.setAttribute('aria-label', t('badge_dismiss'));
  dismiss.addEventListener('click', trusted(actions.dismiss));
  head.append(dismiss);
  box.append(head);
  box.append(el(doc, 'p', { text: t('badge_links', [view.links.length, view.links.join(', ')]) }));
  box.append(el(doc, 'p', { class: 'fp-muted', text: t('badge_note') }));
  const review = el(doc, 'button', { class: 'fp-primary', text: t('badge_review') });
  review.type = 'button';
  review.dataset.fineprintReview = 'true';
  review.addEventListener('click', trusted(actions.review));
  box.append(review);
  box.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'Escape') actions.dismiss();
    }),
  );
  root.replaceChildren(style, box);
}

/** A link as the badge names it: its text, and its host when it lives on another site. */
export function badgeName(link: { url: string; text: string; otherSite?: boolean }): string {
  const name = link.text || link.url;
  if (!link.otherSite) return name;
  try {
    return `${name} (${new URL(link.url).host})`;
  } catch {
    return name;
  }
}

export function showBadge(
  ctx: PageContext,
  doc: Document,
  analysis: CheckoutAnalysis,
  anchor: Element | null,
): void {
  const host = doc.createElement(randomElementName((bytes) => crypto.getRandomValues(bytes)));
  const root = host.attachShadow({ mode: 'closed' });
  // Next to the button the user is about to press; at the end of the form's container otherwise.
  if (anchor?.parentElement) anchor.insertAdjacentElement('afterend', host);
  else (doc.querySelector('form') ?? doc.body).append(host);
  ctx.onInvalidated(() => host.remove());
  renderBadge(
    root,
    // A policy on another site carries its domain (the page's own link says where it points).
    { links: analysis.policyLinks.map((l) => badgeName(l)) },
    {
      dismiss: () => {
        // Keyboard users land back on the button they were about to press, not at the top of the page.
        const hadFocus = root.activeElement !== null;
        host.remove();
        if (hadFocus && anchor && typeof (anchor as HTMLElement).focus === 'function')
          (anchor as HTMLElement).focus();
      },
      // The background opens at most one tab per few seconds for a page, whatever the page does.
      review: () => void ask('content→bg:open-report', {}).catch(() => undefined),
    },
  );
}
