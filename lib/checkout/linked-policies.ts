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
import { TAXONOMY } from '../classify/taxonomy';
import { decodeBytes } from '../fetch/decode';
import type { FetchResult } from '../fetch/capped-fetch';
import { fetchTargetOf, originOf } from '../fetch/origins';
import type { PolicyLink } from './find-policy-links';
import type { AnalysedClause, PageAnalysis } from '../types';
import { paymentProviderOf, siteOf } from './site';
import { evidenceLabels, verdictOf, type Verdict } from './verdict';

/** One policy a checkout / sign-up page links to, as the background read it (or why it did not). */
export interface LinkedPolicy {
  url: string;
  text: string;
  kind: PolicyLink['kind'];
  opens?: 'dialog';
  /**
   * `needs-permission`: the user has not yet allowed reading this site; nothing was fetched. `in-page`: the
   * page shows this policy itself when its control is pressed; Fineprint reads it then.
   */
  status: 'not-read' | 'needs-permission' | 'in-page' | 'done' | 'failed';
  /** The registrable domain the policy lives on (lib/checkout/site.ts), shown when it is not the page's. */
  site?: string;
  /** On another site than the checkout page and not a known payment provider. */
  otherSite?: boolean;
  error?: string;
  title?: string;
  /** What a buyer should hear first (lib/checkout/verdict.ts), read from every clause of the document. */
  verdict?: Verdict;
  /** The most important labelled clauses, highest category weight first (capped). */
  clauses?: AnalysedClause[];
  /** Served from the policy history instead of being fetched again. */
  fromCache?: boolean;
  /** Read from a dialog the checkout page showed (never stored in the history). */
  fromDialog?: boolean;
  /** What changed since the user last read this policy, when reading found a change. */
  change?: string;
  readAt?: number;
}

/** What Fineprint knows about the checkout / sign-up / consent form on a tab. */
export interface CheckoutState {
  url: string;
  /** The page's registrable domain (lib/checkout/site.ts). */
  site?: string;
  flavour: 'checkout' | 'sign-up' | 'consent';
  signals: string[];
  policies: LinkedPolicy[];
}

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
  /**
   * Store the analysis in the policy history (as read from a checkout, not as a visit); a failure is reported
   * but does not lose the summary. Returns what changed since the user last read it, if anything did.
   */
  record: (url: string, analysis: PageAnalysis) => Promise<{ change?: string } | void>;
  now: () => number;
}

/**
 * What the report shows of one read document: the verdict (from every clause) and the most important
 * painted clauses for the full list, highest category weight first.
 */
export function summarise(clauses: readonly AnalysedClause[]): {
  verdict: Verdict;
  clauses: AnalysedClause[];
} {
  const painted = clauses.filter((c) => evidenceLabels(c).length > 0);
  const weight = (c: AnalysedClause) =>
    Math.max(...c.labels.map((l) => TAXONOMY[l.category].weight * (l.stance === 'denies' ? 0.5 : 1)));
  // Each clause with its painted labels only: a weaker label on the same clause is not shown as a finding.
  const top = [...painted]
    .sort((a, b) => weight(b) - weight(a) || a.block - b.block)
    .slice(0, SUMMARY_CLAUSES)
    .map((c) => ({ ...c, labels: evidenceLabels(c) }));
  return { verdict: verdictOf(clauses), clauses: top };
}

/** Where a link points, as the report shows it: its registrable domain, and whether that is another site. */
function placeOf(link: PolicyLink, pageSite: string): { site: string; otherSite: boolean } {
  try {
    const host = new URL(link.url).hostname;
    const site = siteOf(host);
    return { site, otherSite: site !== pageSite && paymentProviderOf(host) === null };
  } catch {
    return { site: '', otherSite: false };
  }
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
  let pageSite = '';
  try {
    pageSite = siteOf(new URL(found.url).hostname);
  } catch {
    /* the route's guard let only http(s) URLs through */
  }
  return {
    url: found.url,
    site: pageSite,
    flavour: found.flavour,
    signals: found.signals.slice(0, 20),
    policies: found.policyLinks.map((link): LinkedPolicy => ({
      ...link,
      ...placeOf(link, pageSite),
      status: link.opens === 'dialog' ? 'in-page' : 'not-read',
    })),
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
    if (p.status === 'done' || p.status === 'failed' || p.opens === 'dialog') {
      policies.push(p);
      continue;
    }
    const link = linkOf(p);
    const target = fetchTargetOf(link.url, state.url);
    const cached = await deps.lookup(target).catch(() => null);
    if (cached && deps.now() - cached.seenAt < CACHE_MAX_AGE_MS) policies.push(fromCache(link, cached));
    else policies.push({ ...link, status: (await granted(target, deps)) ? 'not-read' : 'needs-permission' });
  }
  return { ...state, policies };
}

/** The link part of a policy entry, with where it points. */
function linkOf(p: LinkedPolicy): PolicyLink & Pick<LinkedPolicy, 'site' | 'otherSite'> {
  return {
    url: p.url,
    text: p.text,
    kind: p.kind,
    ...(p.site !== undefined ? { site: p.site } : {}),
    ...(p.otherSite !== undefined ? { otherSite: p.otherSite } : {}),
  };
}

async function granted(url: string, deps: Pick<LinkedPolicyDeps, 'isGranted'>): Promise<boolean> {
  const origin = originOf(url);
  return origin !== null && (await deps.isGranted(origin).catch(() => false));
}

function fromCache(link: PolicyLink & Partial<LinkedPolicy>, cached: CachedPolicy): LinkedPolicy {
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
  link: PolicyLink & Pick<LinkedPolicy, 'site' | 'otherSite'>,
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
  let change: string | undefined;
  try {
    change = (await deps.record(target, analysis))?.change;
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
    ...(change ? { change } : {}),
    ...(error ? { error } : {}),
  };
}

/**
 * Reads the given links of a state one after another (politeness: one request at a time). Links a page shows
 * in a dialog are never fetched. Returns the results by URL, to merge into the tab's state with
 * {@link mergeResults} (the state may have changed meanwhile: a dialog read while the links were fetched).
 */
export async function readLinks(
  state: CheckoutState,
  links: readonly PolicyLink[],
  deps: LinkedPolicyDeps,
): Promise<Map<string, LinkedPolicy>> {
  const results = new Map<string, LinkedPolicy>();
  for (const link of links) {
    const entry = state.policies.find((p) => p.url === link.url);
    if (!entry || entry.opens === 'dialog') continue;
    results.set(link.url, await readLinkedPolicy(linkOf(entry), state.url, deps));
  }
  return results;
}

/** `state` with the entries in `results` replaced. */
export function mergeResults(
  state: CheckoutState,
  results: ReadonlyMap<string, LinkedPolicy>,
): CheckoutState {
  return { ...state, policies: state.policies.map((p) => results.get(p.url) ?? p) };
}

/** What a checkout page's dialog showed, as its content script described it. */
export interface DialogPolicy {
  /** The page's in-page control that opened it (a reported `opens: 'dialog'` link), when known. */
  opener?: string;
  kind: 'terms' | 'privacy-policy';
  title: string;
}

const DIALOG_FRAGMENT = '#fineprint-dialog-';

/** Entries read from dialogs a page may add beyond its reported links (a second policy opened in a dialog). */
export const MAX_DIALOG_ENTRIES = 4;

/**
 * `state` with a dialog's analysis attached: to the control that opened it; else to the one reported in-page
 * control of its kind not yet read; else to an earlier dialog entry with the same title (read again whole);
 * else as a new entry, up to {@link MAX_DIALOG_ENTRIES}. Never to a link Fineprint fetches.
 */
export function attachDialogPolicy(
  state: CheckoutState,
  dialog: DialogPolicy,
  analysis: PageAnalysis,
  now: number,
): CheckoutState {
  const inPage = state.policies.filter((p) => p.opens === 'dialog');
  const title = dialog.title.trim();
  const target =
    inPage.find((p) => dialog.opener !== undefined && p.url === dialog.opener && p.kind === dialog.kind) ??
    inPage.find((p) => dialog.opener !== undefined && p.url === dialog.opener) ??
    inPage.find((p) => p.title !== undefined && title !== '' && p.title === title) ??
    (() => {
      const open = inPage.filter((p) => p.kind === dialog.kind && p.status === 'in-page');
      return open.length === 1 ? open[0] : undefined;
    })();
  const read: Omit<LinkedPolicy, 'url' | 'text' | 'kind'> = analysis.unsupported
    ? { opens: 'dialog', status: 'failed', error: analysis.unsupported.message, fromDialog: true }
    : {
        opens: 'dialog',
        status: 'done',
        title: title || analysis.page.title,
        ...summarise(analysis.clauses),
        fromDialog: true,
        readAt: now,
      };
  if (target)
    return {
      ...state,
      policies: state.policies.map((p) =>
        p === target
          ? { url: p.url, text: p.text, kind: p.kind, site: p.site, otherSite: false, ...read }
          : p,
      ),
    };
  // Entries added for dialogs no control announced (their address is the page's with a dialog fragment).
  if (state.policies.filter((p) => p.url.includes(DIALOG_FRAGMENT)).length >= MAX_DIALOG_ENTRIES)
    return state;
  const url = new URL(state.url);
  url.hash = `${DIALOG_FRAGMENT.slice(1)}${state.policies.length + 1}`;
  const entry: LinkedPolicy = {
    url: url.href,
    text: title || analysis.page.title,
    kind: dialog.kind,
    site: state.site ?? '',
    otherSite: false,
    ...read,
  };
  return { ...state, policies: [...state.policies, entry] };
}
