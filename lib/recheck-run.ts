/**
 * One pass of the opt-in re-check, with every effect injected (database, clock, grant check, fetch, HTML
 * analysis, notification) so the whole path — schedule, grant, capped fetch, decoding, error-page guard,
 * store, diff, notify, backoff record — runs in Node tests. The background supplies the real browser APIs.
 * @module
 */
import type { FetchResult } from './fetch/capped-fetch';
import { decodeBytes } from './fetch/decode';
import { originOf } from './fetch/origins';
import type { ChangeSummary } from './change-summary';
import { HOUR_MS, afterAttempt, dueDocuments, looksLikeCaptureError } from './recheck';
import type { Settings } from './settings';
import { getCheck, getVersion, listDocuments, putCheck, type HistoryDB } from './store/repository';
import { observePage } from './store/observe';
import type { CheckRecord } from './store/schema';
import type { PageAnalysis } from './types';

export interface RecheckDeps {
  db: HistoryDB;
  now: number;
  settings: Settings;
  /** Whether the user granted this exact origin through Fineprint (lib/fetch/grants.ts). */
  isGranted: (origin: string) => Promise<boolean>;
  /** Capped, credential-less fetch with every hop checked (lib/fetch/capped-fetch.ts). */
  fetchPage: (url: string) => Promise<FetchResult>;
  /** Parse + extract + classify fetched HTML. */
  analyzeHtml: (html: string, url: string) => Promise<PageAnalysis | { error: string }>;
  notify: (change: ChangeSummary) => Promise<unknown>;
}

export interface RecheckOutcome {
  url: string;
  outcome: 'new version' | 'unchanged' | 'failed';
  detail?: string;
  notified?: boolean;
}

/** Re-check the documents that are due. Does nothing unless the user turned re-check on. */
export async function runRecheckPass(deps: RecheckDeps): Promise<RecheckOutcome[]> {
  const { db, now, settings } = deps;
  if (!settings.recheck.enabled) return [];
  const period = settings.recheck.periodHours * HOUR_MS;
  const { documents } = await listDocuments(db);
  const checks = new Map<string, CheckRecord>();
  for (const d of documents) {
    const c = await getCheck(db, d.url);
    if (c) checks.set(d.url, c);
  }
  const out: RecheckOutcome[] = [];
  for (const url of dueDocuments(documents, checks, now, period)) {
    const doc = documents.find((d) => d.url === url)!;
    const record = (outcome: { ok: true } | { ok: false; error: string }) =>
      putCheck(db, afterAttempt(checks.get(url) ?? null, url, now, period, outcome));
    const fail = async (detail: string) => {
      out.push({ url, outcome: 'failed', detail });
      await record({ ok: false, error: detail });
    };

    const origin = originOf(url);
    if (!origin || !(await deps.isGranted(origin).catch(() => false))) {
      await fail(`reading ${origin ?? url} was not allowed: turn re-check off and on again to allow it`);
      continue;
    }
    const fetched = await deps.fetchPage(url);
    if (!fetched.ok) {
      await fail(`${fetched.reason}: ${fetched.detail}`);
      continue;
    }
    let analysis: PageAnalysis | { error: string };
    try {
      analysis = await deps.analyzeHtml(decodeBytes(fetched.bytes, fetched.contentType).text, url);
    } catch (error) {
      analysis = { error: error instanceof Error ? error.message : String(error) };
    }
    if ('error' in analysis) {
      await fail(analysis.error);
      continue;
    }
    const latest = await getVersion(db, doc.latestVersionId);
    const before = latest.version?.clauses.length ?? 0;
    if (analysis.unsupported || looksLikeCaptureError(before, analysis.clauses.length)) {
      await fail('the fetched page looks like an error or sign-in page, not the policy');
      continue;
    }
    const result = await observePage(
      db,
      // The document's kind is known from the user's visit; the fetched copy may lack the cues detection uses.
      { url, page: { ...analysis.page, kind: doc.kind }, clauses: analysis.clauses },
      { now, source: 'recheck', notify: settings.notifications },
    );
    if (result.error) {
      await fail(result.error);
      continue;
    }
    await record({ ok: true });
    const notified = !!(result.change && result.notify);
    if (notified) await deps.notify(result.change!);
    out.push({ url, outcome: result.isNewVersion ? 'new version' : 'unchanged', notified });
  }
  return out;
}
