/**
 * Checkout / sign-up pages: find the policies the form binds the user to, put a small badge next to the order /
 * sign-up button, and report the links to the background.
 *
 * The badge lives in the page's reach: the page sees that it is there and how big it is. So it shows only what
 * the page itself already knows — that Fineprint found N policy links, and their link texts — and is built the
 * moment the links are found, before and whatever the background answers. Nothing that depends on the user's
 * history, on the sites they allowed Fineprint to read, or on other sites ever enters the page: what Fineprint
 * knows about these policies is shown in its own report page (extension origin), which the badge's button
 * opens. The shadow root is closed, so page script can neither read the badge nor reach its buttons, and the
 * buttons act only on real (`isTrusted`) input. The host's tag name is random per page load.
 *
 * Seam for a richer badge (issue 28): {@link BadgeView} is everything the badge may show; anything that needs
 * the history belongs in an extension-origin frame or page, opened from {@link BadgeActions.review}.
 */
import type { PageContext } from '@/lib/page-context';
import { randomElementName } from '@/lib/highlight/session-names';
import type { CheckoutAnalysis } from '@/lib/checkout/analyze-checkout';
import { ask } from '@/adapters/messaging';
import { t } from '@/adapters/i18n';
import type { PolicyLink } from '@/lib/checkout/find-policy-links';
import { textVisibility } from '@/lib/detect/visible';
import { runSliced, schedulerEnvFor } from '@/lib/scheduler';

/** How long to keep watching a page whose form renders late (single-page checkouts). */
const WATCH_MS = 10_000;

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

/**
 * Runs on pages detection calls `checkout` (and watches briefly for late-rendered forms). Does nothing
 * when no consent form or no policy link is found.
 */
export function runCheckout(ctx: PageContext, doc: Document = document): void {
  // Loaded only here: comparing sites needs the Public Suffix List (tldts), whose tables cost tens of
  // milliseconds to evaluate, and policy pages, which load this script too, never need them.
  void import('@/lib/checkout/analyze-checkout').then(
    ({ analyzeCheckout, findCommitButton }) => {
      if (ctx.isValid) watchForm(ctx, doc, (d) => analyzeCheckout(d, location.href), findCommitButton);
    },
    (error: unknown) => console.warn('[fineprint] checkout analysis:', error),
  );
}

function watchForm(
  ctx: PageContext,
  doc: Document,
  analyze: (doc: Document) => CheckoutAnalysis,
  findCommitButton: (doc: Document) => Element | null,
): void {
  let reported = false;
  const attempt = (): boolean => {
    if (reported || !ctx.isValid) return true;
    const analysis = analyze(doc);
    if (!analysis.flavour || analysis.policyLinks.length === 0) return false;
    reported = true;
    showBadge(ctx, doc, analysis, findCommitButton(doc));
    report(analysis);
    watchDialogs(ctx, doc, analysis.policyLinks);
    return true;
  };
  if (attempt()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (attempt()) observer.disconnect();
    }, 400);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  ctx.setTimeout(() => observer.disconnect(), WATCH_MS);
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
}

/**
 * Tells the background which links this form binds the user to, so Fineprint's report page can offer to read
 * them. The reply is constant and ignored: the page must not be able to learn anything from it.
 */
function report(analysis: CheckoutAnalysis): void {
  void ask('content→bg:checkout-found', {
    url: location.href,
    flavour: analysis.flavour!,
    signals: analysis.signals.slice(0, 40).map((s) => s.slice(0, 200)),
    policyLinks: analysis.policyLinks.map(({ url, text, kind, opens }) => ({
      url,
      text,
      kind,
      ...(opens ? { opens } : {}),
    })),
  })
    // Background unavailable (extension reloading): the report page then shows no links.
    .catch(() => undefined);
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

function showBadge(
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

/** Policies one page load may send from its dialogs: a page opening dialogs in a loop gets a few. */
const MAX_DIALOG_READS = 8;

/**
 * Terms the checkout shows in a dialog (lib/checkout/dialog-terms.ts): while the page lives, each policy a
 * dialog shows (new text: a second policy loaded into the same dialog is read whole) is sent, the dialog's
 * markup alone, to the background, which attaches its reading to this checkout. The checkout page itself is
 * never read as a policy. The control the user pressed last (a reported in-page link) names which link it is.
 */
function watchDialogs(ctx: PageContext, doc: Document, links: readonly PolicyLink[]): void {
  const inPage = links.filter((l) => l.opens === 'dialog');
  const win = doc.defaultView;
  if (!win) return;
  const env = schedulerEnvFor(win as never);
  const sent = new Set<string>();
  let opener: string | undefined;
  let reads = 0;
  let busy = false;
  const onClick = (e: MouseEvent) => {
    const target = e.target instanceof win.Element ? e.target : null;
    const control = target?.closest('a, button, [role="link"], [role="button"]');
    if (!e.isTrusted || !control) return;
    const text = (control.textContent ?? '').replace(/\s+/g, ' ').trim();
    const hit = inPage.find((l) => l.text === text);
    if (hit) opener = hit.url;
  };
  doc.addEventListener('click', onClick, true);
  const check = async () => {
    if (busy || !ctx.isValid || reads >= MAX_DIALOG_READS) return;
    busy = true;
    try {
      const { findPolicyDialogs, dialogMarkupInSteps, dialogTextVisibility } =
        await import('@/lib/checkout/dialog-terms');
      for (const dialog of findPolicyDialogs(doc, textVisibility(win))) {
        if (sent.has(dialog.fingerprint) || reads >= MAX_DIALOG_READS) continue;
        sent.add(dialog.fingerprint);
        reads += 1;
        const isVisible = dialogTextVisibility(win, dialog.element);
        const markup = await runSliced(dialogMarkupInSteps(doc, dialog.element, { isVisible }), {
          env,
          budgetMs: 8,
        });
        if (!ctx.isValid) return;
        await ask('content→bg:checkout-dialog', {
          url: location.href,
          title: dialog.title,
          kind: dialog.kind,
          ...(opener ? { opener } : {}),
          html: markup.html,
          truncated: markup.truncated,
        }).catch(() => undefined);
      }
    } catch (error) {
      console.warn('[fineprint] checkout dialog:', error);
    } finally {
      busy = false;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), 400);
  });
  // Dialogs open by insertion, by `open`, or by a class or style that shows them.
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['open', 'class', 'style', 'hidden', 'aria-hidden'],
  });
  void check();
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
    doc.removeEventListener('click', onClick, true);
  });
}
