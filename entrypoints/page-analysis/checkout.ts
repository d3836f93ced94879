/**
 * Checkout / sign-up pages: find the policies the form binds the user to, report them to the background,
 * and show a small dismissible badge next to the order / sign-up button, in a shadow root so the page's CSS
 * cannot restyle it (open, like the rest of our in-page UI, so assistive tech and axe can reach it).
 * Reading the policies is always the user's choice.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeCheckout, findCommitButton, type CheckoutAnalysis } from '@/lib/checkout/analyze-checkout';
import { createTranslator, categoryNameKey } from '@/lib/i18n';
import { envelope, fromOwnExtension, type CheckoutState, type LinkedPolicy, type Res } from '@/lib/messages';
import { TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));
const HOST_TAG = 'fineprint-checkout-badge';
/** How long to keep watching a page whose form renders late (single-page checkouts). */
const WATCH_MS = 10_000;

const BADGE_CSS = `
:host { all: initial; display: block; margin: 8px 0; }
.fp-badge { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #ffffff;
  border: 1px solid #8c959f; border-left: 4px solid #0b5cad; border-radius: 8px; padding: 8px 10px; max-width: 460px;
  box-shadow: 0 1px 4px #0002; }
.fp-head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
.fp-title { font-weight: 700; margin: 0; font-size: 13px; }
.fp-badge p, .fp-badge ul { margin: 4px 0; }
.fp-badge ul { padding-left: 18px; }
.fp-badge button { font: inherit; cursor: pointer; border: 1px solid #8c959f; background: #f6f8fa; color: #1f2328;
  border-radius: 6px; padding: 2px 8px; }
.fp-badge button.fp-primary { background: #0b5cad; border-color: #0b5cad; color: #ffffff; }
.fp-badge button:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
.fp-muted { color: #4a535e; }
.fp-warn { color: #a3260d; }
@media (prefers-color-scheme: dark) {
  .fp-badge { color: #e8ebee; background: #16191d; border-color: #6e7781; border-left-color: #7cb7ff; }
  .fp-badge button { background: #20252b; color: #e8ebee; border-color: #6e7781; }
  .fp-badge button.fp-primary { background: #7cb7ff; border-color: #7cb7ff; color: #0b1520; }
  .fp-muted { color: #aab3bd; } .fp-warn { color: #ff9a85; }
}`;

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

function policySummary(p: LinkedPolicy): string {
  if (p.status === 'failed') return t('badge_failed');
  if (p.status !== 'done') return '';
  const cats = (Object.keys(p.counts ?? {}) as CategoryId[])
    .filter((c) => (p.counts?.[c] ?? 0) > 0)
    .sort((a, b) => TAXONOMY[b].weight - TAXONOMY[a].weight);
  if (cats.length === 0) return t('badge_nothing');
  return cats.map((c) => `${t(categoryNameKey(c))} (${p.counts![c]})`).join(', ');
}

/** Builds (or rebuilds) the badge inside `root` from the background's state. Text only, never markup. */
function renderBadge(
  root: ShadowRoot,
  state: CheckoutState,
  busy: boolean,
  actions: { read: () => void; open: () => void; dismiss: () => void },
) {
  const doc = root.ownerDocument ?? document;
  root.replaceChildren();
  const style = el(doc, 'style', { text: BADGE_CSS });
  const box = el(doc, 'section', { class: 'fp-badge' });
  box.setAttribute('aria-label', t('badge_label'));
  box.dataset.fineprintBadge = 'true';
  const head = el(doc, 'div', { class: 'fp-head' });
  head.append(el(doc, 'p', { class: 'fp-title', text: t('extName') }));
  const dismiss = el(doc, 'button', { text: '×' });
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', t('badge_dismiss'));
  dismiss.addEventListener('click', actions.dismiss);
  head.append(dismiss);
  box.append(head);

  const names = state.policies.map((p) => p.text || p.url).join(', ');
  box.append(el(doc, 'p', { text: t('badge_links', [state.policies.length, names]) }));
  const done = state.policies.filter((p) => p.status === 'done' || p.status === 'failed');
  if (done.length > 0) {
    const list = el(doc, 'ul');
    for (const p of done) {
      const item = el(doc, 'li', { text: t('badge_summary', [p.title || p.text, policySummary(p)]) });
      item.dataset.status = p.status;
      if (p.status === 'failed') item.className = 'fp-warn';
      list.append(item);
    }
    box.append(list);
  }
  const needsPermission = state.policies.some((p) => p.status === 'needs-permission');
  const unread = state.policies.some((p) => p.status === 'not-read');
  const status = el(doc, 'p', { class: 'fp-muted' });
  status.setAttribute('role', 'status');
  if (busy) status.textContent = t('badge_reading');
  else if (needsPermission) status.textContent = t('badge_open_popup');
  box.append(status);
  if (!busy && (unread || needsPermission)) {
    const button = el(doc, 'button', { class: 'fp-primary', text: t('badge_read') });
    button.type = 'button';
    button.dataset.fineprintRead = 'true';
    // Host permissions can only be requested from an extension page: without them the button opens
    // Fineprint's report for this tab, where "Read the terms" asks for exactly these sites.
    button.addEventListener('click', needsPermission ? actions.open : actions.read);
    box.append(button);
  }
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') actions.dismiss();
  });
  root.append(style, box);
}

/**
 * Runs on pages detection calls `checkout` (and watches briefly for late-rendered forms). Does nothing
 * when no consent form or no policy link is found.
 */
export function runCheckout(ctx: ContentScriptContext, doc: Document = document): void {
  let reported = false;
  const attempt = (): boolean => {
    if (reported || !ctx.isValid) return true;
    const started = performance.now();
    const analysis = analyzeCheckout(doc, location.href);
    try {
      // Diagnostics only (read by the browser suite to report the in-page cost).
      performance.measure('fineprint:checkout-analysis', { start: started, end: performance.now() });
    } catch {
      // Older engines without measure options: no diagnostics.
    }
    if (!analysis.flavour || analysis.policyLinks.length === 0) return false;
    reported = true;
    void report(ctx, doc, analysis);
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

async function report(ctx: ContentScriptContext, doc: Document, analysis: CheckoutAnalysis): Promise<void> {
  let state: CheckoutState;
  try {
    state = (await browser.runtime.sendMessage(
      envelope('content→bg:checkout-found', {
        url: location.href,
        flavour: analysis.flavour!,
        signals: analysis.signals.slice(0, 40).map((s) => s.slice(0, 200)),
        policyLinks: analysis.policyLinks.map(({ url, text, kind }) => ({ url, text, kind })),
      }),
    )) as Res<'content→bg:checkout-found'>;
  } catch {
    return; // Background unavailable (extension reloading): the page simply gets no badge.
  }
  if (!ctx.isValid || !state || state.policies.length === 0) return;

  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const anchor = findCommitButton(doc);
  // Next to the button the user is about to press; at the end of the form's container otherwise.
  if (anchor?.parentElement) anchor.insertAdjacentElement('afterend', host);
  else (doc.querySelector('form') ?? doc.body).append(host);
  ctx.onInvalidated(() => host.remove());

  let busy = false;
  const actions = {
    dismiss: () => {
      // Keyboard users land back on the button they were about to press, not at the top of the page.
      const hadFocus = root.activeElement !== null;
      host.remove();
      if (hadFocus && anchor && typeof (anchor as HTMLElement).focus === 'function')
        (anchor as HTMLElement).focus();
    },
    open: () =>
      void browser.runtime.sendMessage(envelope('content→bg:open-report', {})).catch(() => undefined),
    read: () => {
      busy = true;
      renderBadge(root, state, busy, actions);
      void (
        browser.runtime.sendMessage(
          envelope('content→bg:checkout-read', { urls: state.policies.map((p) => p.url) }),
        ) as Promise<Res<'content→bg:checkout-read'>>
      )
        .then((next) => {
          if (next) state = next;
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
          if (ctx.isValid && host.isConnected) renderBadge(root, state, busy, actions);
        });
    },
  };
  renderBadge(root, state, busy, actions);

  // Reads started from the popup (after the user granted access there) update the badge as well.
  const onMessage = (message: unknown, sender: { id?: string; url?: string }) => {
    const msg = message as { type?: unknown; payload?: CheckoutState } | null;
    if (
      msg?.type !== 'bg→content:checkout-updated' ||
      !fromOwnExtension(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') })
    )
      return undefined;
    const next = msg.payload;
    // Only a state for this page, with the same links, replaces ours (never a forged or stale one).
    if (!next || next.url !== state.url || !Array.isArray(next.policies)) return undefined;
    const same =
      next.policies.length === state.policies.length &&
      next.policies.every((p, i) => p.url === state.policies[i]!.url);
    if (!same) return undefined;
    state = next;
    if (ctx.isValid && host.isConnected && !busy) renderBadge(root, state, busy, actions);
    return Promise.resolve({ ok: true });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
