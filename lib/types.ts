/**
 * The vocabulary shared by every stage of the pipeline (detect → extract → classify → explain → diff).
 * Plain serialisable data only: these objects cross message boundaries and are stored in IndexedDB.
 * @module
 */
import type { CategoryId, Stance } from './classify/taxonomy';

export type PageKind = 'privacy-policy' | 'terms' | 'checkout' | 'other';

export interface Detection {
  kind: PageKind;
  /** 0..1 */
  confidence: number;
  /** Human-readable signals that led to the decision, e.g. `url path contains "privacy"`. */
  reasons: string[];
}

/** One unit of policy text: a sentence, or a list item kept whole. */
export interface Clause {
  /** Stable within a version: derived from the normalised text (and an index for duplicates). */
  id: string;
  text: string;
  /** Heading path joined with " › " (the JSON contract's `section`). */
  section: string;
  headingPath: string[];
  /** For list items: the sentence that introduces the list ("You may not:"). */
  leadIn?: string;
  /** Index of the source block in document order (paragraph, list item, cell). */
  block: number;
  unit: 'sentence' | 'list-item' | 'heading' | 'cell';
  /**
   * `false` for a unit that states nothing (no verb, a question: lib/extract/statement.ts): kept so the text
   * of a version is complete, never labelled or marked.
   */
  statement?: false;
}

export interface LabelEvidence {
  /** The phrase a rule matched, verbatim from the clause, if a rule fired. */
  phrase: string | null;
  /** Id of the rule that fired, if any. */
  rule: string | null;
  /** Top-weighted model features (readable n-grams), strongest first. */
  features: string[];
}

export interface Label {
  category: CategoryId;
  stance: Stance;
  /** 0..1, calibrated where the model supplies it. */
  confidence: number;
  evidence: LabelEvidence;
  /** This label's own plain-language sentence (lib/explain), with the slots its category × stance reports. */
  explanation?: string;
}

export interface Slots {
  data: string[];
  purposes: string[];
  safeguards: string[];
  /** The choice the user has (opt-out, setting, objection…), or null when none is stated. */
  choice: string | null;
  /** Scope exclusions such as "enterprise customers". */
  scope: string[];
  /** Whether the practice is on or off unless the user acts, when stated. */
  default: 'on' | 'off' | null;
}

export interface AnalysedClause extends Clause {
  /** Labels painted on the page and counted as findings. */
  labels: Label[];
  /**
   * Weaker labels (calibrated probability below the paint threshold, no trusted rule): listed in the popup
   * as "possible", never painted, never counted. Absent when there are none.
   */
  possible?: Label[];
  explanation: string | null;
  slots: Slots;
}

export interface PageInfo {
  kind: PageKind;
  confidence: number;
  /** BCP-47 primary subtag ("en", "fr"), or "und" when unknown. */
  language: string;
  title: string;
  url?: string;
  reasons?: string[];
}

export type UnsupportedReason = 'not-a-policy' | 'language' | 'empty' | 'too-large' | 'unreadable';

export interface PageAnalysis {
  page: PageInfo;
  clauses: AnalysedClause[];
  /** Set when the page could not be analysed; `clauses` is then empty. */
  unsupported?: { reason: UnsupportedReason; message: string };
}

/** The `diff` contract of the CLI, also used for stored version comparisons. */
export interface ClauseDiff {
  changed: boolean;
  added: AnalysedClause[];
  removed: AnalysedClause[];
  modified: { before: AnalysedClause; after: AnalysedClause }[];
  /**
   * Per category: clauses where its label appeared (`added`) or disappeared (`removed`); `modified` (optional,
   * set by lib/diff) counts edited clauses that carry the label on both sides.
   */
  categories: Partial<Record<CategoryId, { added: number; removed: number; modified?: number }>>;
}
