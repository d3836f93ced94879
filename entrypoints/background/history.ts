/**
 * Background wiring for policy history: the database handle, what happens when a tab reports an analysed
 * policy (store, diff against the last visit, notify, badge), and the history/popup read handlers.
 * Logic lives in lib/store (observePage, repository); this file only supplies the environment.
 */
import { browser } from 'wxt/browser';
import { canonicalUrl } from '@/lib/canonical-url';
import { changeHeadline } from '@/lib/change-summary';
import { createTranslator } from '@/lib/i18n';
import { diffClauses } from '@/lib/diff';
import type {
  ChangeSummary,
  DiffVersionsReply,
  HistoryListReply,
  PageReport,
  VersionsReply,
} from '@/lib/messages';
import {
  deleteDocument,
  getVersion,
  listDocuments,
  listVersions,
  observePage,
  openHistoryDB,
  toStoreError,
  type HistoryDB,
  type ObserveResult,
} from '@/lib/store';
import { loadSettings } from './settings-store';
import { notifyChange, setChangeBadge, uiLanguage } from './notify';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));

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

/**
 * Store and compare a policy page. `privateTab` is the tab's private-window state when the report arrived
 * (asked then: the tab may have closed since); looked up now when not given.
 */
export async function recordPageReport(
  report: PageReport,
  tabId: number | null,
  source: 'visit' | 'recheck' = 'visit',
  privateTab?: Promise<boolean>,
): Promise<{ stored: boolean; change: ChangeSummary | null; error?: string }> {
  // Private windows leave no trace: a policy read there is analysed but never written to the history.
  if (tabId !== null && (await (privateTab ?? isPrivateTab(tabId)))) return { stored: false, change: null };
  let result: ObserveResult;
  try {
    const settings = await loadSettings();
    const db = await historyDB();
    result = await observePage(db, report, {
      now: Date.now(),
      locale: uiLanguage(),
      source,
      notify: settings.notifications,
    });
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

/**
 * Forget a tab's change summary and badge when it navigates or closes, so a later page never shows the previous
 * policy's change. Registered at background start.
 */
export function registerHistoryTabCleanup(): void {
  const clear = (tabId: number) => void browser.storage.session.remove([changeKey(tabId), errorKey(tabId)]);
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'loading') return;
    clear(tabId);
    void setChangeBadge(tabId, false);
  });
  browser.tabs.onRemoved.addListener(clear);
}

/** `popup→bg:get-history` */
export async function getHistory(): Promise<HistoryListReply> {
  try {
    return await listDocuments(await historyDB());
  } catch (error) {
    return { documents: [], problems: [], error: toStoreError(error).message };
  }
}

/** `popup→bg:get-versions` */
export async function getVersions({ url }: { url: string }): Promise<VersionsReply> {
  const key = canonicalUrl(url) ?? url;
  try {
    const db = await historyDB();
    const { versions, problems } = await listVersions(db, key);
    const doc = await db.get('documents', key);
    const visit = await db.get('visits', key);
    return {
      url: key,
      title: doc?.title ?? key,
      versions,
      seenVersionId: visit?.versionId ?? null,
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

/** `popup→bg:diff-versions` */
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
    };
  } catch (error) {
    return { ...none, error: toStoreError(error).message };
  }
}

/** `popup→bg:delete-document` */
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
