/**
 * The rule layer: one family per category, each a list of patterns (see ./types). High recall; the model
 * decides the rest. Every hit carries the verbatim phrase and the stance cues that decided it.
 * @module
 */
import type { Clause } from '../../types';
import { asciiPunctuation } from '../../ascii-punctuation';
import { aiTraining } from './ai-training';
import { arbitration } from './arbitration';
import { automatedDecisions } from './automated-decisions';
import { contentLicense } from './content-license';
import { dataRetention } from './data-retention';
import { dataSale } from './data-sale';
import { dataSharing } from './data-sharing';
import { deIdentification } from './de-identification';
import { internationalTransfer } from './international-transfer';
import { targetedAdvertising } from './targeted-advertising';
import { unilateralChange } from './unilateral-change';
import { userChoice } from './user-choice';
import { RuleScan } from '../../regex-scan';
import { clauseFacts, resolveStance, type ClauseFacts, type StanceResult } from './stance';
import type { RuleFamily, RuleHit } from './types';

export type { RuleFamily, RuleHit, RulePattern } from './types';
export { resolveStance } from './stance';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  aiTraining,
  automatedDecisions,
  dataSharing,
  dataSale,
  targetedAdvertising,
  dataRetention,
  internationalTransfer,
  deIdentification,
  userChoice,
  contentLicense,
  arbitration,
  unilateralChange,
];

/** The families' cues, vetoes and patterns, read in one pass per clause (same answers as `test`, see ./scan). */
const SCAN = new RuleScan(
  RULE_FAMILIES.map((f) => f.cue),
  RULE_FAMILIES.flatMap((f) => [...(f.vetoes ?? []), ...f.patterns.map((p) => p.pattern)]),
);

/** A family with the scan ids of its regexes, looked up once here instead of once per clause. */
interface FamilyPlan {
  family: RuleFamily;
  cue: number;
  vetoes: readonly RegExp[];
  vetoIds: readonly number[];
  patternIds: readonly number[];
}

const PLANS: readonly FamilyPlan[] = RULE_FAMILIES.map((family) => ({
  family,
  cue: SCAN.idOf(family.cue),
  vetoes: family.vetoes ?? [],
  vetoIds: (family.vetoes ?? []).map((v) => SCAN.idOf(v)),
  patternIds: family.patterns.map((p) => SCAN.idOf(p.pattern)),
}));

function vetoed(plan: FamilyPlan, text: string): boolean {
  for (let v = 0; v < plan.vetoes.length; v++)
    if (SCAN.testId(plan.vetoIds[v]!, plan.vetoes[v]!, text)) return true;
  return false;
}

function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globals.set(re, g);
  }
  return g;
}

/**
 * `[...text.matchAll(re)]` for a global regex, without the iterator and the regex copy matchAll makes. An
 * empty match moves on by one code unit, as matchAll does without the `u` flag (with it, matchAll is used).
 */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (re.unicode) return [...text.matchAll(re)];
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Markdown emphasis left in the text ("_Right to erasure _You have the right to …") glues an underscore to the
 * word it marks, and an underscore is a word character, so no \b pattern sees "You" there. Underscores at a
 * word's edge become spaces (one for one: offsets carry over); inside a word ("opt_out", "user_id") they stay.
 */
const EMPHASIS_MARK = /(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])/g;
export function withoutEmphasisMarks(text: string): string {
  return text.includes('_') ? text.replace(EMPHASIS_MARK, (m) => ' '.repeat(m.length)) : text;
}

/** Clauses longer than this are matched on their first part only: bounds regex time on pathological input. */
const MAX_MATCH_CHARS = 4000;

/**
 * Every family that fires on the clause, at most one hit per category (strongest pattern first, then the
 * earliest match). The phrase is a verbatim slice of `clause.text`.
 */
export function applyRules(clause: Pick<Clause, 'text' | 'leadIn'>): RuleHit[] {
  const original = clause.text.slice(0, MAX_MATCH_CHARS);
  // Same length as the original (one-to-one character replacements), so offsets carry over.
  const text = withoutEmphasisMarks(asciiPunctuation(original));
  const leadIn = clause.leadIn ? withoutEmphasisMarks(asciiPunctuation(clause.leadIn)) : undefined;
  const hits: RuleHit[] = [];
  let facts: ClauseFacts | undefined;
  for (const plan of PLANS) {
    const family = plan.family;
    if (!SCAN.testId(plan.cue, family.cue, text) || vetoed(plan, text)) {
      const viaLeadIn = leadInHit(family, original, leadIn);
      if (viaLeadIn) hits.push(viaLeadIn);
      continue;
    }
    let best: RuleHit | null = null;
    for (let k = 0; k < family.patterns.length; k++) {
      const p = family.patterns[k]!;
      if (best && (best.strong || !p.strong)) continue;
      // Most patterns do not match: a plain test allocates nothing.
      if (!SCAN.testId(plan.patternIds[k]!, p.pattern, text)) continue;
      const all = allMatches(globalOf(p.pattern), text);
      // A match inside quotes is usually a button or setting name ("do not train on my content").
      const outside: RegExpExecArray[] = [];
      for (const x of all) if (!insideQuotes(text, x.index)) outside.push(x);
      const matches = outside.length > 0 ? outside : all;
      const m = matches[0];
      if (!m) continue;
      // Each occurrence gets its own stance; a clause that both permits and denies reads as `permits`
      // (data guide §4: the exception is a real use).
      facts ??= clauseFacts(text);
      let first: StanceResult | undefined;
      let permits = false;
      let denies = false;
      for (const x of matches) {
        const r = resolveStance(
          text,
          x.index,
          x.index + x[0].length,
          leadIn,
          family.userNegation,
          family.namedIsUnclear,
          facts,
        );
        first ??= r;
        if (r.stance === 'permits') permits = true;
        else if (r.stance === 'denies') denies = true;
      }
      const { stance: firstStance, cues } = first!;
      const mixed = permits && denies ? 'permits' : firstStance;
      const scoped =
        mixed === 'denies' && family.denialNeeds && !family.denialNeeds.test(text) ? 'permits' : mixed;
      const stance = p.vague && scoped === 'permits' ? 'unclear' : scoped;
      best = {
        category: family.category,
        stance,
        rule: p.id,
        phrase: original.slice(m.index, m.index + m[0].length),
        start: m.index,
        strong: p.strong,
        cues,
      };
    }
    best ??= leadInHit(family, original, leadIn);
    if (best) hits.push(best);
  }
  return hits;
}

/** A hit from the family's lead-in patterns (see `RuleFamily.leadInPatterns`), or null. */
function leadInHit(family: RuleFamily, original: string, leadIn: string | undefined): RuleHit | null {
  if (!leadIn || !family.leadInPatterns || !original.trim()) return null;
  if (family.leadInItemVeto?.test(original)) return null;
  if (family.vetoes?.some((v) => v.test(leadIn))) return null;
  for (const p of family.leadInPatterns) {
    const m = p.pattern.exec(leadIn);
    if (!m) continue;
    const { stance, cues } = resolveStance(
      leadIn,
      m.index,
      m.index + m[0].length,
      undefined,
      family.userNegation,
      family.namedIsUnclear,
    );
    const phrase = original.trim();
    return {
      category: family.category,
      stance: p.vague && stance === 'permits' ? 'unclear' : stance,
      rule: p.id,
      phrase,
      start: original.indexOf(phrase),
      strong: p.strong,
      cues: [...cues, 'lead-in'],
    };
  }
  return null;
}
