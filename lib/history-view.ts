/**
 * The policy history as Fineprint's own pages (popup, history, options) read it from the background.
 * @module
 */
import type { DocumentSummary, VersionMeta } from './store/repository';
import type { ClauseDiff } from './types';

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
