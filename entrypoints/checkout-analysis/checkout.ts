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
 * Seam for a richer badge (issue 28): `BadgeView` (./checkout-badge.ts) is everything the badge may show; anything that needs
 * the history belongs in an extension-origin frame or page, opened from its `review` action.
 */
import type { PageContext } from '@/lib/page-context';
import { analyzeCheckout, findCommitButton, type CheckoutAnalysis } from '@/lib/checkout/analyze-checkout';
import { dialogMarkupInSteps, dialogTextVisibility, findPolicyDialogs } from '@/lib/checkout/dialog-terms';
import { ask } from '@/adapters/messaging';
import type { PolicyLink } from '@/lib/checkout/find-policy-links';
import { textVisibility } from '@/lib/detect/visible';
import { runSliced, schedulerEnvFor } from '@/lib/scheduler';
import { showBadge } from './checkout-badge';

/** How long to keep watching a page whose form renders late (single-page checkouts). */
const WATCH_MS = 10_000;

/**
 * Runs on pages detection calls `checkout` (and watches briefly for late-rendered forms). Does nothing
 * when no consent form or no policy link is found.
 */
export function runCheckout(ctx: PageContext, doc: Document = document): void {
  if (ctx.isValid) watchForm(ctx, doc, (d) => analyzeCheckout(d, location.href), findCommitButton);
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
