/**
 * The shape of a rule family: data, not code, so families stay reviewable and can be tuned without
 * touching the matching machinery.
 * @module
 */
import type { CategoryId, Stance } from '../taxonomy';

export interface RulePattern {
  /** Stable id, shown to users as evidence ("rule ai.use-to-train"). */
  id: string;
  /** Matched case-insensitively against the clause as written, so the evidence phrase is verbatim. */
  pattern: RegExp;
  /** High precision: may label a clause on its own, even when the model scores it low. */
  strong: boolean;
  /** An umbrella term ("AI-related uses") that names the practice without stating it: `permits` → `unclear`. */
  vague?: boolean;
}

export interface RuleFamily {
  category: CategoryId;
  /**
   * Cheap pre-check: a clause that does not match it cannot match any pattern, so the family is skipped.
   * Must be implied by every pattern (a unit test checks this on the patterns' own examples).
   */
  cue: RegExp;
  patterns: RulePattern[];
  /** A clause matching any veto never fires this family (e.g. a licence granted *to* the user). */
  vetoes?: RegExp[];
  /**
   * What "you may not / you agree not to …" means for this category. For AI training it is the user who
   * is forbidden to train (`user-prohibited`); for choices, "you cannot opt out" means no choice (`denies`);
   * for arbitration, "you may not bring a class action" is the practice itself (`permits`).
   */
  userNegation: Stance;
  /**
   * The practice named as the object of a right to know or a disclosure list ("categories of data we sold",
   * "whether we sell") is `unclear` (data guide §4). A right to opt out of or object to it presupposes it
   * (guide §3 data-sale, session 10). Not for AI training, where an opt-out sentence states the practice.
   */
  namedIsUnclear?: boolean;
  /** When set, a negated match is `denies` only if the clause also matches this; otherwise `permits`. */
  denialNeeds?: RegExp;
  /**
   * Patterns matched against a list item's lead-in when no pattern matched the item itself: the item states
   * the practice its lead-in announces ("We share your information with:" → "service providers"). The stance
   * is the lead-in's; the evidence phrase is the item. Not gated by `cue` (that checks the item's text).
   */
  leadInPatterns?: RulePattern[];
  /**
   * A list item that matches this is not what the lead-in announces, even under a matching lead-in: a
   * sentence of its own ("We take steps to…") or, for AI training, data the company makes itself (guide R9).
   */
  leadInItemVeto?: RegExp;
}

export interface RuleHit {
  category: CategoryId;
  stance: Stance;
  rule: string;
  /** Verbatim span of the clause text. */
  phrase: string;
  start: number;
  strong: boolean;
  /** Stance cues found, e.g. `neg`, `user-neg`, `lead-in-user-neg`, `hedge`, `exception`. */
  cues: string[];
}
