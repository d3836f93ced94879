/**
 * The harness's extension-side view of a page: our content script's isolated world, reached over the
 * DevTools protocol. The page analysis's UI lives in a closed shadow root under a random tag, and its
 * highlights carry random names, so page script cannot find them — neither can a test that acts as the page.
 * From our own world, `chrome.dom.openOrClosedShadowRoot` opens the UI; clicks and keys still go through
 * Playwright's real input (trusted events), as a user's would.
 * @module
 */
import type { CDPSession, Page } from 'playwright-core';
import { CATEGORY_IDS, TAXONOMY } from '../../lib/classify/taxonomy';

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/** Functions run in our world find the UI's shadow root with this (the last body child whose root holds our UI). */
const FIND_ROOT = `(() => {
  const open = (el) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null;
  const hosts = [...(document.body ?? document.documentElement).children].filter((el) =>
    open(el)?.querySelector('.fp-root'),
  );
  return { hosts, root: hosts.length ? open(hosts[hosts.length - 1]) : null };
})()`;

export interface UiButton {
  /** Accessible name (aria-label, else text) to match, as a regular expression source. */
  name: string;
}

export class OurWorld {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly contexts: ContextDescription[],
    private readonly origin: string,
  ) {}

  /** Attaches to `page`; our world is looked up on each call (a navigation makes a new one). */
  static async attach(page: Page, extensionId: string): Promise<OurWorld> {
    const cdp = await page.context().newCDPSession(page);
    const contexts: ContextDescription[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as ContextDescription));
    cdp.on('Runtime.executionContextDestroyed', (e) => {
      const at = contexts.findIndex((c) => c.id === e.executionContextId);
      if (at >= 0) contexts.splice(at, 1);
    });
    cdp.on('Runtime.executionContextsCleared', () => contexts.splice(0));
    await cdp.send('Runtime.enable');
    return new OurWorld(page, cdp, contexts, `chrome-extension://${extensionId}`);
  }

  private async contextId(): Promise<number> {
    const frameId = ((await this.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } })
      .frameTree.frame.id;
    for (let tries = 0; tries < 100; tries++) {
      const ours = this.contexts
        .filter((c) => c.origin === this.origin && c.auxData?.frameId === frameId && !c.auxData.isDefault)
        .pop();
      if (ours) return ours.id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the content script’s world was not found on this page');
  }

  /** Evaluates `expression` in our world (a promise is awaited); returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: await this.contextId(),
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: T }; exceptionDetails?: { exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'evaluation failed');
    return result.value as T;
  }

  /** How many UI hosts of ours are in the page (0 or 1). */
  async uiHosts(): Promise<number> {
    return this.evaluate<number>(`${FIND_ROOT}.hosts.length`);
  }

  /** Whether an element matching `selector` is shown inside our UI. */
  async uiVisible(selector: string): Promise<boolean> {
    return this.evaluate<boolean>(
      `(() => { const el = ${FIND_ROOT}.root?.querySelector(${JSON.stringify(selector)}); return !!el && el.checkVisibility(); })()`,
    );
  }

  /** The first element matching `selector` in our UI, if shown: its text, clause id and box (viewport px). */
  async uiElement(selector: string): Promise<{
    text: string;
    clauseId: string | null;
    box: { x: number; y: number; width: number; height: number };
  } | null> {
    return this.evaluate(`(() => {
      const el = ${FIND_ROOT}.root?.querySelector(${JSON.stringify(selector)});
      if (!el || !el.checkVisibility()) return null;
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        clauseId: el.getAttribute('data-clause-id'),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    })()`);
  }

  /** Waits until `selector` is shown in our UI; returns it, or null after `timeout`. */
  async waitForUi(selector: string, timeout = 10_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const el = await this.uiElement(selector);
      if (el || Date.now() > deadline) return el;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Text of every element matching `selector` inside our UI. */
  async uiTexts(selector: string): Promise<string[]> {
    return this.evaluate<string[]>(
      `[...(${FIND_ROOT}.root?.querySelectorAll(${JSON.stringify(selector)}) ?? [])].map((el) => el.textContent ?? '')`,
    );
  }

  /** What has focus: whether it is inside our UI, and the focused element's role, label and card position. */
  async focused(): Promise<{
    inUi: boolean;
    role: string | null;
    label: string | null;
    position: string | null;
    clauseId: string | null;
  }> {
    return this.evaluate(`(() => {
      const { hosts, root } = ${FIND_ROOT};
      const inUi = hosts.includes(document.activeElement);
      const inner = inUi ? root.activeElement : null;
      const labelId = inner?.getAttribute('aria-labelledby');
      return {
        inUi,
        role: inner?.getAttribute('role') ?? null,
        label: labelId ? (root.getElementById(labelId)?.textContent ?? null) : null,
        position: inner?.querySelector('.fp-pos')?.textContent ?? null,
        clauseId: inner?.getAttribute('data-clause-id') ?? null,
      };
    })()`);
  }

  /**
   * Clicks the UI's button whose accessible name matches `name` with the real mouse (a trusted click, as the
   * user's). Waits for it to appear. Returns false when it never did.
   */
  async clickButton(name: RegExp, timeout = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const box = await this.evaluate<{ x: number; y: number } | null>(`(() => {
        const re = new RegExp(${JSON.stringify(name.source)}, ${JSON.stringify(name.flags)});
        const buttons = [...(${FIND_ROOT}.root?.querySelectorAll('button') ?? [])];
        const b = buttons.find((el) => re.test((el.getAttribute('aria-label') ?? el.textContent ?? '').trim()));
        if (!b || !b.checkVisibility()) return null;
        const r = b.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      })()`);
      if (box) {
        await this.page.mouse.click(box.x, box.y);
        return true;
      }
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Runs axe-core (its source given) on our UI, from our world: closed shadow roots are opened for axe there
   * only (the page's own prototypes are untouched). Returns the violations.
   */
  async axe(source: string): Promise<{
    violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    /** Rules with at least one passing node: proof that axe saw our controls. */
    passed: string[];
  }> {
    await this.evaluate(`(() => { if (!globalThis.axe) { ${source}\n } return true; })()`);
    return this.evaluate(`(async () => {
      const { hosts } = ${FIND_ROOT};
      const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get() {
          try {
            return chrome.dom.openOrClosedShadowRoot(this) ?? null;
          } catch {
            return desc.get.call(this);
          }
        },
      });
      try {
        const result = await axe.run({ include: hosts }, { resultTypes: ['violations'] });
        return {
          violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
          passed: result.passes.map((r) => r.id),
        };
      } finally {
        Object.defineProperty(Element.prototype, 'shadowRoot', desc);
      }
    })()`);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** `rgb(r, g, b)` of a `#rrggbb` colour, as CSSOM serializes it. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Each category's underline colour as the page's stylesheets serialize it. */
export const CATEGORY_COLOURS: Record<string, string> = Object.fromEntries(
  CATEGORY_IDS.map((c) => [rgb(TAXONOMY[c].colour), c]),
);

/**
 * The page's highlight names by what they paint: a category id, `active` or `flash`. Read as any page could
 * (adopted stylesheets' `::highlight()` rules, by their colours): the names themselves are random.
 */
export async function highlightNames(page: Page): Promise<Record<string, string>> {
  return page.evaluate((colours) => {
    const out: Record<string, string> = {};
    for (const sheet of document.adoptedStyleSheets)
      for (const rule of Array.from(sheet.cssRules)) {
        const m = /^::highlight\(([^)]+)\)$/.exec((rule as CSSStyleRule).selectorText ?? '');
        if (!m) continue;
        const style = (rule as CSSStyleRule).style;
        const category = colours[style.textDecorationColor];
        if (category) out[category] = m[1]!;
        else if (style.backgroundColor.includes('0.85')) out.flash = m[1]!;
        else if (style.backgroundColor.includes('0.45')) out.active = m[1]!;
      }
    return out;
  }, CATEGORY_COLOURS);
}
