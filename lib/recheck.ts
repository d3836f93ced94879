/**
 * Scheduling for the opt-in re-check of tracked policies: which documents are due, the backoff after errors,
 * and the sanity check that keeps an error page from becoming a
 * "new version". Pure: the clock and the records are arguments.
 * @module
 */
import type { CheckRecord } from './store/schema';

export const HOUR_MS = 3_600_000;
/** Backoff never exceeds this, however many failures. */
export const MAX_BACKOFF_MS = 30 * 24 * HOUR_MS;
/** At most this many fetches per alarm, so one wake-up stays short and the network quiet. */
export const MAX_CHECKS_PER_RUN = 5;

/**
 * Delay before the next attempt: the period after a success; after `failures` consecutive errors the period
 * doubles each time (2×, 4×, … capped at {@link MAX_BACKOFF_MS}). Never shorter than the period, so a document
 * is requested at most once per period.
 */
export function nextDelay(periodMs: number, failures: number): number {
  const f = Math.max(0, Math.min(failures, 10));
  return Math.min(MAX_BACKOFF_MS, periodMs * 2 ** f);
}

/** The check record after an attempt. */
export function afterAttempt(
  previous: CheckRecord | null,
  url: string,
  now: number,
  periodMs: number,
  outcome: { ok: true } | { ok: false; error: string },
): CheckRecord {
  const failures = outcome.ok ? 0 : (previous?.failures ?? 0) + 1;
  return {
    url,
    lastAttempt: now,
    lastSuccess: outcome.ok ? now : (previous?.lastSuccess ?? null),
    failures,
    nextAt: now + nextDelay(periodMs, failures),
    lastError: outcome.ok ? null : outcome.error,
  };
}

/**
 * Documents due for a re-check, least recently attempted first, at most `limit`. A document never checked is due
 * one period after the user last saw it (they just read it; fetching it again at once would be wasted).
 */
export function dueDocuments(
  documents: readonly { url: string; lastSeen: number }[],
  checks: ReadonlyMap<string, CheckRecord>,
  now: number,
  periodMs: number,
  limit = MAX_CHECKS_PER_RUN,
): string[] {
  return documents
    .map((d) => {
      const c = checks.get(d.url);
      return { url: d.url, dueAt: c ? c.nextAt : d.lastSeen + periodMs, last: c?.lastAttempt ?? 0 };
    })
    .filter((d) => d.dueAt <= now)
    .sort((a, b) => a.last - b.last || a.dueAt - b.dueAt)
    .slice(0, limit)
    .map((d) => d.url);
}

/**
 * True when a fetched capture is probably an error, login or bot-wall page rather than a new version: the last
 * version had a substantial text and this one keeps under a quarter of it. Such a capture is counted as a failed
 * attempt (with backoff), never stored or announced.
 */
export function looksLikeCaptureError(previousClauses: number, nextClauses: number): boolean {
  if (nextClauses === 0) return true;
  // A policy shrinking to a line or two is an "Access denied" / "Please sign in" page.
  if (previousClauses >= 8 && nextClauses < 3) return true;
  return previousClauses >= 40 && nextClauses < previousClauses / 4;
}
