/**
 * Reading the policies a checkout page links to, in the background: grant check, cache lookup in the policy
 * history, capped fetch, decoding, analysis, storing. Every effect comes in through `LinkedPolicyDeps`, so the
 * flow (and its failure paths) is tested in Node.
 *
 * What a page learns: nothing. The content script reports the links it found and gets a constant reply
 * ({@link foundCheckoutState} looks nothing up). Statuses that depend on the user's history or grants
 * ({@link checkoutView}) are computed only for Fineprint's own pages (the popup / report page).
 * @module
 */
import { TAXONOMY, type CategoryId } from '../classify/taxonomy';
import { decodeBytes } from '../fetch/decode';
import type { FetchResult } from '../fetch/capped-fetch';
import { fetchTargetOf, originOf } from '../fetch/origins';
import type { CategoryCounts, CheckoutState, LinkedPolicy, PolicyLink } from '../messages';
import type { AnalysedClause, PageAnalysis } from '../types';

/** How many labelled clauses a linked-policy summary carries to the popup. */
export const SUMMARY_CLAUSES = 12;
/** A stored version younger than this is reused instead of fetching the page again. */
export const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface CachedPolicy {
  title: string;
  clauses: AnalysedClause[];
  /** When the stored version was last confirmed (its `lastSeen`). */
  seenAt: number;
}

export interface LinkedPolicyDeps {
  /** Whether the user granted this exact origin through Fineprint (lib/fetch/grants.ts). */
  isGranted: (origin: string) => Promise<boolean>;
  /** The latest stored version of this policy, if any. */
  lookup: (url: string) => Promise<CachedPolicy | null>;
  /** Capped fetch of `url`, every hop checked (lib/fetch/capped-fetch.ts), for a link found on `pageUrl`. */
  fetch: (url: string, pageUrl: string) => Promise<FetchResult>;
  /** Parse and analyse decoded HTML (may reject for unreadable input). */
  analyze: (html: string, url: string) => Promise<PageAnalysis>;
  /** Store the analysis in the policy history; a failure is reported but does not lose the summary. */
  record: (url: string, analysis: PageAnalysis) => Promise<void>;
  now: () => number;
}

/** Clause counts by category (permitting clauses only) and the most important labelled clauses. */
export function summarise(clauses: readonly AnalysedClause[]): {
  counts: CategoryCounts;
  clauses: AnalysedClause[];
} {
  const counts: CategoryCounts = {};
  const labelled = clauses.filter((c) => c.labels.length > 0);
  for (const clause of labelled) {
    const cats = new Set<CategoryId>(
      clause.labels.filter((l) => l.stance === 'permits' || l.stance === 'unclear').map((l) => l.category),
    );
    for (const c of cats) counts[c] = (counts[c] ?? 0) + 1;
  }
  const weight = (c: AnalysedClause) =>
    Math.max(...c.labels.map((l) => TAXONOMY[l.category].weight * (l.stance === 'denies' ? 0.5 : 1)));
  const top = [...labelled]
    .sort((a, b) => weight(b) - weight(a) || a.block - b.block)
    .slice(0, SUMMARY_CLAUSES);
  return { counts, clauses: top };
}

/**
 * The state stored for a freshly found checkout form: the page's own links, every one "not read". Nothing is
 * looked up, so neither the reply to the page nor its timing can depend on the history or the grants.
 */
export function foundCheckoutState(found: {
  url: string;
  flavour: CheckoutState['flavour'];
  signals: string[];
  policyLinks: PolicyLink[];
}): CheckoutState {
  return {
    url: found.url,
    flavour: found.flavour,
    signals: found.signals.slice(0, 20),
    policies: found.policyLinks.map((link) => ({ ...link, status: 'not-read' as const })),
  };
}

/**
 * The state as Fineprint's own pages show it: links not read yet are served from the history when a recent
 * version is stored, else marked by whether the user granted their origin. Results of reads are kept.
 */
export async function checkoutView(
  state: CheckoutState,
  deps: Pick<LinkedPolicyDeps, 'lookup' | 'isGranted' | 'now'>,
): Promise<CheckoutState> {
  const policies: LinkedPolicy[] = [];
  for (const p of state.policies) {
    if (p.status === 'done' || p.status === 'failed') {
      policies.push(p);
      continue;
    }
    const link: PolicyLink = { url: p.url, text: p.text, kind: p.kind };
    const target = fetchTargetOf(link.url, state.url);
    const cached = await deps.lookup(target).catch(() => null);
    if (cached && deps.now() - cached.seenAt < CACHE_MAX_AGE_MS) policies.push(fromCache(link, cached));
    else policies.push({ ...link, status: (await granted(target, deps)) ? 'not-read' : 'needs-permission' });
  }
  return { ...state, policies };
}

async function granted(url: string, deps: Pick<LinkedPolicyDeps, 'isGranted'>): Promise<boolean> {
  const origin = originOf(url);
  return origin !== null && (await deps.isGranted(origin).catch(() => false));
}

function fromCache(link: PolicyLink, cached: CachedPolicy): LinkedPolicy {
  return {
    ...link,
    status: 'done',
    title: cached.title,
    ...summarise(cached.clauses),
    fromCache: true,
    readAt: cached.seenAt,
  };
}

/**
 * Reads one linked policy found on `pageUrl` (over https when the page is, see `fetchTargetOf`). Never throws:
 * failures come back as `status: 'failed'` with a reason the user can read.
 */
export async function readLinkedPolicy(
  link: PolicyLink,
  pageUrl: string,
  deps: LinkedPolicyDeps,
): Promise<LinkedPolicy> {
  const target = fetchTargetOf(link.url, pageUrl);
  const cached = await deps.lookup(target).catch(() => null);
  if (cached && deps.now() - cached.seenAt < CACHE_MAX_AGE_MS) return fromCache(link, cached);
  if (!(await granted(target, deps))) return { ...link, status: 'needs-permission' };
  const fetched = await deps.fetch(target, pageUrl);
  if (!fetched.ok) return { ...link, status: 'failed', error: fetched.detail };
  let analysis: PageAnalysis;
  try {
    analysis = await deps.analyze(decodeBytes(fetched.bytes, fetched.contentType).text, fetched.finalUrl);
  } catch (error) {
    return { ...link, status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (analysis.unsupported)
    return { ...link, status: 'failed', title: analysis.page.title, error: analysis.unsupported.message };
  let error: string | undefined;
  try {
    await deps.record(target, analysis);
  } catch (e) {
    // The summary is still shown; only the history entry is missing.
    error = `not saved to history: ${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    ...link,
    status: 'done',
    title: analysis.page.title,
    ...summarise(analysis.clauses),
    readAt: deps.now(),
    ...(error ? { error } : {}),
  };
}

/** Reads the given links of a state one after another (politeness: one request at a time) and merges the results. */
export async function readLinks(
  state: CheckoutState,
  links: readonly PolicyLink[],
  deps: LinkedPolicyDeps,
): Promise<CheckoutState> {
  const results = new Map<string, LinkedPolicy>();
  for (const link of links) results.set(link.url, await readLinkedPolicy(link, state.url, deps));
  return { ...state, policies: state.policies.map((p) => results.get(p.url) ?? p) };
}
