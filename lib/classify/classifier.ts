/**
 * Rules + linear model → labelled, explained clauses. The model is passed in, so tests and the evaluator
 * can run any model (or none: rules only, strong patterns only).
 * @module
 */
import type { AnalysedClause, Clause, Label, Slots } from '../types';
import { explain, extractSlots } from '../explain';
import { emptySlots } from '../explain/slots';
import { readableFeature, scratchFeatures } from './features';
import { scoreInto, topFeaturesOfSlots, type LinearModel } from './model';
import { applyRules, resolveStance, RULE_FAMILIES } from './rules';
import { clauseFacts, type ClauseFacts } from './rules/stance';
import type { RuleHit } from './rules';
import { foldClause } from './fold-text';
import { asciiPunctuation } from './text';
import type { CategoryId, Stance } from './taxonomy';
import { TAXONOMY } from './taxonomy';

/** Confidence reported for a label that only a strong rule supports (no model head for the category). */
const RULE_ONLY_CONFIDENCE = 0.7;

const USER_NEGATION: Record<CategoryId, Stance> = Object.fromEntries(
  RULE_FAMILIES.map((f) => [f.category, f.userNegation]),
) as Record<CategoryId, Stance>;

/**
 * Without a rule match we do not know where the practice sits in the clause, so a negation only denies it
 * when the company is its subject and the verb is a data practice ("we do not share…", "is not sold");
 * "…reports that don't reveal who you are" or "your profile will no longer be visible" deny nothing.
 */
const PRACTICE_DENIAL =
  /\b(?:(?:we|they|it|[A-Z][\w.]+)\s+(?:do|does|will|would|shall|can|may)?\s*(?:not|n't|never|no longer)|(?:is|are|will be)\s+(?:not|never))\s+(?:[\w-]+\s+)?(?:use[sd]?|shar\w+|sell|sold|rent\w*|disclos\w+|collect\w*|retain\w*|keep|kept|stor\w+|transfer\w*|train\w*|provid\w+|process\w*|target\w*|track\w*|profil\w+|show\w*)\b/;

/** Stance for a category the model found but no rule matched: cues over the whole clause. */
function wholeClauseStance(clause: Clause, category: CategoryId, facts: WholeClause): Stance {
  const { text, leadIn } = facts;
  const stance = resolveStance(
    text,
    0,
    text.length,
    leadIn,
    USER_NEGATION[category],
    false,
    (facts.facts ??= clauseFacts(text)),
  ).stance;
  return stance === 'denies' && !PRACTICE_DENIAL.test(text) ? 'permits' : stance;
}

/** The normalised clause for `wholeClauseStance`, built once per clause however many labels need it. */
interface WholeClause {
  text: string;
  leadIn: string | undefined;
  facts?: ClauseFacts;
}

export interface ClassifyOptions {
  /** Number of model features to keep as evidence. */
  evidenceFeatures?: number;
}

/** Labels for one clause (no slots or explanation). Exposed for the evaluator. */
export function labelClause(
  clause: Clause,
  model: LinearModel | null,
  options: ClassifyOptions = {},
): Label[] {
  if (clause.unit === 'heading' || !clause.text.trim()) return [];
  // What the rules and the model read: invisible characters and look-alike letters a page can use to hide a
  // clause are folded away (the clause keeps its own text for display and locating).
  clause = foldClause(clause);
  const hits = applyRules(clause);
  const labels: Label[] = [];

  if (model) {
    const features = scratchFeatures(clause, hits);
    const n = features.count;
    const { probs, slots } = scoreInto(model, features.hashes, n);
    const k = options.evidenceFeatures ?? 3;
    let whole: WholeClause | undefined;
    for (let c = 0; c < model.categories.length; c++) {
      const category = model.categories[c]!;
      const p = probs[c]!;
      const hit = ruleHit(hits, category);
      const trusted = hit !== undefined && model.trustedRules.has(hit.rule);
      const threshold = hit ? model.ruleThresholds[c]! : model.thresholds[c]!;
      if (p < threshold && !trusted) continue;
      labels.push({
        category,
        stance:
          hit?.stance ??
          wholeClauseStance(
            clause,
            category,
            (whole ??= {
              text: asciiPunctuation(clause.text),
              leadIn: clause.leadIn ? asciiPunctuation(clause.leadIn) : undefined,
            }),
          ),
        confidence: Math.round(p * 1000) / 1000,
        evidence: {
          phrase: hit?.phrase ?? null,
          rule: hit?.rule ?? null,
          features: topFeaturesOfSlots(model, features.describe, slots, n, c, k).map(readableFeature),
        },
      });
    }
  }
  for (const hit of hits) {
    if ((model && model.categories.includes(hit.category)) || !hit.strong) continue;
    labels.push({
      category: hit.category,
      stance: hit.stance,
      confidence: RULE_ONLY_CONFIDENCE,
      evidence: { phrase: hit.phrase, rule: hit.rule, features: [] },
    });
  }
  // Most important first: the explanation speaks about the first label.
  return labels.sort(
    (a, b) => TAXONOMY[b.category].weight - TAXONOMY[a.category].weight || b.confidence - a.confidence,
  );
}

/** The hit of `category` (applyRules gives at most one per category; the last one, as a Map would). */
function ruleHit(hits: readonly RuleHit[], category: CategoryId): RuleHit | undefined {
  for (let i = hits.length - 1; i >= 0; i--) if (hits[i]!.category === category) return hits[i];
  return undefined;
}

/**
 * The clause with its labels, slots and explanation. Copied with Object.assign and then extended: V8 makes
 * `{ ...clause, labels, … }` (a spread followed by new keys) about 30 times slower, ~2 ms per 700 clauses.
 * Same own keys in the same order; the spread is kept for the one key Object.assign would treat differently.
 */
function analysed(clause: Clause, labels: Label[], slots: Slots, explanation: string | null): AnalysedClause {
  if (Object.prototype.hasOwnProperty.call(clause, '__proto__'))
    return { ...clause, labels, slots, explanation };
  const out = Object.assign({}, clause) as AnalysedClause;
  out.labels = labels;
  out.slots = slots;
  out.explanation = explanation;
  return out;
}

/** Label, fill slots and explain every clause. Never throws on odd text; headings get no labels. */
export function classifyWith(
  clauses: readonly Clause[],
  model: LinearModel | null,
  options: ClassifyOptions = {},
): AnalysedClause[] {
  return clauses.map((clause) => {
    const labels = labelClause(clause, model, options);
    const slots = labels.length > 0 ? extractSlots(clause.text) : emptySlots();
    return analysed(clause, labels, slots, explain(labels, slots));
  });
}
