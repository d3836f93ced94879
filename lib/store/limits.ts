/**
 * The limits that keep one site, or one tab, from taking over the history: how many new versions and new
 * documents an origin may add per hour, how many new versions one tab may add per hour, how much of the store
 * one origin may hold, and how often one origin may raise a change notification. Pure: the clock is an
 * argument, the records are plain data; lib/store/repository.ts applies them inside its write transaction.
 *
 * Why these numbers (docs/security.md, "History and notifications", has the measurements):
 * - A real policy changes a few times a year, and a site has a handful of legal documents. Reading every legal
 *   page of one site in an hour is about 10–15 new documents; 20 new documents and 30 new versions per origin
 *   per hour leave room for that twice over. The hostile page of the security probe added 45 documents in 45 s.
 * - One tab: 60 new versions per hour is one new policy a minute for an hour, across any number of sites.
 * - An origin's share, 20 % of the 200 MB store (40 MB): the largest real policy in the corpus takes 0.77 MB
 *   stored (the median 0.16 MB), so 40 MB is 50 versions of the largest or 250 of a typical one.
 * - One notification per origin per 24 h: real changes of one site are months apart; a page that flips between
 *   two texts (the probe's 22 notifications in 60 s) gets one.
 * @module
 */

export interface HistoryLimits {
  /** Versions kept per document (the newest and the one the user saw last are always kept). */
  perDocument: number;
  /** The whole store, in `size` units (lib/store/schema.ts `clausesSize`). */
  totalBytes: number;
  /** The most one origin may hold, as a fraction of `totalBytes`. */
  originShare: number;
  newVersionsPerOriginPerHour: number;
  newDocumentsPerOriginPerHour: number;
  newVersionsPerTabPerHour: number;
  /** At most one change notification per origin in this window. */
  notifyWindowMs: number;
}

export const HOUR_MS = 60 * 60 * 1000;

export const DEFAULT_LIMITS: HistoryLimits = {
  perDocument: 50,
  totalBytes: 200 * 1024 * 1024,
  originShare: 0.2,
  newVersionsPerOriginPerHour: 30,
  newDocumentsPerOriginPerHour: 20,
  newVersionsPerTabPerHour: 60,
  notifyWindowMs: 24 * HOUR_MS,
};

/** The defaults with some limits replaced (tests, callers that only change retention). */
export function withLimits(over: Partial<HistoryLimits> = {}): HistoryLimits {
  return { ...DEFAULT_LIMITS, ...over };
}

/** The origin of a stored (canonical) URL, or null when it has none (not http/https). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The key range of an origin's records in stores keyed by canonical URL: every such URL is its origin
 * followed by `/` (URL serialisation lower-cases the host and drops default ports), and `0` follows `/`.
 */
export function originKeyBounds(origin: string): [lower: string, upperExclusive: string] {
  return [`${origin}/`, `${origin}0`];
}

/** The times within the hour before `now`, oldest first. */
export function lastHour(times: readonly number[], now: number): number[] {
  return times.filter((t) => t > now - HOUR_MS && t <= now).sort((a, b) => a - b);
}

export type LimitReason = 'origin-versions' | 'origin-documents' | 'tab-versions';

export interface RateState {
  originVersionTimes: readonly number[];
  originDocumentTimes: readonly number[];
  /** Absent for writes no tab asked for (re-check, checkout reading). */
  tabVersionTimes?: readonly number[];
}

/** Whether one more new version (and, when `newDocument`, one more new document) fits the hourly limits. */
export function rateLimitReason(
  state: RateState,
  newDocument: boolean,
  now: number,
  limits: HistoryLimits,
): LimitReason | null {
  if (newDocument && lastHour(state.originDocumentTimes, now).length >= limits.newDocumentsPerOriginPerHour)
    return 'origin-documents';
  if (lastHour(state.originVersionTimes, now).length >= limits.newVersionsPerOriginPerHour)
    return 'origin-versions';
  if (state.tabVersionTimes && lastHour(state.tabVersionTimes, now).length >= limits.newVersionsPerTabPerHour)
    return 'tab-versions';
  return null;
}

/**
 * When each tab last stored new versions, for the per-tab limit. Kept in the background's memory: tab ids do
 * not outlive the browser session, and a tab flooding the history keeps the background awake anyway.
 */
export interface TabVersionLog {
  /** The tab's new-version times within the hour before `now`. */
  times(tabId: number, now: number): number[];
  add(tabId: number, now: number): void;
  forget(tabId: number): void;
}

export function createTabVersionLog(): TabVersionLog {
  const log = new Map<number, number[]>();
  return {
    times: (tabId, now) => lastHour(log.get(tabId) ?? [], now),
    add(tabId, now) {
      log.set(tabId, [...lastHour(log.get(tabId) ?? [], now), now]);
    },
    forget: (tabId) => void log.delete(tabId),
  };
}

/** The most one origin may hold. */
export function originBudget(limits: HistoryLimits): number {
  return Math.floor(limits.totalBytes * limits.originShare);
}

export interface EvictionCandidate {
  id: number;
  size: number;
}

/**
 * Which of an origin's own versions to drop so that `need` more bytes fit, oldest first (ids are
 * auto-increment keys, so ascending order is creation order). `protectedIds` (each document's newest version,
 * the versions the user saw last) are never chosen. Returns null when even dropping every candidate is not
 * enough: the new version must then not be stored.
 */
export function planOwnEviction(
  candidates: readonly EvictionCandidate[],
  protectedIds: ReadonlySet<number>,
  need: number,
): number[] | null {
  if (need <= 0) return [];
  const chosen: number[] = [];
  let freed = 0;
  for (const c of [...candidates].sort((a, b) => a.id - b.id)) {
    if (protectedIds.has(c.id)) continue;
    chosen.push(c.id);
    freed += c.size;
    if (freed >= need) return chosen;
  }
  return null;
}

/** How many bytes must be freed so that `adding` more fits under `budget` when `used` are taken. */
export function overBy(used: number, adding: number, budget: number): number {
  return Math.max(0, used + adding - budget);
}

/** Whether an origin may raise a change notification now (at most one per `notifyWindowMs`). */
export function notificationAllowed(
  notifiedAt: number | null,
  now: number,
  limits: Pick<HistoryLimits, 'notifyWindowMs'>,
): boolean {
  return notifiedAt === null || now - notifiedAt >= limits.notifyWindowMs || now < notifiedAt;
}

/** What the user is told when a limit kept a version out of the history. */
export function limitMessage(
  reason: LimitReason | 'origin-share' | 'total',
  host: string,
  limits: HistoryLimits = DEFAULT_LIMITS,
): string {
  switch (reason) {
    case 'origin-documents':
      return `${host} added more new policy pages in the last hour than a person reads; Fineprint stopped recording new ones from it for now. Your saved history is unchanged.`;
    case 'origin-versions':
      return `${host} changed its policy text more often in the last hour than a real policy changes; Fineprint stopped recording new versions from it for now. Your saved history is unchanged.`;
    case 'tab-versions':
      return 'This tab produced more new policy versions in the last hour than a person reads; Fineprint stopped recording new ones from it for now. Your saved history is unchanged.';
    case 'origin-share':
      return `${host} already takes its full share of the history (${Math.round(limits.originShare * 100)} %); this version was not saved. Nothing else was removed to make room.`;
    case 'total':
      return 'The policy history is full: this version was not saved and nothing else was removed to make room. Delete documents you no longer need on the history page.';
  }
}
