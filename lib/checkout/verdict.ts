/**
 * The verdict on one linked policy, for a buyer about to agree to it: at most three findings that matter most
 * (binding arbitration and its opt-out window, AI training on your content, sale of your data, automatic
 * renewal, sharing, changes to the terms), each with the one fact that decides it (its key slot); then what the
 * document promises in the buyer's favour (its `denies` labels); then counts of everything else.
 *
 * Evidence is only what Fineprint would paint on the page: a label with a calibrated probability of at least
 * {@link MIN_EVIDENCE_CONFIDENCE} (a trusted rule's label always is: its confidence is the rule's precision), on
 * a clause that states something (never a heading, a contents line or a bare fragment). "Possible" labels are
 * never read. Findings are ordered by what they cost a buyer ({@link TOPIC_ORDER}), not by how often a
 * document repeats them.
 *
 * Pure: it reads the analysed clauses and returns data; ./verdict-text.ts turns that into sentences.
 * @module
 */
import type { CategoryId, Stance } from '../classify/taxonomy';
import { TAXONOMY } from '../classify/taxonomy';
import { findingCounts } from '../counts';
import type { AnalysedClause, Label } from '../types';

/**
 * The calibrated probability from which a label is painted (the bundled model's `minPaintProbability`; a
 * unit test keeps the two equal). Versions stored before calibration may carry weaker labels: they are not
 * evidence.
 */
export const MIN_EVIDENCE_CONFIDENCE = 0.5;
/** Findings shown per document. */
export const MAX_FINDINGS = 3;
/** Reassurances shown per document. */
export const MAX_REASSURANCES = 3;
/** Clauses quoted under one finding or reassurance in the full report. */
export const MAX_QUOTES = 2;
/** Characters of a quoted clause. */
export const QUOTE_CHARS = 320;

export type VerdictTopic =
  | 'arbitration'
  | 'ai-training'
  | 'data-sale'
  | 'auto-renewal'
  | 'data-sharing'
  | 'unilateral-change'
  | 'targeted-advertising';

/** Most costly to a buyer first: the order findings are shown in, whatever their counts. */
export const TOPIC_ORDER: readonly VerdictTopic[] = [
  'arbitration',
  'ai-training',
  'data-sale',
  'auto-renewal',
  'data-sharing',
  'unilateral-change',
  'targeted-advertising',
];

/** A clause quoted as the evidence of a finding (extension pages only: it is policy text). */
export interface VerdictQuote {
  clauseId: string;
  text: string;
}

/** What the evidence says, per topic; absent facts were not stated. */
export interface VerdictFacts {
  /** Arbitration: "final and binding", "binding arbitration". */
  binding?: boolean;
  /** Arbitration: no class or representative actions. */
  classWaiver?: boolean;
  /** Arbitration (or any topic): the document names a way out. */
  optOut?: boolean;
  /** Arbitration: the opt-out must be used within this many days. */
  optOutDays?: number;
  /** The data concerned (slot vocabulary of lib/explain: "files", "personal data"). */
  data?: string[];
  /** The user's stated choice (lib/explain slot phrase: "turn it off in settings"). */
  choice?: string;
  /** Whether the practice is off unless the user opts in. */
  defaultOff?: boolean;
  /** Sharing: one of the purposes is advertising or marketing. */
  forAdvertising?: boolean;
  /** Automatic renewal: "until you cancel". */
  untilCancelled?: boolean;
  /** Changes to the terms: they say they will tell the user first. */
  notice?: boolean;
}

export interface VerdictFinding {
  topic: VerdictTopic;
  facts: VerdictFacts;
  quotes: VerdictQuote[];
}

export interface VerdictReassurance {
  category: CategoryId;
  quotes: VerdictQuote[];
}

export interface Verdict {
  /** At most {@link MAX_FINDINGS}, most important first. */
  findings: VerdictFinding[];
  /** Promises in the buyer's favour, at most {@link MAX_REASSURANCES}. */
  reassurances: VerdictReassurance[];
  /** Every other category with painted clauses, and how many (lib/counts.ts), heaviest first. */
  others: { category: CategoryId; count: number }[];
  /** Clauses that counted as evidence at all (0: the document said nothing Fineprint flags). */
  evidenceClauses: number;
}

/**
 * Categories whose clauses a topic reads. Auto-renewal is no category of the taxonomy: it is read from the text
 * of any statement (never a heading or contents line), so it does not hang on an unrelated label being painted.
 */
const TOPIC_EVIDENCE: Record<VerdictTopic, { categories: CategoryId[]; stances: Stance[] }> = {
  arbitration: { categories: ['arbitration'], stances: ['permits', 'unclear', 'user-prohibited'] },
  'ai-training': { categories: ['ai-training'], stances: ['permits', 'unclear'] },
  'data-sale': { categories: ['data-sale'], stances: ['permits', 'unclear'] },
  'auto-renewal': { categories: [], stances: [] },
  'data-sharing': { categories: ['data-sharing'], stances: ['permits', 'unclear'] },
  'unilateral-change': { categories: ['unilateral-change'], stances: ['permits', 'unclear'] },
  'targeted-advertising': { categories: ['targeted-advertising'], stances: ['permits', 'unclear'] },
};

/** Denials worth telling a buyer, most valuable first; other categories' denials are too narrow to reassure. */
const REASSURING: readonly CategoryId[] = [
  'data-sale',
  'ai-training',
  'targeted-advertising',
  'data-sharing',
  'unilateral-change',
];

// ── what a clause says, read from its text (only clauses already painted for the topic) ──

const BINDING =
  /\bbinding\b[^.;]{0,60}\barbitrat|\barbitrat\w*\b[^.;]{0,60}\bbinding\b|\bfinal and binding\b/i;
const CLASS_WAIVER =
  /\bclass[- ](?:action|wide|arbitration|proceeding)s?\b|\brepresentative (?:action|proceeding|claim)s?\b|\bon an individual basis\b|\bin (?:your|their) individual capacity\b/i;
const OPT_OUT_WORDS =
  /\bopt(?:s|ed|ing)?[- ]?out\b|\breject (?:this|these|the) (?:arbitration|agreement|provision)/i;
const NUMBER_WORDS: Record<string, number> = {
  ten: 10,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-five': 45,
  'forty five': 45,
  sixty: 60,
  ninety: 90,
};
const DAYS =
  /\bwithin\s+(\d{1,3}|ten|fourteen|fifteen|twenty|thirty|forty[- ]five|sixty|ninety)(?:\s*\(\d{1,3}\))?\s+(?:calendar\s+|business\s+)?days?\b/i;
const AUTO_RENEWAL =
  /\b(?:renews?|renewed) automatically\b|\bautomatically (?:renews?|renewed|be renewed)\b|\bauto-?renews?\b/i;
const NO_RENEWAL = /\b(?:not|never|n't)\s+(?:be\s+)?(?:automatically\s+)?(?:auto-?)?renew/i;
const UNTIL_CANCELLED = /\buntil (?:you |it is |they are |the subscription is )?(?:cancel|terminat)\w*/i;
const NOTICE =
  /\b(?:notify|inform|tell|alert|email) you\b|\b(?:advance|prior) (?:written )?notice\b|\bnotice (?:of|before)\b/i;
/** A denial that holds only in some case: "If you opt out, we will not …", "except …". */
const CONDITIONAL = /\b(?:if|once|when|after|unless) you\b|\bexcept\b|\bother than\b|\bunless\b/i;

function daysIn(text: string): number | undefined {
  const m = DAYS.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const n = /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.replace('-', ' ')] ?? NUMBER_WORDS[word]);
  return n !== undefined && n > 0 ? n : undefined;
}

/** A clause that can be evidence at all: a statement, not a heading or contents line, of a few words. */
function isStatement(c: AnalysedClause): boolean {
  if (c.statement === false || c.unit === 'heading') return false;
  return c.text.trim().split(/\s+/).length >= 5;
}

/** The clause's painted labels (never its "possible" ones). */
export function evidenceLabels(c: AnalysedClause): Label[] {
  if (!isStatement(c)) return [];
  return c.labels.filter((l) => l.confidence >= MIN_EVIDENCE_CONFIDENCE);
}

const quoteOf = (c: AnalysedClause): VerdictQuote => ({
  clauseId: c.id,
  text: c.text.length > QUOTE_CHARS ? `${c.text.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : c.text,
});

interface Evidence {
  clause: AnalysedClause;
  labels: Label[];
}

/**
 * Painted user-choice clauses near `clause` (same section, the same or the next two blocks): "You can turn
 * this off in Settings." right after the sentence it is about.
 */
function choicesNear(clause: AnalysedClause, all: readonly Evidence[]): Evidence[] {
  return all.filter(
    (e) =>
      e.clause !== clause &&
      e.clause.section === clause.section &&
      e.clause.block >= clause.block &&
      e.clause.block <= clause.block + 2 &&
      e.labels.some((l) => l.category === 'user-choice' && l.stance !== 'denies'),
  );
}

function topicEvidence(
  topic: VerdictTopic,
  all: readonly Evidence[],
  statements: readonly Evidence[],
): Evidence[] {
  if (topic === 'auto-renewal')
    return statements.filter((e) => AUTO_RENEWAL.test(e.clause.text) && !NO_RENEWAL.test(e.clause.text));
  const want = TOPIC_EVIDENCE[topic];
  return all.filter((e) =>
    e.labels.some((l) => want.categories.includes(l.category) && want.stances.includes(l.stance)),
  );
}

function firstChoice(clauses: readonly AnalysedClause[]): string | undefined {
  for (const c of clauses) if (c.slots?.choice) return c.slots.choice;
  return undefined;
}

function factsFor(topic: VerdictTopic, found: readonly Evidence[], all: readonly Evidence[]): VerdictFacts {
  const clauses = found.map((e) => e.clause);
  const near = [...new Set(clauses.flatMap((c) => choicesNear(c, all).map((e) => e.clause)))];
  const texts = [...clauses, ...near].map((c) => c.text);
  const facts: VerdictFacts = {};
  switch (topic) {
    case 'arbitration': {
      if (texts.some((t) => BINDING.test(t))) facts.binding = true;
      if (clauses.some((c) => CLASS_WAIVER.test(c.text))) facts.classWaiver = true;
      const outs = texts.filter((t) => OPT_OUT_WORDS.test(t));
      if (outs.length) {
        facts.optOut = true;
        const days = outs.map(daysIn).find((d) => d !== undefined);
        if (days !== undefined) facts.optOutDays = days;
      }
      break;
    }
    case 'ai-training':
    case 'data-sale':
    case 'data-sharing':
    case 'targeted-advertising': {
      const data = [...new Set(clauses.flatMap((c) => c.slots?.data ?? []))].slice(0, 3);
      if (data.length) facts.data = data;
      const choice = firstChoice(clauses) ?? firstChoice(near);
      if (choice) facts.choice = choice;
      if (clauses.length && clauses.every((c) => c.slots?.default === 'off')) facts.defaultOff = true;
      if (
        topic === 'data-sharing' &&
        clauses.some((c) => (c.slots?.purposes ?? []).includes('advertising and marketing'))
      )
        facts.forAdvertising = true;
      break;
    }
    case 'auto-renewal':
      if (texts.some((t) => UNTIL_CANCELLED.test(t))) facts.untilCancelled = true;
      break;
    case 'unilateral-change':
      if (texts.some((t) => NOTICE.test(t))) facts.notice = true;
      break;
  }
  return facts;
}

/** Categories a shown finding speaks for, so "everything else" does not count them twice. */
function coveredCategories(topic: VerdictTopic): CategoryId[] {
  return TOPIC_EVIDENCE[topic].categories;
}

/** The verdict on one document's analysed clauses. */
export function verdictOf(clauses: readonly AnalysedClause[]): Verdict {
  const all: Evidence[] = [];
  const statements: Evidence[] = [];
  for (const clause of clauses) {
    const labels = evidenceLabels(clause);
    if (labels.length) all.push({ clause, labels });
    if (clause.statement !== false) statements.push({ clause, labels });
  }
  const findings: VerdictFinding[] = [];
  for (const topic of TOPIC_ORDER) {
    if (findings.length >= MAX_FINDINGS) break;
    const found = topicEvidence(topic, all, statements);
    if (found.length === 0) continue;
    findings.push({
      topic,
      facts: factsFor(topic, found, all),
      quotes: quotesFor(topic, found),
    });
  }
  // A promise counts only when nothing in the same document says the opposite, and when it holds without
  // conditions ("if you opt out, we will not …" is a choice, not a promise).
  const contradicted = new Set<CategoryId>(
    all.flatMap((e) => e.labels.filter((l) => l.stance !== 'denies').map((l) => l.category)),
  );
  const reassurances: VerdictReassurance[] = [];
  for (const category of REASSURING) {
    if (reassurances.length >= MAX_REASSURANCES) break;
    if (contradicted.has(category)) continue;
    const found = all.filter(
      (e) =>
        e.labels.some((l) => l.category === category && l.stance === 'denies') &&
        !CONDITIONAL.test(e.clause.text),
    );
    if (found.length)
      reassurances.push({ category, quotes: found.slice(0, MAX_QUOTES).map((e) => quoteOf(e.clause)) });
  }
  const covered = new Set<CategoryId>([
    ...findings.flatMap((f) => coveredCategories(f.topic)),
    ...reassurances.map((r) => r.category),
  ]);
  const counts = findingCounts(all.map((e) => ({ labels: e.labels })));
  const others = (Object.entries(counts.byCategory) as [CategoryId, number][])
    .filter(([category, count]) => count > 0 && !covered.has(category))
    .sort(([a, x], [b, y]) => TAXONOMY[b].weight - TAXONOMY[a].weight || y - x)
    .map(([category, count]) => ({ category, count }));
  return { findings, reassurances, others, evidenceClauses: all.length };
}

/** The clauses a finding quotes: those stating its key fact first (the opt-out window, the waiver). */
function quotesFor(topic: VerdictTopic, found: readonly Evidence[]): VerdictQuote[] {
  const key = (c: AnalysedClause): number => {
    if (topic === 'arbitration')
      return (OPT_OUT_WORDS.test(c.text) ? 2 : 0) + (CLASS_WAIVER.test(c.text) ? 1 : 0);
    if (topic === 'ai-training' || topic === 'data-sale') return c.slots?.choice ? 1 : 0;
    return 0;
  };
  const ranked = [...found].sort((a, b) => key(b.clause) - key(a.clause) || a.clause.block - b.clause.block);
  // The first clause stating the practice, then the one stating the key fact when that is another one.
  const first = [...found].sort((a, b) => a.clause.block - b.clause.block)[0]!;
  const picks = [first, ...ranked.filter((e) => e !== first && key(e.clause) > 0)].slice(0, MAX_QUOTES);
  return picks.map((e) => quoteOf(e.clause));
}
