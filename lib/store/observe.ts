/**
 * What the background does with an analysed page: canonical URL → fingerprint → store the version if new →
 * diff against the version the user saw last → a change summary, and whether to notify. Pure of browser APIs
 * (the db, clock and settings are arguments) so the whole path is tested in Node.
 * @module
 */
import type { CategoryId } from '../classify/taxonomy';
import { canonicalUrl } from '../canonical-url';
import { changeHeadline, documentName, touchedCategories } from '../change-summary';
import { diffClauses, fingerprintClauses } from '../diff';
import type { ChangeSummary } from '../change-summary';
import type { AnalysedClause, PageInfo, UnsupportedReason } from '../types';
import { looksLikeCaptureError } from '../recheck';
import { StoreError } from './errors';
import { isVisitRecord } from './validate';
import {
  claimNotification,
  DEFAULT_RETENTION,
  getVersion,
  recordSnapshot,
  saveChange,
  type HistoryDB,
} from './repository';
import { withLimits, type HistoryLimits } from './limits';
import type { StoredChange, VersionSource } from './schema';

export interface ObservedPage {
  url: string;
  page: PageInfo;
  clauses: AnalysedClause[];
  unsupported?: { reason: UnsupportedReason; message: string };
}

export interface NotifyPrefs {
  enabled: boolean;
  /** Empty = any change. */
  categories: CategoryId[];
}

export interface ObserveOptions {
  now: number;
  /** UI language of the headline's date (lib/format.ts); English when absent. */
  locale?: string;
  source: VersionSource;
  notify: NotifyPrefs;
  limits?: Partial<HistoryLimits>;
  /** When the reporting tab last stored new versions (the per-tab limit); absent for re-checks. */
  tabVersionTimes?: readonly number[];
}

export interface ObserveResult {
  stored: boolean;
  /** Canonical URL the page was stored under, or null when it was not eligible. */
  documentUrl: string | null;
  versionId: number | null;
  isNewVersion: boolean;
  /** What changed since the user's last visit (null when nothing did, or on the first visit). */
  change: ChangeSummary | null;
  /**
   * True when a system notification should be shown for this change: the settings want it, this version was
   * not announced before, and its origin has not notified within the window (lib/store/limits.ts).
   */
  notify: boolean;
  /** A change the settings wanted announced, kept quiet because its origin notified recently. */
  coalesced?: boolean;
  /** A per-site or per-tab limit kept the version out of the history (`error` says which). */
  limited?: boolean;
  /** User-facing storage error (quota…); nothing already stored was lost. */
  error?: string;
  /** Unreadable records skipped along the way. */
  problems: string[];
}

const NOTHING = (documentUrl: string | null = null): ObserveResult => ({
  stored: false,
  documentUrl,
  versionId: null,
  isNewVersion: false,
  change: null,
  notify: false,
  problems: [],
});

/** Clause count of the version the user saw last, or null when there is none (or it is unreadable). */
async function lastSeenClauseCount(db: HistoryDB, url: string): Promise<number | null> {
  try {
    const visit: unknown = await db.get('visits', url);
    if (!isVisitRecord(visit)) return null;
    const { version } = await getVersion(db, visit.versionId);
    return version ? version.clauses.length : null;
  } catch {
    return null;
  }
}

/** Whether the user's notification settings want this diff announced. */
export function wantsNotification(prefs: NotifyPrefs, categories: readonly CategoryId[]): boolean {
  if (!prefs.enabled) return false;
  if (prefs.categories.length === 0) return true;
  return categories.some((c) => prefs.categories.includes(c));
}

/** Record one observation of a policy page and work out what changed since the user last saw it. */
export async function observePage(
  db: HistoryDB,
  page: ObservedPage,
  options: ObserveOptions,
): Promise<ObserveResult> {
  if (page.unsupported || page.clauses.length === 0) return NOTHING();
  if (page.page.kind !== 'privacy-policy' && page.page.kind !== 'terms') return NOTHING();
  const limits = withLimits(options.limits ?? DEFAULT_RETENTION);
  const documentUrl = canonicalUrl(page.url);
  if (!documentUrl) return NOTHING();

  // An error, sign-in or bot-wall page served at a policy's address is not a new version of the policy: keep it
  // out of the history rather than announce that every clause was removed.
  const previous = await lastSeenClauseCount(db, documentUrl);
  if (previous !== null && looksLikeCaptureError(previous, page.clauses.length)) {
    return {
      ...NOTHING(documentUrl),
      problems: [`${documentUrl}: ${page.clauses.length} clauses against ${previous} last time; not stored`],
    };
  }

  let snapshot;
  try {
    snapshot = await recordSnapshot(
      db,
      {
        url: documentUrl,
        title: page.page.title,
        kind: page.page.kind,
        language: page.page.language,
        clauses: page.clauses,
        hash: fingerprintClauses(page.clauses),
        source: options.source,
        now: options.now,
        markSeen: options.source === 'visit',
        ...(options.tabVersionTimes ? { tabVersionTimes: options.tabVersionTimes } : {}),
      },
      limits,
    );
  } catch (error) {
    if (error instanceof StoreError)
      return {
        ...NOTHING(documentUrl),
        error: error.message,
        ...(error.kind === 'limited' ? { limited: true } : {}),
      };
    throw error;
  }
  const { version, previousSeen, previousSeenAt, document, isNewVersion, problems } = snapshot;
  const result: ObserveResult = {
    stored: true,
    documentUrl,
    versionId: version.id!,
    isNewVersion,
    change: null,
    notify: false,
    problems,
  };

  if (!previousSeen || previousSeen.hash === version.hash) return result;

  const diff = diffClauses(previousSeen.clauses, version.clauses);
  if (!diff.changed) return result;
  const title = documentName(document.title, documentUrl);
  const headline = changeHeadline(
    title,
    diff,
    previousSeenAt ?? previousSeen.lastSeen,
    options.now,
    options.locale,
  );
  result.change = {
    documentUrl,
    title,
    previousSeenAt: previousSeenAt ?? previousSeen.lastSeen,
    diff,
    headline,
  };

  const alreadyNotified = document.lastNotifiedVersionId === version.id;
  if (!alreadyNotified && wantsNotification(options.notify, touchedCategories(diff))) {
    // One notification per origin per window: a page flipping between two texts, or a site whose documents
    // change together, is announced once; every change stays in the history and the tab's popup.
    result.notify = await claimNotification(db, documentUrl, options.now, limits).catch(() => false);
    if (!result.notify) result.coalesced = true;
  }

  const stored: StoredChange = {
    at: options.now,
    fromVersionId: previousSeen.id!,
    toVersionId: version.id!,
    headline,
    categories: diff.categories,
    added: diff.added.length,
    removed: diff.removed.length,
    modified: diff.modified.length,
  };
  try {
    await saveChange(db, documentUrl, stored, result.notify ? version.id : undefined);
  } catch (error) {
    // The version itself is stored; only the summary row failed. Report it, keep the change for the popup.
    if (error instanceof StoreError) result.error = error.message;
    else throw error;
  }
  return result;
}
