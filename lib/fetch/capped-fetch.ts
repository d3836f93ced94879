/**
 * The one way Fineprint fetches a page: the extension's checkout links and re-checks, and the CLI's URLs.
 * No cookies or credentials, no referrer, no cache; a time limit over the whole exchange; a byte cap enforced
 * while streaming; HTML or plain text only; binary bodies refused. Redirects are never followed by the fetch
 * itself (`redirect: 'manual'`): every hop is checked against a {@link HopPolicy} first.
 *
 * Browsers answer a manual redirect with an opaque response that hides the target (Fetch standard, "atomic
 * HTTP redirect handling"), so in the extension a redirect cannot be checked and is refused with a reason the
 * user can act on. Node shows the status and `Location`, so there each hop is checked and followed by hand,
 * up to `maxRedirects`. `fetch` and the timer come in as arguments, so every limit is tested in Node.
 * @module
 */
import { checkHop, type HopPolicy, type HopRefusal } from './hop-policy';
import { looksBinary } from './decode';

export const MAX_POLICY_BYTES = 5 * 1024 * 1024;
export const POLICY_TIMEOUT_MS = 10_000;
/** Redirect hops followed where they are visible (Node); more than this fails. */
export const MAX_REDIRECTS = 5;

export const HTML_OR_TEXT = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

export type FetchFailure =
  'bad-url' | 'refused' | 'redirect' | 'http' | 'type' | 'binary' | 'too-large' | 'timeout' | 'network';

export type FetchResult =
  | { ok: true; url: string; finalUrl: string; contentType: string; bytes: Uint8Array }
  | {
      ok: false;
      url: string;
      reason: FetchFailure;
      /** Set when `reason` is `refused`: which rule the hop broke. */
      refusal?: HopRefusal;
      /** One plain sentence for the user (shown as the reason a link was not read). */
      detail: string;
    };

export interface CappedFetchOptions {
  fetch: typeof fetch;
  /** Checked for the first URL and every redirect hop. */
  policy: HopPolicy;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Content types accepted (an empty Content-Type is accepted and sniffed as text). */
  accept?: RegExp;
  acceptHeader?: string;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: never) => void;
}

/** What the user reads when a link redirects where the extension cannot look. */
export const OPAQUE_REDIRECT_DETAIL =
  'this link redirects to an address Fineprint cannot check; open the link to read the policy there';

/** Fetches `url` under the limits above. Never throws: every failure is `{ ok: false }` with a reason. */
export async function cappedFetch(url: string, options: CappedFetchOptions): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? MAX_POLICY_BYTES;
  const timeoutMs = options.timeoutMs ?? POLICY_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const accept = options.accept ?? HTML_OR_TEXT;
  const set = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clear = options.clearTimeout ?? ((h) => clearTimeout(h));
  const fail = (reason: FetchFailure, detail: string, refusal?: HopRefusal): FetchResult => ({
    ok: false,
    url,
    reason,
    detail,
    ...(refusal ? { refusal } : {}),
  });

  const controller = new AbortController();
  let timedOut = false;
  const timer = set(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop += 1) {
      const checked = await checkHop(current, options.policy);
      if (!checked.ok) {
        if (checked.refusal === 'bad-url' || checked.refusal === 'scheme')
          return fail('bad-url', checked.detail, checked.refusal);
        const where = hop === 0 ? '' : `it redirects to ${current}, and `;
        return fail('refused', `${where}${checked.detail}`, checked.refusal);
      }
      const res = await options.fetch(checked.url.href, {
        credentials: 'omit',
        // A policy page has no business setting state, and the user's referrer is none of its business.
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'manual',
        signal: controller.signal,
        headers: { Accept: options.acceptHeader ?? 'text/html, text/plain;q=0.8' },
      });
      if (res.type === 'opaqueredirect') return fail('redirect', OPAQUE_REDIRECT_DETAIL);
      if (res.status >= 300 && res.status < 400 && res.headers.get('location') !== null) {
        await res.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects)
          return fail(
            'redirect',
            maxRedirects === 0 ? OPAQUE_REDIRECT_DETAIL : `too many redirects (more than ${maxRedirects})`,
          );
        try {
          current = new URL(res.headers.get('location')!, checked.url).href;
        } catch {
          return fail('redirect', 'the page redirects to an address that is not a URL');
        }
        continue;
      }
      if (!res.ok) return fail('http', `HTTP ${res.status}`);
      const contentType = (res.headers.get('content-type') ?? '').toLowerCase();
      if (contentType && !accept.test(contentType)) {
        await res.body?.cancel().catch(() => undefined);
        return fail('type', `${contentType.split(';')[0]}, not a web page or text`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return fail('too-large', `${declared} bytes, more than the ${maxBytes}-byte limit`);
      }
      const bytes = await readCapped(res, maxBytes, controller);
      if (bytes === null) return fail('too-large', `more than the ${maxBytes}-byte limit`);
      if (looksBinary(bytes)) return fail('binary', 'binary data, not a web page or text');
      return { ok: true, url, finalUrl: checked.url.href, contentType, bytes };
    }
  } catch (error) {
    if (timedOut) return fail('timeout', `no complete answer within ${timeoutMs / 1000} s`);
    const cause = (error as { cause?: unknown })?.cause;
    return fail('network', cause ? String(cause) : error instanceof Error ? error.message : String(error));
  } finally {
    clear(timer as never);
  }
}

/** Reads the body, stopping (and aborting) as soon as it exceeds `maxBytes`; null when it did. */
async function readCapped(
  res: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array | null> {
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    return buf.byteLength > maxBytes ? null : buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
