/**
 * User settings: one versioned shape, stored in `storage.local` under `settings` (adapters/settings.ts reads
 * and writes it), and the one validator every reader uses: older shapes, partial objects and corrupt values
 * fall back to the defaults field by field, so a broken value can switch nothing on by accident (re-check
 * stays opt-in) and never stops a page from working.
 * @module
 */
import { CATEGORY_IDS, isCategoryId, type CategoryId } from './classify/taxonomy';

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Categories highlighted on pages and listed in the popup. */
  shownCategories: CategoryId[];
  notifications: {
    enabled: boolean;
    /** Only notify about changes touching these categories; empty = any change. */
    categories: CategoryId[];
  };
  /** Opt-in periodic re-fetch of tracked policies. */
  recheck: { enabled: boolean; periodHours: number };
  /** Hostnames where Fineprint does nothing. */
  disabledSites: string[];
  /** Highlights on by default on policy pages. */
  highlights: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  shownCategories: [...CATEGORY_IDS],
  notifications: { enabled: true, categories: [] },
  recheck: { enabled: false, periodHours: 24 },
  disabledSites: [],
  highlights: true,
};

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Re-check period bounds in hours: at most every 6 h (one request per document per period), at least monthly. */
export const RECHECK_PERIOD_HOURS = { min: 6, max: 24 * 30 } as const;

/** Any stored value → a valid Settings object. */
export function coerceSettings(raw: unknown): Settings {
  const s = isObj(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const cats = (x: unknown, fallback: Settings['shownCategories']) =>
    Array.isArray(x) ? [...new Set(x.filter(isCategoryId))] : [...fallback];
  const n = isObj(s.notifications) ? s.notifications : {};
  const r = isObj(s.recheck) ? s.recheck : {};
  const period =
    typeof r.periodHours === 'number' && Number.isFinite(r.periodHours)
      ? Math.min(RECHECK_PERIOD_HOURS.max, Math.max(RECHECK_PERIOD_HOURS.min, Math.round(r.periodHours)))
      : d.recheck.periodHours;
  return {
    version: SETTINGS_VERSION,
    shownCategories: cats(s.shownCategories, d.shownCategories),
    notifications: {
      enabled: typeof n.enabled === 'boolean' ? n.enabled : d.notifications.enabled,
      categories: cats(n.categories, d.notifications.categories),
    },
    // Only an explicit `true` enables network re-checks.
    recheck: { enabled: r.enabled === true, periodHours: period },
    disabledSites: Array.isArray(s.disabledSites)
      ? s.disabledSites.filter((h): h is string => typeof h === 'string')
      : [...d.disabledSites],
    highlights: typeof s.highlights === 'boolean' ? s.highlights : d.highlights,
  };
}
