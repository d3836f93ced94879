/**
 * Rules + linear model → labelled, explained clauses. The model is passed in, so tests and the evaluator
 * can run any model (or none: rules only, strong patterns only).
 * @module
 */
import type { AnalysedClause, Clause, Label } from '../types';
import { explain, extractSlots } from '../explain';
import { emptySlots } from '../explain/slots';
import { featureHashes, readableFeature } from './features';
import { score, topFeatures, type LinearModel } from './model';
import { applyRules, resolveStance, RULE_FAMILIES } from './rules';
import type { RuleHit } from './rules';
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
function wholeClauseStance(clause: Clause, category: CategoryId): Stance {
  const text = asciiPunctuation(clause.text);
  const leadIn = clause.leadIn ? asciiPunctuation(clause.leadIn) : undefined;
  const stance = resolveStance(text, 0, text.length, leadIn, USER_NEGATION[category]).stance;
  return stance === 'denies' && !PRACTICE_DENIAL.test(text) ? 'permits' : stance;
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
  const hits = applyRules(clause);
  const byCategory = new Map<CategoryId, RuleHit>(hits.map((h) => [h.category, h]));
  const labels: Label[] = [];
  const modelled = new Set<CategoryId>(model?.categories ?? []);

  if (model) {
    const features = featureHashes(clause, hits);
    const { probs, rows } = score(model, features.hashes);
    model.categories.forEach((category, c) => {
      const p = probs[c]!;
      const hit = byCategory.get(category);
      const trusted = hit !== undefined && model.trustedRules.has(hit.rule);
      const threshold = hit ? model.ruleThresholds[c]! : model.thresholds[c]!;
      if (p < threshold && !trusted) return;
      labels.push({
        category,
        stance: hit?.stance ?? wholeClauseStance(clause, category),
        confidence: Math.round(p * 1000) / 1000,
        evidence: {
          phrase: hit?.phrase ?? null,
          rule: hit?.rule ?? null,
          features: topFeatures(model, features.describe, rows, c, options.evidenceFeatures ?? 3).map(
            readableFeature,
          ),
        },
      });
    });
  }
  for (const hit of hits) {
    if (modelled.has(hit.category) || !hit.strong) continue;
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

/** Label, fill slots and explain every clause. Never throws on odd text; headings get no labels. */
export function classifyWith(
  clauses: readonly Clause[],
  model: LinearModel | null,
  options: ClassifyOptions = {},
): AnalysedClause[] {
  return clauses.map((clause) => {
    const labels = labelClause(clause, model, options);
    const slots = labels.length > 0 ? extractSlots(clause.text) : emptySlots();
    return { ...clause, labels, slots, explanation: explain(labels, slots) };
  });
}
