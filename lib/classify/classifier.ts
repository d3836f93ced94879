/**
 * Rules + linear model → labelled, explained clauses. The model is passed in, so tests and the evaluator
 * can run any model (or none: rules only, strong patterns only).
 * @module
 */
import type { AnalysedClause, Clause, Label, Slots } from '../types';
import { explain, explainLabel, extractSlots, hasUserControl, permittedPartData } from '../explain';
import { emptySlots } from '../explain/slots';
import { calibrate } from './calibration';
import { readableFeature, scratchFeatures, type FeatureInput } from './features';
import { denseInput, scoreInto, topFeaturesOfSlots, type LinearModel } from './model';
import { applyRules, resolveStance, RULE_FAMILIES } from './rules';
import { gatedForEvery, gatedOutOf } from './rules/gates';
import { consentFirst } from '../explain/consent-first';
import {
  clauseFacts,
  noPenaltyForRights,
  offersOptIn,
  openLegalException,
  type ClauseFacts,
} from './rules/stance';
import { saleDeniedButForNonSaleRecipients } from './rules/data-sale';
import { userGrantsContentRights } from './rules/contract-gates';
import { permittedAfterDenial } from './rules/mixed-stance';
import { regionLimitStance } from './rules/region-limit';
import { exclusionOnly } from './rules/exclusion-only';
import { absentByDefault } from './rules/absent-by-default';
import { consentCondition } from './rules/consent-condition';
import { aiTrainingContextStance } from './rules/stance-context';
import type { RuleHit } from './rules';
import { foldClause, foldText } from './fold-text';
import { asciiPunctuation } from '../ascii-punctuation';
import type { CategoryId, Stance } from './taxonomy';
import { TAXONOMY } from './taxonomy';

/** Confidence reported for a label that only a strong rule supports (no model head for the category). */
const RULE_ONLY_CONFIDENCE = 0.7;

/**
 * Labels below the paint threshold but at least this likely are kept as "possible": listed in the popup,
 * never painted, never counted.
 */
export const POSSIBLE_FLOOR = 0.25;

const USER_NEGATION: Record<CategoryId, Stance> = Object.fromEntries(
  RULE_FAMILIES.map((f) => [f.category, f.userNegation]),
) as Record<CategoryId, Stance>;

/**
 * Without a rule match we do not know where the practice sits in the clause, so a negation only denies it
 * when the company is its subject and the verb is a data practice ("we do not share…", "is not sold");
 * "…reports that don't reveal who you are" or "your profile will no longer be visible" deny nothing.
 * The subject is case-sensitive (a capitalised name, not "that" or "which"); the rest is not, since policies
 * stress a denial in capitals ("X does NOT use…"), and an adverb may sit before the negation ("we also don't…").
 */
const PRACTICE_DENIAL_AFTER_SUBJECT = String.raw`\s+(?:(?:also|further|still|currently|ever|otherwise)\s+)?(?:(?:do|does|will|would|shall|can|may)?\s*(?:not|n't|never|no longer)|(?:have|has) no (?:way|means|ability) to)`;
const PRACTICE_VERB = String.raw`\s+(?:[\w-]+\s+)?(?:use[sd]?|shar\w+|sell|sold|rent\w*|disclos\w+|collect\w*|retain\w*|keep|kept|stor\w+|sav(?:e|es|ed|ing)|log(?:s|ged|ging)?|record\w*|transfer\w*|train\w*|provid\w+|process\w*|target\w*|track\w*|profil\w+|show\w*|creat(?:e|es|ed|ing)\s+(?:an?\s+)?(?:history|histories|records?|logs?|profiles?))\b`;
const PRACTICE_DENIAL_SUBJECT = /\b(?:we|they|it|[A-Z][\w.]+)(?=\s)/g;
const PRACTICE_DENIAL_REST = new RegExp(`^${PRACTICE_DENIAL_AFTER_SUBJECT}${PRACTICE_VERB}`, 'i');
const PRACTICE_DENIAL_PASSIVE = new RegExp(
  String.raw`\b(?:is|are|will be)\s+(?:not|never)${PRACTICE_VERB}`,
  'i',
);

function practiceDenial(text: string): boolean {
  if (PRACTICE_DENIAL_PASSIVE.test(text)) return true;
  PRACTICE_DENIAL_SUBJECT.lastIndex = 0;
  for (let m = PRACTICE_DENIAL_SUBJECT.exec(text); m; m = PRACTICE_DENIAL_SUBJECT.exec(text))
    if (PRACTICE_DENIAL_REST.test(text.slice(m.index + m[0].length, m.index + m[0].length + 160)))
      return true;
  return false;
}

/** Stance for a category the model found but no rule matched: cues over the whole clause. */
export function wholeClauseStance(clause: Clause, category: CategoryId, facts: WholeClause): Stance {
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
  return stance === 'denies' && !practiceDenial(text) ? 'permits' : stance;
}

/** Practices a consent-first condition leaves off by default (guide §4.2 R1; see `consentFirst`). */
const CONSENT_FIRST_CATEGORIES: ReadonlySet<CategoryId> = new Set([
  'data-sharing',
  'data-sale',
  'targeted-advertising',
]);

/**
 * The stance a label is shown with: the clause-wide scope rules, then what the clause's heading and the
 * sentence's own structure say of an ai-training label (rules/stance-context.ts).
 */
function guideStance(
  category: CategoryId,
  stance: Stance,
  text: string,
  headingPath: readonly string[],
): Stance {
  return aiTrainingContextStance(category, scopeRulesStance(category, stance, text), text, headingPath);
}

/**
 * The stance with the clause-wide guide rules applied: "only with your consent, we share…" denies the default
 * practice (R1); a promise of no penalty for using one's rights, or an opt-in on offer, is a choice, it does
 * not deny one; a denial with an exception the law leaves open is unclear (R4).
 */
function scopeRulesStance(category: CategoryId, stance: Stance, text: string): Stance {
  if (
    stance === 'permits' &&
    CONSENT_FIRST_CATEGORIES.has(category) &&
    (consentFirst(text) || consentCondition(text))
  )
    return 'denies';
  if (stance === 'denies' && category === 'user-choice' && (noPenaltyForRights(text) || offersOptIn(text)))
    return 'permits';
  // "Your posts, which you give us rights to use, must be lawful": the grant, not a ban on licensing.
  if (stance === 'user-prohibited' && category === 'content-license' && userGrantsContentRights(text))
    return 'permits';
  // "We do not sell or share it except with our affiliates and service providers": sharing, never a sale.
  if (stance === 'permits' && category === 'data-sale' && saleDeniedButForNonSaleRecipients(text))
    return 'denies';
  // "We do not share X; however, we share Y": the permitted part is a real use by default (guide §4.4).
  if (stance === 'denies' && permittedAfterDenial(category, text)) return 'permits';
  // "All the above categories exclude X": the practice does not reach X (guide R5).
  if (stance === 'permits' && exclusionOnly(category, text)) return 'denies';
  // "There is no X", "Were we ever to sell …", "only if the law compels us", "we ignore Do Not Track".
  if (stance === 'permits' && absentByDefault(category, text)) return 'denies';
  // "Your data is only stored in Norway or the EU/EEA": the region limit (guide §3 international-transfer).
  if (stance === 'permits' && category === 'international-transfer') return regionLimitStance(text) ?? stance;
  // A denial the law leaves open ("… unless permitted by law", "… without a legal basis") denies nothing.
  if (stance === 'denies' && openLegalException(text)) return 'unclear';
  return stance;
}

/** The normalised clause for `wholeClauseStance`, built once per clause however many labels need it. */
export interface WholeClause {
  text: string;
  leadIn: string | undefined;
  facts?: ClauseFacts;
}

export interface ClassifyOptions {
  /** Number of model features to keep as evidence. */
  evidenceFeatures?: number;
}

/** A clause's labels: those painted and counted, and weaker "possible" ones (popup only). */
export interface ClauseLabels {
  labels: Label[];
  possible: Label[];
}

/** Labels for one clause (no slots or explanation): the painted ones. Exposed for the evaluator. */
export function labelClause(
  clause: Clause,
  model: LinearModel | null,
  options: ClassifyOptions = {},
  prev?: string,
): Label[] {
  return labelClauseWithPossible(clause, model, options, prev).labels;
}

/**
 * Painted labels — raw score at or above the category's threshold and calibrated probability at or above the
 * model's `minPaintProbability` (0.5: more likely right than wrong), or set by a trusted rule — and possible
 * ones (calibrated probability ≥ POSSIBLE_FLOOR, not painted).
 */
export function labelClauseWithPossible(
  clause: Clause,
  model: LinearModel | null,
  options: ClassifyOptions = {},
  /** The text of the clause before this one in the document (for models that read it). */
  prev?: string,
): ClauseLabels {
  if (clause.unit === 'heading' || clause.statement === false || !clause.text.trim())
    return { labels: [], possible: [] };
  // What the rules and the model read: invisible characters and look-alike letters a page can use to hide a
  // clause are folded away (the clause keeps its own text for display and locating).
  clause = foldClause(clause);
  const hits = applyRules(clause);
  const labels: Label[] = [];
  const possible: Label[] = [];
  // The clause in plain ASCII punctuation, read by the stance rules and the gates; made once, when first needed.
  let whole: WholeClause | undefined;
  let everyGated: boolean | undefined;
  // Only a label that would be shown is put to the gates; the part that is the same for every category once.
  const gated = (category: CategoryId, w: WholeClause): boolean =>
    (everyGated ??= gatedForEvery(w.text)) || gatedOutOf(category, w.text, w.leadIn);

  if (model) {
    // Only what the features read (a spread of the whole clause costs more than the rest of this line).
    const input: FeatureInput =
      prev === undefined || !model.features.prev
        ? clause
        : { text: clause.text, headingPath: clause.headingPath, leadIn: clause.leadIn, prev: foldText(prev) };
    const features = scratchFeatures(input, hits, model.features);
    const n = features.count;
    const dense = denseInput(model, features.hashes, n, input);
    const { probs, slots } = scoreInto(model, features.hashes, n, dense);
    const k = options.evidenceFeatures ?? 3;
    for (let c = 0; c < model.categories.length; c++) {
      const category = model.categories[c]!;
      const hit = ruleHit(hits, category);
      const raw = probs[c]!;
      const p = calibrate(model.calibration[c], raw, hit !== undefined);
      const trusted = hit !== undefined && model.trustedRules.has(hit.rule);
      const threshold = hit ? model.ruleThresholds[c]! : model.thresholds[c]!;
      const paint = trusted || (raw >= threshold && p >= model.minPaintProbability);
      if (!paint && p < POSSIBLE_FLOOR) continue;
      // Most clauses have no label that would be shown, and the gates' patterns then cost nothing.
      if (gated(category, (whole ??= wholeClause(clause)))) continue;
      // A trusted rule's label is as likely right as the rule has been on the training services.
      const confidence = trusted ? Math.max(p, model.trustedRulePrecision.get(hit.rule) ?? p) : p;
      (paint ? labels : possible).push({
        category,
        stance: guideStance(
          category,
          hit?.stance ?? wholeClauseStance(clause, category, whole),
          whole.text,
          clause.headingPath,
        ),
        confidence: Math.round(confidence * 1000) / 1000,
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
    if (gated(hit.category, (whole ??= wholeClause(clause)))) continue;
    labels.push({
      category: hit.category,
      stance: guideStance(hit.category, hit.stance, whole.text, clause.headingPath),
      confidence: RULE_ONLY_CONFIDENCE,
      evidence: { phrase: hit.phrase, rule: hit.rule, features: [] },
    });
  }
  // "Your choices" only where the user has a control: the company's power to remove or delete is not one.
  const control = !(hasChoice(labels) || hasChoice(possible)) || hasUserControl(clause.text, clause.leadIn);
  return {
    labels: (control ? labels : withoutChoice(labels)).sort(byImportance),
    possible: (control ? possible : withoutChoice(possible)).sort(byImportance),
  };
}

/** The clause in plain ASCII punctuation (see `WholeClause`). */
function wholeClause(clause: Clause): WholeClause {
  return {
    text: asciiPunctuation(clause.text),
    leadIn: clause.leadIn ? asciiPunctuation(clause.leadIn) : undefined,
  };
}

function hasChoice(labels: readonly Label[]): boolean {
  for (const l of labels) if (l.category === 'user-choice') return true;
  return false;
}

function withoutChoice(labels: readonly Label[]): Label[] {
  const out: Label[] = [];
  for (const l of labels) if (l.category !== 'user-choice') out.push(l);
  return out;
}

/** Most important first: the clause-level explanation speaks about the first label. */
function byImportance(a: Label, b: Label): number {
  return TAXONOMY[b.category].weight - TAXONOMY[a.category].weight || b.confidence - a.confidence;
}

/** Per category column of `model`: the calibrated probability of a clause, and whether a rule fired. */
export function calibratedScores(
  clause: Pick<Clause, 'text' | 'leadIn' | 'headingPath'> & { prev?: string },
  model: LinearModel,
): { category: CategoryId; probability: number; ruleFired: boolean }[] {
  clause = foldClause(clause);
  const hits = applyRules(clause);
  const input = clause.prev === undefined ? clause : { ...clause, prev: foldText(clause.prev) };
  const features = scratchFeatures(input, hits, model.features);
  const dense = denseInput(model, features.hashes, features.count, input);
  const { probs } = scoreInto(model, features.hashes, features.count, dense);
  return model.categories.map((category, c) => {
    const ruleFired = ruleHit(hits, category) !== undefined;
    return { category, probability: calibrate(model.calibration[c], probs[c]!, ruleFired), ruleFired };
  });
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

/**
 * A clause with its labels, before its slots and explanations are filled in (`analyseLabelled`): what the page
 * needs to paint it. `prev` is the statement before it in the document, which the slots read.
 */
export interface LabelledClause {
  clause: Clause;
  labels: Label[];
  possible: Label[];
  prev: string | undefined;
}

/** Labels every clause (the first half of `classifyWith`). Never throws on odd text; headings get no labels. */
export function labelAllWith(
  clauses: readonly Clause[],
  model: LinearModel | null,
  options: ClassifyOptions = {},
): LabelledClause[] {
  // The previous statement of the document: what "This includes…" or "Such data…" refers to.
  let prev: string | undefined;
  return clauses.map((clause) => {
    const before = prev;
    if (clause.unit !== 'heading' && clause.text.trim()) prev = clause.text;
    const { labels, possible } = labelClauseWithPossible(clause, model, options, before);
    return { clause, labels, possible, prev: before };
  });
}

/** The labelled clause with its slots and explanations (the second half of `classifyWith`). */
export function analyseLabelled({ clause, labels, possible, prev }: LabelledClause): AnalysedClause {
  if (labels.length + possible.length === 0) return analysed(clause, labels, emptySlots(), null);
  const slots = permittedPartData(extractSlots(clause.text, clause.leadIn, prev), clause.text, labels);
  for (const l of labels) l.explanation = explainLabel(l, slots, clause.text);
  for (const l of possible) l.explanation = explainLabel(l, slots, clause.text);
  // A clause with only possible labels is no finding: its slots stay empty, as for an unlabelled clause.
  const out = analysed(
    clause,
    labels,
    labels.length > 0 ? slots : emptySlots(),
    explain(labels, slots, clause.text),
  );
  if (possible.length > 0) out.possible = possible;
  return out;
}

/** Label, fill slots and explain every clause. Never throws on odd text; headings get no labels. */
export function classifyWith(
  clauses: readonly Clause[],
  model: LinearModel | null,
  options: ClassifyOptions = {},
): AnalysedClause[] {
  return labelAllWith(clauses, model, options).map(analyseLabelled);
}
