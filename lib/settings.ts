/**
 * User settings: one versioned shape, stored by the background in `storage.local` under `settings`.
 * Pure helpers only; the background reads and writes.
 * @module
 */
import { CATEGORY_IDS, type CategoryId } from './classify/taxonomy';

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
