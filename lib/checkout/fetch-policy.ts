/**
 * Fetches one linked policy page for analysis: no cookies or credentials, a size cap and a timeout, HTML or
 * plain text only. `fetch` and the timer come in as arguments so the limits are tested in Node.
 * @module
 */

export const MAX_POLICY_BYTES = 5 * 1024 * 1024;
export const POLICY_TIMEOUT_MS = 10_000;

export type FetchPolicyResult =
  | { ok: true; url: string; finalUrl: string; contentType: string; bytes: Uint8Array }
  | {
      ok: false;
      url: string;
      reason: 'bad-url' | 'http' | 'type' | 'too-large' | 'timeout' | 'network';
      detail: string;
    };

export interface FetchPolicyOptions {
  fetch: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: never) => void;
}

/** Fetches `url` under the limits above. Never throws: every failure is a `{ ok: false }` with a reason. */
export async function fetchPolicy(url: string, options: FetchPolicyOptions): Promise<FetchPolicyResult> {
  const maxBytes = options.maxBytes ?? MAX_POLICY_BYTES;
  const timeoutMs = options.timeoutMs ?? POLICY_TIMEOUT_MS;
  const set = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clear = options.clearTimeout ?? ((h) => clearTimeout(h));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, url, reason: 'bad-url', detail: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { ok: false, url, reason: 'bad-url', detail: `scheme ${parsed.protocol} not allowed` };
  const controller = new AbortController();
  let timedOut = false;
  const timer = set(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await options.fetch(parsed.href, {
      credentials: 'omit',
      // A policy page has no business setting state; also keep the request free of the user's referrer.
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
      headers: { Accept: 'text/html, text/plain;q=0.8' },
    });
    if (!res.ok) return { ok: false, url, reason: 'http', detail: `HTTP ${res.status}` };
    const contentType = (res.headers.get('content-type') ?? '').toLowerCase();
    if (contentType && !/^(text\/html|application\/xhtml\+xml|text\/plain)/.test(contentType))
      return { ok: false, url, reason: 'type', detail: contentType.split(';')[0]! };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes)
      return { ok: false, url, reason: 'too-large', detail: `${declared} bytes` };
    const bytes = await readCapped(res, maxBytes, controller);
    if (bytes === null) return { ok: false, url, reason: 'too-large', detail: `over ${maxBytes} bytes` };
    return { ok: true, url, finalUrl: res.url || parsed.href, contentType, bytes };
  } catch (error) {
    if (timedOut) return { ok: false, url, reason: 'timeout', detail: `no answer in ${timeoutMs} ms` };
    return {
      ok: false,
      url,
      reason: 'network',
      detail: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clear(timer as never);
  }
}

/**
 * Reads the body, stopping (and aborting) as soon as it exceeds `maxBytes`; null when it did. Bytes, not text:
 * the caller decodes with the page's charset (lib/parse-html `decodeBytes`).
 */
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

/**
 * Bytes → text the way a browser picks the charset: BOM, Content-Type charset, `<meta charset>` in the first
 * 4 KiB, then UTF-8, then windows-1252. (lib/parse-html has the CLI's equivalent; it pulls in linkedom, which
 * does not bundle for the extension.)
 */
export function decodePolicyBytes(bytes: Uint8Array, contentType: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const labels = [
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1],
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1],
  ];
  for (const label of labels) {
    if (!label) continue;
    try {
      return new TextDecoder(label.toLowerCase()).decode(bytes);
    } catch {
      // Unknown label: try the next source.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
