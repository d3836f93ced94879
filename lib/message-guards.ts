/**
 * Validation of incoming runtime messages. Content scripts run next to untrusted pages (a compromised
 * page can forge anything a content script could send), so every payload is checked field by field and
 * rebuilt from the fields we know: what reaches a handler is a fresh object of the declared shape, never
 * the sender's object. Pure: the caller passes the sender and the extension's own identity.
 * The combinators are kept hand-written (docs/libraries.md): valibot validates as fast but is 3× the bytes
 * (7.6 vs 2.5 KB) in each of the two entries that validate.
 * @module
 */
import type { PolicyLink } from './checkout/find-policy-links';
import type { Block } from './extract/blocks';
import type { PageInfo, PageKind } from './types';

export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates `value` (found at `path`, for messages) and returns a clean copy or a reason. */
export type Guard<T> = (value: unknown, path?: string) => Check<T>;

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = (path: string, what: string): Check<never> => ({ ok: false, reason: `${path}: ${what}` });

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// Control characters other than tab / newline / carriage return have no business in page text or ids.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A string of at most `max` characters (no control characters unless `allowControl`). */
export function str(opts: {
  max: number;
  min?: number;
  pattern?: RegExp;
  allowControl?: boolean;
}): Guard<string> {
  return (value, path = 'value') => {
    if (typeof value !== 'string') return fail(path, `expected string, got ${kindOf(value)}`);
    if (value.length > opts.max) return fail(path, `string longer than ${opts.max}`);
    if (value.length < (opts.min ?? 0)) return fail(path, `string shorter than ${opts.min}`);
    if (!opts.allowControl && CONTROL.test(value)) return fail(path, 'control characters');
    if (opts.pattern && !opts.pattern.test(value)) return fail(path, `does not match ${opts.pattern}`);
    return ok(value);
  };
}

/** A finite number within [min, max]; `integer` also rejects fractions. */
export function num(opts: { min: number; max: number; integer?: boolean }): Guard<number> {
  return (value, path = 'value') => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return fail(path, `expected number, got ${kindOf(value)}`);
    if (opts.integer && !Number.isInteger(value)) return fail(path, 'expected an integer');
    if (value < opts.min || value > opts.max) return fail(path, `out of range [${opts.min}, ${opts.max}]`);
    return ok(value);
  };
}

export const bool: Guard<boolean> = (value, path = 'value') =>
  typeof value === 'boolean' ? ok(value) : fail(path, `expected boolean, got ${kindOf(value)}`);

/** One of the given string literals. */
export function oneOf<const T extends string>(values: readonly T[]): Guard<T> {
  const allowed = new Set<string>(values);
  return (value, path = 'value') =>
    typeof value === 'string' && allowed.has(value)
      ? ok(value as T)
      : fail(path, `expected one of ${values.join('|')}`);
}

/** An array of at most `max` items, each checked by `item`. */
export function arr<T>(item: Guard<T>, opts: { max: number }): Guard<T[]> {
  return (value, path = 'value') => {
    if (!Array.isArray(value)) return fail(path, `expected array, got ${kindOf(value)}`);
    if (value.length > opts.max) return fail(path, `more than ${opts.max} items`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const checked = item(value[i], `${path}[${i}]`);
      if (!checked.ok) return checked;
      out.push(checked.value);
    }
    return ok(out);
  };
}

/** Marks a field as optional: absent (or `undefined`) is accepted and stays absent. */
export interface Optional<T> {
  optional: true;
  guard: Guard<T>;
}
export const optional = <T>(guard: Guard<T>): Optional<T> => ({ optional: true, guard });

/** `null` or a value accepted by `guard`. */
export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value, path = 'value') => (value === null ? ok(null) : guard(value, path));
}

type Shape = Record<string, Guard<unknown> | Optional<unknown>>;
type ShapeValue<S extends Shape> = {
  [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Guard<infer T> ? T : never;
} & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never;
};

/**
 * A plain object with exactly these fields. Unknown keys are rejected (not silently dropped): a sender
 * that sends fields we don't know is out of contract, and `__proto__`-style keys never reach a handler.
 */
export function obj<S extends Shape>(shape: S): Guard<ShapeValue<S>> {
  const keys = Object.keys(shape);
  return (value, path = 'value') => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(path, `expected object, got ${kindOf(value)}`);
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return fail(path, 'expected a plain object');
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) return fail(`${path}.${key}`, 'unknown field');
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const spec = shape[key]!;
      const field = (value as Record<string, unknown>)[key];
      if ('optional' in spec) {
        if (field === undefined) continue;
        const checked = spec.guard(field, `${path}.${key}`);
        if (!checked.ok) return checked;
        out[key] = checked.value;
      } else {
        const checked = spec(field, `${path}.${key}`);
        if (!checked.ok) return checked;
        out[key] = checked.value;
      }
    }
    return ok(out as ShapeValue<S>);
  };
}

/** An empty object (messages without a payload). */
export const empty: Guard<Record<string, never>> = obj({}) as Guard<Record<string, never>>;

export const MAX_URL_LENGTH = 4096;

/**
 * An absolute http(s) URL without credentials, returned normalised. `javascript:`, `data:`, `file:`,
 * `chrome:`, `about:`, extension URLs and everything else are rejected.
 */
export const httpUrl: Guard<string> = (value, path = 'value') => {
  const s = str({ max: MAX_URL_LENGTH })(value, path);
  if (!s.ok) return s;
  let url: URL;
  try {
    url = new URL(s.value);
  } catch {
    return fail(path, 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(path, `scheme ${url.protocol} not allowed`);
  if (url.username || url.password) return fail(path, 'credentials in URL');
  return ok(url.href);
};

// ---------------------------------------------------------------------------------------------------
// Senders

/** What we need of `runtime.MessageSender` (the same fields in Chrome and Firefox). */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** The extension's own identity: `runtime.id` and `runtime.getURL('')`. */
export interface SelfInfo {
  id: string;
  baseUrl: string;
}

/** A sender after checking: a content script in a tab, or one of our own extension pages. */
export type ValidSender =
  | { kind: 'content'; tabId: number; frameId: number; url: string }
  | { kind: 'extension'; url: string; tabId?: number };

export type SenderKind = ValidSender['kind'];

/**
 * The sender a message name promises: `content→…` comes from a content script in a tab; `popup→`,
 * `options→`, `history→`, `ui→` (any of them), `offscreen→` from our own extension pages. Anything else has no sender we accept.
 */
export function expectedSender(name: string): SenderKind | null {
  const from = name.split('→')[0];
  if (from === 'content') return 'content';
  if (from === 'popup' || from === 'options' || from === 'history' || from === 'ui' || from === 'offscreen')
    return 'extension';
  return null;
}

/** Checks that `sender` is ours and of the expected kind. */
export function checkSender(kind: SenderKind, sender: SenderInfo, self: SelfInfo): Check<ValidSender> {
  if (!sender || sender.id !== self.id) return fail('sender', 'not this extension');
  const url = typeof sender.url === 'string' ? sender.url : '';
  const fromExtension = url.startsWith(self.baseUrl);
  if (kind === 'extension') {
    if (!fromExtension) return fail('sender', 'not one of our extension pages');
    const tabId = sender.tab?.id;
    return ok(Number.isInteger(tabId) ? { kind, url, tabId: tabId as number } : { kind, url });
  }
  const tabId = sender.tab?.id;
  if (!Number.isInteger(tabId) || (tabId as number) < 0) return fail('sender', 'not from a tab');
  if (fromExtension) return fail('sender', 'extension page posing as a content script');
  const page = httpUrl(url, 'sender.url');
  if (!page.ok) return page;
  const frameId = Number.isInteger(sender.frameId) ? (sender.frameId as number) : 0;
  return ok({ kind, tabId: tabId as number, frameId, url: page.value });
}

// ---------------------------------------------------------------------------------------------------
// Payload guards for the message map

/** Upper bounds: generous for real policies (the longest corpus policies are ~20k words), small for forgeries. */
export const LIMITS = {
  /** Counts of clauses reported back (placement), as the background cuts at most 10,000. */
  clauses: 20_000,
  /** Blocks of one page (lib/extract/blocks.ts stops at 20,000). */
  blocks: 20_000,
  /** One block's text (lib/extract/blocks.ts reads at most 1,000,000 characters in all). */
  blockText: 1_000_000,
  headingDepth: 32,
  heading: 1_000,
  id: 200,
  title: 1_000,
  reasons: 50,
  reason: 500,
  policyLinks: 50,
  linkText: 500,
  /** JSON size of one read-page message (a page's markup). */
  extractedBytes: 8 * 1024 * 1024,
  /** Characters of one page's markup (lib/extract/page-markup.ts stops near 3,000,000). */
  pageMarkup: 3_200_000,
  /** JSON size of every other message. */
  defaultBytes: 64 * 1024,
} as const;

const PAGE_KINDS: readonly PageKind[] = ['privacy-policy', 'terms', 'checkout', 'other'];

export const pageInfoGuard: Guard<PageInfo> = obj({
  kind: oneOf(PAGE_KINDS),
  confidence: num({ min: 0, max: 1 }),
  language: str({ max: 16, pattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$|^und$/ }),
  title: str({ max: LIMITS.title }),
  url: optional(httpUrl),
  reasons: optional(arr(str({ max: LIMITS.reason }), { max: LIMITS.reasons })),
});

export const blockGuard: Guard<Block> = obj({
  kind: oneOf(['heading', 'paragraph', 'list-item', 'cell'] as const),
  text: str({ max: LIMITS.blockText }),
  level: optional(num({ min: 1, max: 9, integer: true })),
  headingPath: arr(str({ max: LIMITS.heading }), { max: LIMITS.headingDepth }),
  leadIn: optional(str({ max: LIMITS.blockText })),
  row: optional(bool),
});

/** A URL field that must be on the sending tab's page origin (content-script messages). */
export function senderPageUrl(sender: ValidSender): Guard<string> {
  return (value, path = 'value') => {
    const url = httpUrl(value, path);
    if (!url.ok) return url;
    if (sender.kind !== 'content') return fail(path, 'only a content script reports page URLs');
    if (new URL(url.value).origin !== new URL(sender.url).origin)
      return fail(path, 'not the origin of the sending page');
    return url;
  };
}

const checkoutLinkGuard: Guard<PolicyLink> = obj({
  url: httpUrl,
  text: str({ max: LIMITS.linkText }),
  kind: oneOf(['terms', 'privacy-policy', 'payment'] as const),
  opens: optional(oneOf(['dialog'] as const)),
});

/** Links one checkout form reports at most (lib/checkout/find-policy-links.ts `MAX_POLICY_LINKS`). */
export const MAX_CHECKOUT_LINKS = 6;

/**
 * Policy links a checkout tab reports. A link may point to any http(s) site (a company's legal domain is
 * often not its shop's): nothing is fetched from it until the user grants that exact origin in Fineprint's
 * own page, which shows the domain. A control that shows its policy on the page itself (`opens: 'dialog'`)
 * must carry the page's own origin and a `#fineprint-` fragment: it names no other address.
 */
export function checkoutPolicyLinks(sender: ValidSender): Guard<PolicyLink[]> {
  const list = arr(checkoutLinkGuard, { max: MAX_CHECKOUT_LINKS });
  return (value, path = 'value') => {
    const links = list(value, path);
    if (!links.ok) return links;
    if (sender.kind !== 'content') return fail(path, 'only a content script reports policy links');
    for (const [i, link] of links.value.entries()) {
      if (link.opens !== 'dialog') continue;
      const url = new URL(link.url);
      if (url.origin !== new URL(sender.url).origin || !url.hash.startsWith('#fineprint-'))
        return fail(`${path}[${i}].url`, 'an in-page control names the reporting page only');
    }
    return links;
  };
}

/**
 * JSON size of a message, or null when it cannot be serialised (cycles — Firefox's structured clone
 * allows them — BigInt, or nesting deep enough to overflow the stack).
 */
export function jsonSize(value: unknown): number | null {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? null : json.length;
  } catch {
    return null;
  }
}
