/**
 * The one typed message map. Every name says its direction. The background validates every incoming
 * message against this map (see `lib/message-guards.ts`) before acting: content scripts run next to
 * untrusted pages, so their payloads are data to check, never instructions to trust.
 * @module
 */
import type { CategoryId } from './classify/taxonomy';
import type { AnalysedClause, Clause, ClauseDiff, PageInfo, UnsupportedReason } from './types';
import type { ClassifiedCuts } from './clause-analyses';
import type { Block } from './extract/blocks';
import type { ExtractedBlocks } from './extract';
import type { SiteComparison } from './compare';
import type { DocumentSummary, VersionMeta } from './store/repository';
import type { Verdict } from './checkout/verdict';

/** A link to a policy found on a checkout / sign-up / consent page. */
export interface PolicyLink {
  url: string;
  text: string;
  kind: 'terms' | 'privacy-policy' | 'payment';
  /**
   * `dialog`: a control that shows the policy on the page itself (a terms dialog). Its `url` is the page's
   * own address with a `#fineprint-…` fragment (lib/checkout/find-policy-links.ts); it is never fetched.
   */
  opens?: 'dialog';
}

/**
 * A page detected and cut into clauses, as the background classifies and stores it (built from a content
 * script's `PageBlocks`, or from a page the background fetched and the offscreen document read).
 */
export interface ExtractedPage {
  url: string;
  page: PageInfo;
  clauses: Clause[];
  unsupported?: { reason: UnsupportedReason; message: string };
  policyLinks?: PolicyLink[];
}

/**
 * What the content script sends after detecting and reading a policy page: its readable text as blocks
 * (lib/extract/blocks.ts), or why there is none (`unsupported`). The background cuts the blocks into clauses
 * and classifies them: ICU's sentence rules (their first use costs a page 40–80 ms in one task on a slow
 * machine) and the model stay out of the page's main thread.
 */
export interface PageBlocks {
  url: string;
  page: PageInfo;
  blocks: Block[];
  /** The page exceeded the reading budget: only its first part was read. */
  truncated?: boolean;
  unsupported?: { reason: UnsupportedReason; message: string };
  policyLinks?: PolicyLink[];
}

/** A page after classification: what the popup shows for a tab. */
export interface PageReport extends Omit<ExtractedPage, 'clauses'> {
  clauses: AnalysedClause[];
  /** How many labelled clauses could not be placed in the live DOM (reported by the content script). */
  unplaced?: number;
}

/** Summary of what changed since the version the user saw last. */
export interface ChangeSummary {
  documentUrl: string;
  title: string;
  previousSeenAt: number;
  diff: ClauseDiff;
  /** One line for a notification, e.g. "AI-training clause added since 3 May". */
  headline: string;
}

export interface TabState {
  tabId: number;
  report: PageReport | null;
  change: ChangeSummary | null;
  storageError?: string;
}

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

/** The cross-site comparison for the document on a tab. */
export interface ComparisonState {
  comparison: SiteComparison | null;
  /** Why there is no comparison (no policy on the tab, storage unavailable). */
  error?: string;
}

/** A page's markup read by the background: its blocks, or why it could not be read. */
export type ReadPageReply = ExtractedBlocks | { error: string };

export interface MessageMap {
  /**
   * A policy page's markup (lib/extract/page-markup.ts), serialized by the content script in slices; the
   * background parses it and runs Readability off the page's main thread (Firefox's background page, Chrome's
   * offscreen document) and replies with the blocks, which the page then sends back as `page-extracted`.
   * Stores nothing.
   */
  'content→bg:read-page': { req: { url: string; html: string; truncated: boolean }; res: ReadPageReply };
  /**
   * The content script's reading of a policy page; the background cuts it into clauses, classifies them,
   * replies with the clauses and the analyses of the labelled ones (lib/clause-analyses.ts), then stores the
   * version and compares it with the last one (the popup reads that from the tab state).
   */
  'content→bg:page-extracted': { req: PageBlocks; res: ClassifiedCuts };
  /**
   * The first blocks of a long policy, cut and classified on their own so the top of the page is marked
   * while the background classifies the whole page (sent just before `page-extracted`). Stores nothing.
   */
  'content→bg:classify-preview': { req: { url: string; blocks: Block[] }; res: ClassifiedCuts };
  /**
   * Sent by the every-page script the moment triage lets a page through: a stopped service worker (MV3 stops
   * it after 30 s idle) starts, loads the sentence rules and decodes the model while the page analysis loads
   * and reads the page, instead of after. Carries nothing and changes nothing.
   */
  'content→bg:wake': { req: Record<string, never>; res: { ok: boolean } };
  /** How many labelled clauses the content script could place in the live DOM. */
  'content→bg:placement': { req: { url: string; placed: number; unplaced: number }; res: { ok: boolean } };
  'popup→bg:get-tab-state': { req: { tabId: number }; res: TabState };
  /** Policy history (popup and history page): every tracked document with its latest change. */
  /**
   * Rows `offset` to `offset + limit` of the history list, newest first (all of them without a limit);
   * `origins: true` adds the distinct origins of every tracked document.
   */
  'popup→bg:get-history': {
    req: { offset?: number; limit?: number; origins?: boolean };
    res: HistoryListReply;
  };
  /** The versions of one tracked document (timeline), by canonical URL. */
  'popup→bg:get-versions': { req: { url: string }; res: VersionsReply };
  /** Clause-level diff between two stored versions of one document. */
  'popup→bg:diff-versions': { req: { url: string; from: number; to: number }; res: DiffVersionsReply };
  /** Forget a tracked document and all its versions. */
  'popup→bg:delete-document': { req: { url: string }; res: { deleted: boolean; error?: string } };
  /**
   * The in-page card's "Open in Fineprint" and the checkout badge's "Read the terms": the background opens
   * `popup.html?tabId=<sender tab>` in a new tab, at most one per tab every few seconds (`opened: false` else).
   */
  'content→bg:open-report': { req: Record<string, never>; res: { opened: boolean } };
  'popup→content:toggle-highlights': { req: { on: boolean }; res: { on: boolean } };
  'popup→content:reveal-clause': { req: { clauseId: string }; res: { found: boolean } };
  'popup→content:get-report': { req: Record<string, never>; res: PageReport | null };
  /**
   * A checkout / sign-up form and the policy links found on it (content script, once per page). The reply is
   * constant: a page must not learn anything from it about the user's history or grants.
   */
  'content→bg:checkout-found': {
    req: { url: string; flavour: CheckoutState['flavour']; signals: string[]; policyLinks: PolicyLink[] };
    res: { ok: true };
  };
  /**
   * A dialog on a checkout page (found by `checkout-found`) shows a policy: its markup (lib/extract/page-markup.ts,
   * the dialog only, visible text only), what it calls itself, and the page's control that opened it, if any.
   * The background reads and classifies it and attaches it to the tab's checkout; it is never stored in the
   * history. The reply is constant, like `checkout-found`'s.
   */
  'content→bg:checkout-dialog': {
    req: {
      url: string;
      title: string;
      kind: 'terms' | 'privacy-policy';
      opener?: string;
      html: string;
      truncated: boolean;
    };
    res: { ok: true };
  };
  /** The tab's checkout links as Fineprint's own pages show them (history and grants applied). */
  'popup→bg:get-checkout': { req: { tabId: number }; res: CheckoutState | null };
  /** Read (fetch + analyse) the named links; only links reported for the same tab are ever fetched. */
  'popup→bg:checkout-read': { req: { tabId: number; urls: string[] }; res: CheckoutState | null };
  /**
   * Sent by Fineprint's pages (popup, options, history) right after the browser's permission prompt said
   * yes: record these exact origins (scheme, host, port) as granted. Origins the browser does not cover are
   * ignored; the reply names the ones recorded.
   */
  'popup→bg:grant-origins': { req: { origins: string[] }; res: { granted: string[] } };
  'popup→bg:get-comparison': { req: { tabId: number }; res: ComparisonState };
  /**
   * Background → offscreen document (Chrome's service worker has no DOMParser): parse fetched policy HTML and
   * extract its clauses as the content script would; the background classifies.
   */
  'bg→offscreen:extract-html': { req: { html: string; url: string }; res: ExtractedPage | { error: string } };
  /** Background → offscreen document: read a page's markup sent by its content script (`read-page`). */
  'bg→offscreen:read-page': { req: { html: string }; res: ReadPageReply };
}

export type { DocumentSummary, VersionMeta };

export interface HistoryListReply {
  documents: DocumentSummary[];
  /** Unreadable stored records that were skipped. */
  problems: string[];
  /** For a page of the list: the whole list's length, and each document's position in it. */
  total?: number;
  positions?: number[];
  /** The distinct origins of every tracked document, when asked for. */
  origins?: string[];
  error?: string;
}

export interface VersionsReply {
  url: string;
  title: string;
  versions: VersionMeta[];
  /** The version the user saw last (highlighted in the timeline). */
  seenVersionId: number | null;
  problems: string[];
  error?: string;
}

export interface DiffVersionsReply {
  from: VersionMeta | null;
  to: VersionMeta | null;
  diff: ClauseDiff | null;
  headline: string | null;
  /** Labels of categories this build does not know (a newer build's, an edited file's), left out of the diff. */
  ignoredLabels?: number;
  error?: string;
}

export type MessageName = keyof MessageMap;
export type Req<N extends MessageName> = MessageMap[N]['req'];
export type Res<N extends MessageName> = MessageMap[N]['res'];

/** The envelope that travels over runtime messaging. */
export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: Req<N>;
}

export function envelope<N extends MessageName>(type: N, payload: Req<N>): Envelope<N> {
  return { type, payload };
}

/** This extension as a message sender sees it: `runtime.id` and `runtime.getURL('/')`. */
export interface OwnExtension {
  id: string;
  baseUrl: string;
}

/**
 * Whether a message reaching a page, the offscreen document or another extension context came from this
 * extension's own pages or background, never from a content script (its URL is its web page's) or another
 * extension. Decided by the sender's URL, not by the absence of `sender.tab`: Firefox sets `tab` for our own
 * pages open in a tab (the popup opened from a page's "Open in Fineprint"), Chrome does not.
 */
export function fromOwnExtension(sender: { id?: string; url?: string }, self: OwnExtension): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl);
}

/** Category count helper type used by summaries. */
export type CategoryCounts = Partial<Record<CategoryId, number>>;
