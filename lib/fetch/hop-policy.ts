/**
 * May Fineprint send a request to this URL? Asked of the first URL and of every redirect hop, because a
 * page that may point us at one address must not reach another through a redirect. A hop is allowed when
 * it is http(s) with no credentials in it, on a public host (unless the page the link came from is itself on
 * a non-public one: a shop on the intranet may link to its intranet terms), and its exact origin (scheme,
 * host, port) is one the user granted.
 * @module
 */
import { hostClass, isNonPublicHost, type HostClass } from './address';
import { originOf } from './origins';

export type HopRefusal = 'bad-url' | 'scheme' | 'credentials' | 'non-public' | 'not-granted';

export type HopCheck = { ok: true; url: URL } | { ok: false; refusal: HopRefusal; detail: string };

export interface HopPolicy {
  /** Whether non-public hosts (loopback, private, link-local, metadata, local names) may be fetched. */
  allowNonPublic: boolean;
  /** Whether the user granted this exact origin (`https://shop.example:8443`). */
  isGranted: (origin: string) => boolean | Promise<boolean>;
}

/** Whether a page at `pageUrl` may lead us to non-public hosts: only when it is on one itself. */
export function pageAllowsNonPublic(pageUrl: string): boolean {
  try {
    return isNonPublicHost(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}

const CLASS_WORDS: Record<Exclude<HostClass, 'public'>, string> = {
  loopback: 'this computer',
  private: 'a private network address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata service',
  'local-name': 'a local network name',
  reserved: 'a reserved address',
};

/** Checks one URL against `policy`. Never throws. */
export async function checkHop(url: string, policy: HopPolicy): Promise<HopCheck> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, refusal: 'bad-url', detail: 'not a URL' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { ok: false, refusal: 'scheme', detail: `scheme ${u.protocol} not allowed` };
  if (u.username || u.password)
    return { ok: false, refusal: 'credentials', detail: 'the address carries a user name or password' };
  const cls = hostClass(u.hostname);
  if (cls !== 'public' && !policy.allowNonPublic)
    return { ok: false, refusal: 'non-public', detail: `${u.host} is ${CLASS_WORDS[cls]}` };
  const origin = originOf(u)!;
  let granted: boolean;
  try {
    granted = await policy.isGranted(origin);
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, refusal: 'not-granted', detail: `reading ${origin} was not allowed` };
  return { ok: true, url: u };
}
