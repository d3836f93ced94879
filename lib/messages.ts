/**
 * The one typed message map. Every name says its direction: `content` (a content script), `popup`,
 * `history`, `options` or `ui` (any of Fineprint's own pages), `bg` (the background), `offscreen`. The background validates every incoming
 * message against this map (see `lib/message-guards.ts`) before acting: content scripts run next to
 * untrusted pages, so their payloads are data to check, never instructions to trust.
 * @module
 */
import type { Block } from './extract/blocks';
import type { ReadPageReply } from './extract/reading';
import type { PolicyLink } from './checkout/find-policy-links';
import type { CheckoutState } from './checkout/linked-policies';
import type { ClassifiedCuts, ClauseCut, ClauseDetails } from './clause-analyses';
import type { ComparisonState } from './compare';
import type { DiffVersionsReply, HistoryListReply, VersionsReply } from './history-view';
import type { PageMarks, TabState } from './page-report';
import type { ExtractedPage } from './pipeline-extract';
import type { PageInfo } from './types';

export interface MessageMap {
  /**
   * A policy page's markup (lib/extract/page-markup.ts), serialized by the content script in slices; the
   * background parses it and runs Readability off the page's main thread (Firefox's background page, Chrome's
   * offscreen document), keeps the reading for that frame (lib/kept-readings.ts) and replies with its blocks
   * (the page places clauses in them) and the id `page-extracted` names it by. Stores nothing. With the page's
   * detection (`page`, as `page-extracted` will send it), the reading is also cut into clauses at once and the
   * reply carries the cuts (`cuts`, unlabelled): the page locates them while the background labels them.
   */
  'content→bg:read-page': {
    req: { url: string; html: string; truncated: boolean; page?: PageInfo };
    res: ReadPageReply & { readId: string; cuts?: ClauseCut[] };
  };
  /**
   * The content script's detection of a page whose markup the background read (`readId`, from `read-page`, for
   * the same frame and address): the background cuts its own reading into clauses, labels them, replies with
   * the clauses and the labelled ones' marks (lib/clause-analyses.ts), then explains them, stores the version
   * and compares it with the last one (the popup reads that from the tab state). The page's `language` is ignored,
   * and its `title` used only when the reading has none: both come from the reading.
   */
  'content→bg:page-extracted': { req: { url: string; readId: string; page: PageInfo }; res: ClassifiedCuts };
  /**
   * What the card of one clause of the sender's page shows besides its marks (its labels' evidence and
   * explanations, its slots), asked when the card opens; null when the background has none. Stores nothing.
   */
  'content→bg:clause-details': { req: { url: string; clauseId: string }; res: ClauseDetails | null };
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
  /**
   * Policy history (history and options pages): rows `offset` to `offset + limit` of the tracked documents,
   * newest first (all of them without a limit); `origins: true` adds the distinct origins of every tracked
   * document.
   */
  'ui→bg:get-history': {
    req: { offset?: number; limit?: number; origins?: boolean };
    res: HistoryListReply;
  };
  /** The versions of one tracked document (timeline), by canonical URL. */
  'history→bg:get-versions': { req: { url: string }; res: VersionsReply };
  /** Clause-level diff between two stored versions of one document. */
  'history→bg:diff-versions': { req: { url: string; from: number; to: number }; res: DiffVersionsReply };
  /** Forget a tracked document and all its versions. */
  'history→bg:delete-document': { req: { url: string }; res: { deleted: boolean; error?: string } };
  /**
   * The in-page card's "Open in Fineprint" and the checkout badge's "Read the terms": the background opens
   * `popup.html?tabId=<sender tab>` in a new tab, at most one per tab every few seconds (`opened: false` else).
   */
  'content→bg:open-report': { req: Record<string, never>; res: { opened: boolean } };
  'popup→content:toggle-highlights': { req: { on: boolean }; res: { on: boolean } };
  'popup→content:reveal-clause': { req: { clauseId: string }; res: { found: boolean } };
  /**
   * The page the tab's content script analysed last: the background asks it before recording a held report
   * (is the tab still on that page?), tests ask it for the page's report. Answered by the every-page script on
   * pages triage turned away.
   */
  'bg→content:get-report': { req: Record<string, never>; res: PageMarks | null };
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
  'ui→bg:grant-origins': { req: { origins: string[] }; res: { granted: string[] } };
  'popup→bg:get-comparison': { req: { tabId: number }; res: ComparisonState };
  /**
   * Background → offscreen document (Chrome's service worker has no DOMParser): parse fetched policy HTML and
   * extract its clauses as the content script would; the background classifies.
   */
  'bg→offscreen:extract-html': { req: { html: string; url: string }; res: ExtractedPage | { error: string } };
  /** Background → offscreen document: read a page's markup sent by its content script (`read-page`). */
  'bg→offscreen:read-page': { req: { html: string }; res: ReadPageReply };
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
