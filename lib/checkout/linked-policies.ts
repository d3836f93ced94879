/**
 * Reading the policies a checkout page links to, in the background: permission check, cache lookup in the
 * policy history, capped fetch, analysis, storing. Every effect comes in through `LinkedPolicyDeps`, so the
 * flow (and its failure paths) is tested in Node.
 * @module
 */
import { TAXONOMY, type CategoryId } from '../classify/taxonomy';
import type { CategoryCounts, CheckoutState, LinkedPolicy, PolicyLink } from '../messages';
import type { AnalysedClause, PageAnalysis } from '../types';
import type { FetchPolicyResult } from './fetch-policy';

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
  /** Whether the extension may fetch this URL (host permission granted). */
  hasPermission: (url: string) => Promise<boolean>;
  /** The latest stored version of this policy, if any. */
  lookup: (url: string) => Promise<CachedPolicy | null>;
  fetch: (url: string) => Promise<FetchPolicyResult>;
  /** Decode, parse and analyse fetched bytes (may reject for unreadable input). */
  analyze: (bytes: Uint8Array, contentType: string, url: string) => Promise<PageAnalysis>;
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

/** The state shown for a freshly found checkout form: every link "not read" (or served from the history). */
export async function initialCheckoutState(
  found: { url: string; flavour: CheckoutState['flavour']; signals: string[]; policyLinks: PolicyLink[] },
  deps: Pick<LinkedPolicyDeps, 'lookup' | 'hasPermission' | 'now'>,
): Promise<CheckoutState> {
  const policies: LinkedPolicy[] = [];
  for (const link of found.policyLinks) {
    const cached = await deps.lookup(link.url).catch(() => null);
    if (cached && deps.now() - cached.seenAt < CACHE_MAX_AGE_MS) policies.push(fromCache(link, cached));
    else
      policies.push({
        ...link,
        status: (await deps.hasPermission(link.url).catch(() => false)) ? 'not-read' : 'needs-permission',
      });
  }
  return { url: found.url, flavour: found.flavour, signals: found.signals.slice(0, 20), policies };
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

/** Reads one linked policy. Never throws: failures come back as `status: 'failed'` with a reason. */
export async function readLinkedPolicy(link: PolicyLink, deps: LinkedPolicyDeps): Promise<LinkedPolicy> {
  const cached = await deps.lookup(link.url).catch(() => null);
  if (cached && deps.now() - cached.seenAt < CACHE_MAX_AGE_MS) return fromCache(link, cached);
  if (!(await deps.hasPermission(link.url).catch(() => false)))
    return { ...link, status: 'needs-permission' };
  const fetched = await deps.fetch(link.url);
  if (!fetched.ok) return { ...link, status: 'failed', error: fetched.detail };
  let analysis: PageAnalysis;
  try {
    analysis = await deps.analyze(fetched.bytes, fetched.contentType, fetched.finalUrl);
  } catch (error) {
    return { ...link, status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (analysis.unsupported)
    return { ...link, status: 'failed', title: analysis.page.title, error: analysis.unsupported.message };
  let error: string | undefined;
  try {
    await deps.record(link.url, analysis);
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
  for (const link of links) results.set(link.url, await readLinkedPolicy(link, deps));
  return { ...state, policies: state.policies.map((p) => results.get(p.url) ?? p) };
}
