/**
 * Background wiring for policy history: the database handle, what happens when a tab reports an analysed
 * policy (held until it stands still, then stored, diffed against the last visit, notified, badged), and the
 * history/popup read handlers. Logic lives in lib/store (observePage, repository, stable-hold, limits); this
 * file only supplies the environment.
 */
import { browser } from 'wxt/browser';
import { canonicalUrl } from '@/lib/canonical-url';
import { changeHeadline } from '@/lib/change-summary';
import { diffClauses, fingerprintClauses } from '@/lib/diff';
import { envelope } from '@/lib/messages';
import type { ChangeSummary } from '@/lib/change-summary';
import type { DiffVersionsReply, HistoryListReply, VersionsReply } from '@/lib/history-view';
import type { PageReport } from '@/lib/page-report';
import {
  createStableHold,
  createTabVersionLog,
  deleteDocument,
  getDocument,
  getSeenVersionId,
  getVersion,
  STABLE_MS,
  listDocumentsPage,
  listVersions,
  trackedOrigins,
  observePage,
  openHistoryDB,
  toStoreError,
  type HistoryDB,
  type ObserveResult,
} from '@/lib/store';
import { loadSettings } from '@/adapters/settings';
import { notifyChange, setChangeBadge } from './notify';
import { t, uiLanguage } from '@/adapters/i18n';

let dbPromise: Promise<HistoryDB> | null = null;

/** The history database, opened (and migrated) once per background lifetime. */
export function historyDB(): Promise<HistoryDB> {
  dbPromise ??= openHistoryDB(indexedDB).catch((error: unknown) => {
    dbPromise = null;
    throw toStoreError(error);
  });
  return dbPromise;
}

const changeKey = (tabId: number) => `change:${tabId}`;
const errorKey = (tabId: number) => `storageError:${tabId}`;

export async function isPrivateTab(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    // The tab closed right after reporting (or a test double without tabs): nothing says it was private.
    return false;
  }
}

/** New versions each tab stored in the last hour (the per-tab limit, lib/store/limits.ts). */
const tabVersions = createTabVersionLog();

/**
 * Store and compare a policy page. A tab's page arrives here through {@link stableReports}, once it has stood
 * still; re-checks come straight from lib/recheck-run.
 */
export async function recordPageReport(
  report: PageReport,
  tabId: number | null,
  source: 'visit' | 'recheck' = 'visit',
): Promise<{ stored: boolean; change: ChangeSummary | null; error?: string }> {
  // Private windows leave no trace: a policy read there is analysed but never written to the history.
  if (tabId !== null && (await isPrivateTab(tabId))) return { stored: false, change: null };
  let result: ObserveResult;
  try {
    const settings = await loadSettings();
    const db = await historyDB();
    const now = Date.now();
    result = await observePage(db, report, {
      now,
      locale: uiLanguage(),
      source,
      notify: settings.notifications,
      ...(tabId !== null ? { tabVersionTimes: tabVersions.times(tabId, now) } : {}),
    });
    if (tabId !== null && result.isNewVersion) tabVersions.add(tabId, now);
  } catch (error) {
    const message = toStoreError(error).message;
    if (tabId !== null)
      await browser.storage.session.set({ [errorKey(tabId)]: message }).catch(() => undefined);
    return { stored: false, change: null, error: message };
  }
  for (const p of result.problems) console.warn('[fineprint] skipped stored record:', p);
  if (tabId !== null) {
    await browser.storage.session
      .set({ [changeKey(tabId)]: result.change, [errorKey(tabId)]: result.error ?? null })
      .catch(() => undefined);
    if (result.stored || result.error) await setChangeBadge(tabId, result.change !== null);
  }
  if (result.change && result.notify) await notifyChange(result.change);
  return { stored: result.stored, change: result.change, ...(result.error ? { error: result.error } : {}) };
}

/** The change and storage error last recorded for a tab (for `popup→bg:get-tab-state`). */
export async function tabHistoryState(
  tabId: number,
): Promise<{ change: ChangeSummary | null; storageError?: string }> {
  try {
    const got = await browser.storage.session.get([changeKey(tabId), errorKey(tabId)]);
    const change = (got[changeKey(tabId)] as ChangeSummary | null | undefined) ?? null;
    const storageError = got[errorKey(tabId)] as string | null | undefined;
    return storageError ? { change, storageError } : { change };
  } catch {
    return { change: null };
  }
}

/** The address and text a report stands for, or null when it is nothing the history keeps. */
function reportKey(report: PageReport): string | null {
  if (report.unsupported || report.clauses.length === 0) return null;
  if (report.page.kind !== 'privacy-policy' && report.page.kind !== 'terms') return null;
  const url = canonicalUrl(report.url);
  return url ? `${url}\n${fingerprintClauses(report.clauses)}` : null;
}

/**
 * Whether the tab's top frame is still on the report's address, asked of our content script there (it answers
 * with the page it analysed last; the page itself cannot answer for it). No answer means no.
 */
async function tabStillOn(tabId: number, report: PageReport): Promise<boolean> {
  const reply = (await browser.tabs.sendMessage(tabId, envelope('bg→content:get-report', {}), {
    frameId: 0,
  })) as { url?: unknown } | null | undefined;
  const now = typeof reply?.url === 'string' ? canonicalUrl(reply.url) : null;
  return now !== null && now === canonicalUrl(report.url);
}

/**
 * Each tab's analysed policy, recorded once it has stood still for {@link STABLE_MS} (lib/store/stable-hold.ts):
 * a page that keeps changing its address or text records nothing, and no message from the page decides when.
 */
export const stableReports = createStableHold<PageReport>({
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  stableMs: STABLE_MS,
  identify: reportKey,
  stillOn: tabStillOn,
  record: async (tabId, report) => {
    await recordPageReport(report, tabId, 'visit').catch((error: unknown) =>
      console.warn('[fineprint] could not record the page:', error),
    );
  },
});

/**
 * Forget a tab's change summary and badge when it navigates or closes, so a later page never shows the previous
 * policy's change; tell the held report that its tab moved or closed. Registered at background start.
 */
export function registerHistoryTabCleanup(): void {
  const clear = (tabId: number) => void browser.storage.session.remove([changeKey(tabId), errorKey(tabId)]);
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'loading') return;
    // Also fired for a same-page anchor or history.replaceState: the held report asks before it is recorded.
    stableReports.navigated(tabId);
    clear(tabId);
    void setChangeBadge(tabId, false);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    stableReports.closed(tabId);
    tabVersions.forget(tabId);
    clear(tabId);
  });
}

/** The most rows one `ui→bg:get-history` returns. */
export const HISTORY_PAGE_MAX = 500;

/** `ui→bg:get-history`: one screen of the list (lib/store `listDocumentsPage`), never every row. */
export async function getHistory({
  offset = 0,
  limit = HISTORY_PAGE_MAX,
  origins = false,
}: {
  offset?: number;
  limit?: number;
  origins?: boolean;
}): Promise<HistoryListReply> {
  try {
    const db = await historyDB();
    const page = await listDocumentsPage(db, offset, Math.min(limit, HISTORY_PAGE_MAX));
    return origins ? { ...page, origins: await trackedOrigins(db) } : page;
  } catch (error) {
    return { documents: [], problems: [], error: toStoreError(error).message };
  }
}

/** `history→bg:get-versions` */
export async function getVersions({ url }: { url: string }): Promise<VersionsReply> {
  const key = canonicalUrl(url) ?? url;
  try {
    const db = await historyDB();
    const { versions, problems } = await listVersions(db, key);
    const { document, problem } = await getDocument(db, key);
    if (problem) problems.push(problem);
    return {
      url: key,
      title: document?.title ?? key,
      versions,
      seenVersionId: await getSeenVersionId(db, key),
      problems,
    };
  } catch (error) {
    return {
      url: key,
      title: key,
      versions: [],
      seenVersionId: null,
      problems: [],
      error: toStoreError(error).message,
    };
  }
}

/** `history→bg:diff-versions` */
export async function diffVersions({
  url,
  from,
  to,
}: {
  url: string;
  from: number;
  to: number;
}): Promise<DiffVersionsReply> {
  const none: DiffVersionsReply = { from: null, to: null, diff: null, headline: null };
  try {
    const db = await historyDB();
    const key = canonicalUrl(url) ?? url;
    const [a, b] = await Promise.all([getVersion(db, from), getVersion(db, to)]);
    if (!a.version || !b.version) return { ...none, error: a.problem ?? b.problem ?? 'Version not found.' };
    if (a.version.url !== key || b.version.url !== key)
      return { ...none, error: 'Those versions belong to another document.' };
    const diff = diffClauses(a.version.clauses, b.version.clauses);
    const { versions } = await listVersions(db, key);
    const meta = (id: number) => versions.find((v) => v.id === id) ?? null;
    const ignoredLabels = a.ignoredLabels + b.ignoredLabels;
    return {
      from: meta(from),
      to: meta(to),
      diff,
      headline: changeHeadline(
        b.version.title,
        diff,
        a.version.lastSeen,
        b.version.firstSeen,
        uiLanguage(),
        t,
      ),
      ...(ignoredLabels > 0 ? { ignoredLabels } : {}),
    };
  } catch (error) {
    return { ...none, error: toStoreError(error).message };
  }
}

/** `history→bg:delete-document` */
export async function removeDocument({
  url,
}: {
  url: string;
}): Promise<{ deleted: boolean; error?: string }> {
  try {
    await deleteDocument(await historyDB(), canonicalUrl(url) ?? url);
    return { deleted: true };
  } catch (error) {
    return { deleted: false, error: toStoreError(error).message };
  }
}
