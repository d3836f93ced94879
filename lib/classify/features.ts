/**
 * Model features of a clause: hashed word 1–2-grams of the clause, 1–2-grams of its heading and list
 * lead-in (prefixed `h:`), and rule-fired indicators (`r:`, including the rule id). The trainer and the
 * runtime share this code.
 * @module
 */
import type { RuleHit } from './rules';
import { spanToken, tokenize, tokenSpans, tokenText } from './text';

export interface FeatureInput {
  text: string;
  headingPath?: readonly string[];
  leadIn?: string;
  /** The previous clause of the document (read only with `FeatureOptions.prev`). */
  prev?: string;
}

/** Context features a model was trained with (the model file says which; all off by default). */
export interface FeatureOptions {
  /** 1–2-grams of the previous clause, prefixed `v:` ("This includes…" takes its referent from there). */
  prev?: boolean;
  /** 1-grams of the headings above the nearest one, prefixed `a:`. */
  allHeadings?: boolean;
}

const NO_OPTIONS: FeatureOptions = {};

function grams(prefix: string, tokens: string[], out: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    out.add(`${prefix}${tokens[i]}`);
    if (i + 1 < tokens.length) out.add(`${prefix}${tokens[i]} ${tokens[i + 1]}`);
  }
}

/** Clause tokens beyond this are ignored: very long "clauses" are extraction accidents, not sentences. */
const MAX_TOKENS = 400;

/** Distinct feature strings (binary presence). Readable as they are, which is what evidence shows. */
export function clauseFeatures(
  input: FeatureInput,
  hits: readonly RuleHit[],
  options: FeatureOptions = NO_OPTIONS,
): string[] {
  const out = new Set<string>();
  out.add('bias:1');
  const tokens = tokenize(input.text, MAX_TOKENS);
  grams('', tokens, out);
  out.add(speaker(tokens));
  if (tokens[0]) out.add(`first:${tokens[0]}`);
  // The nearest heading and the lead-in carry the context ("You may not:", "How we use your data").
  const heading = input.headingPath?.[input.headingPath.length - 1];
  if (heading) grams('h:', tokenize(heading).slice(0, 30), out);
  if (input.leadIn) grams('h:', tokenize(input.leadIn).slice(0, 40), out);
  for (const f of ruleFeatures(hits)) out.add(f);
  if (options.prev && input.prev) grams('v:', tokenize(input.prev).slice(0, 40), out);
  if (options.allHeadings && input.headingPath)
    for (const h of input.headingPath.slice(0, -1))
      for (const t of tokenize(h).slice(0, 20)) out.add(`a:${t}`);
  return [...out];
}

/** Who speaks: descriptive text about models ("Large language models are trained…") has no we/you. */
function speaker(tokens: readonly string[]): string {
  let we = false;
  let you = false;
  for (const t of tokens) {
    if (t === 'we' || t === 'us' || t === 'our') we = true;
    else if (t === 'you' || t === 'your') you = true;
  }
  return we ? (you ? 'p:we+you' : 'p:we') : you ? 'p:you' : 'p:none';
}

function ruleFeatures(hits: readonly RuleHit[]): string[] {
  const out: string[] = [];
  for (const h of hits) {
    // The rule id too: rules of one family differ a lot in precision ("train … model" vs "develop … AI").
    out.push(`r:${h.category}`, `r:${h.category}:${h.stance}`, `r:id:${h.rule}`);
    if (h.strong) out.push(`r:${h.category}:strong`);
    for (const c of h.cues) out.push(`r:cue:${c}`);
  }
  return out;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a state after feeding `s` to state `h` (not finalised to unsigned). */
function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** 32-bit FNV-1a of a string (UTF-16 code units), the feature id stored in the model. */
export function fnv1a(s: string): number {
  return fnvUpdate(FNV_OFFSET, s) >>> 0;
}

/*
 * Duplicate check for featureHashes: one reusable open-addressing table stamped with a generation number,
 * so no Set is allocated per clause. 4096 slots: a clause has at most ~1,000 features (400 tokens).
 */
const SEEN_SLOTS = 4096;
/** Scratch output for featureHashes (copied out per clause); larger than any clause's feature count. */
const hashBuffer = new Uint32Array(SEEN_SLOTS / 2);
const seenKeys = new Uint32Array(SEEN_SLOTS);
const seenStamp = new Uint32Array(SEEN_SLOTS);
let seenGeneration = 0;

function nextSeenGeneration(): number {
  seenGeneration = (seenGeneration + 1) >>> 0;
  if (seenGeneration === 0) {
    seenStamp.fill(0);
    seenGeneration = 1;
  }
  return seenGeneration;
}

/** Marks `h` as seen in generation `gen`; false when it already was. */
function markSeen(gen: number, h: number): boolean {
  let i = Math.imul(h, 0x9e3779b1) >>> 20;
  for (;;) {
    if (seenStamp[i] !== gen) {
      seenStamp[i] = gen;
      seenKeys[i] = h;
      return true;
    }
    if (seenKeys[i] === h) return false;
    i = (i + 1) & (SEEN_SLOTS - 1);
  }
}

/** Distinct feature hashes of a clause, with each one's readable form built only on request. */
export interface HashedFeatures {
  hashes: Uint32Array;
  /** The feature string of `hashes[i]` (exactly what `clauseFeatures` would have produced). */
  describe(i: number): string;
}

/**
 * The same distinct features as `clauseFeatures`, hashed without building n-gram strings: the runtime path
 * (a 15,000-word policy makes ~30,000 features; strings for them are garbage the page does not need).
 */
export function featureHashes(
  input: FeatureInput,
  hits: readonly RuleHit[],
  options: FeatureOptions = NO_OPTIONS,
): HashedFeatures {
  const n = hashFeatures(input, hits, options);
  const desc = descBuffer.slice(0, n);
  const lists = currentLists();
  const literals = fLiterals;
  return {
    hashes: hashBuffer.slice(0, n),
    describe: (i: number): string => describeFeature(desc[i]!, lists, literals),
  };
}

/** What `scratchFeatures` returns: valid until its next call (or `featureHashes`'). */
export interface ScratchFeatures {
  /** The first `count` entries are the clause's distinct feature hashes, as `featureHashes` orders them. */
  readonly hashes: Uint32Array;
  count: number;
  describe(i: number): string;
}

const scratch: ScratchFeatures = {
  hashes: hashBuffer,
  count: 0,
  describe: (i: number): string => describeFeature(descBuffer[i]!, currentLists(), fLiterals),
};

/** `featureHashes` without copying out: the classifier reads the hashes once, before the next clause. */
export function scratchFeatures(
  input: FeatureInput,
  hits: readonly RuleHit[],
  options: FeatureOptions = NO_OPTIONS,
): ScratchFeatures {
  scratch.count = hashFeatures(input, hits, options);
  return scratch;
}

/*
 * The working state of the current clause, module-level so that no closure or buffer is created per clause
 * (the runtime is single-threaded and hashing is not re-entrant). A descriptor per kept hash, packed:
 * (list << 21 | position << 1 | bigram) for n-grams, -(k + 1) for the k-th literal. List 0 is the clause's
 * own tokens, kept as offsets into its token text (fText, fSpans) and made strings only when described.
 */
let fSeen = 0;
let fCount = 0;
let fLists: string[][] = [];
let fLiterals: string[] = [];
const descBuffer = new Int32Array(SEEN_SLOTS / 2);
/** The clause text fText was made from. */
let fInput: string | undefined;
let fText = '';
let fTokens = 0;
const fSpans = new Int32Array(2 * MAX_TOKENS);

/** fLists with the clause's tokens (list 0) as strings, made on first use for this clause. */
function currentLists(): string[][] {
  if (fLists[0]!.length !== fTokens) {
    const tokens = fLists[0]!;
    for (let k = 0; k < fTokens; k++) tokens.push(spanToken(fText, fSpans, k));
  }
  return fLists;
}

/** The first `max` tokens of the current clause as strings (what `tokenize(fInput, max)` returns). */
function spanTokens(max: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < fTokens && k < max; k++) out.push(spanToken(fText, fSpans, k));
  return out;
}

/** Hashes the clause's features into hashBuffer/descBuffer; returns how many there are. */
function hashFeatures(input: FeatureInput, hits: readonly RuleHit[], options: FeatureOptions): number {
  fSeen = nextSeenGeneration();
  fCount = 0;
  fLists = [[]];
  listPrefixes = [''];
  fLiterals = [];
  addLiteral('bias:1');
  // The previous clause is usually the one hashed last: its tokens are still in fText / fSpans.
  if (options.prev && input.prev && input.prev === fInput) prevTokens.prime(fInput, spanTokens(40));
  fInput = input.text;
  fText = tokenText(input.text);
  fTokens = tokenSpans(fText, MAX_TOKENS, fSpans);
  addClauseGrams();
  addLiteral(spanSpeaker());
  if (fTokens > 0) addLiteral(`first:${spanToken(fText, fSpans, 0)}`);
  const heading = input.headingPath?.[input.headingPath.length - 1];
  if (heading) addGrams('h:', headingTokens.get(heading, 30));
  if (input.leadIn) addGrams('h:', leadInTokens.get(input.leadIn, 40));
  for (const h of hits) {
    addLiteral(`r:${h.category}`);
    addLiteral(`r:${h.category}:${h.stance}`);
    addLiteral(`r:id:${h.rule}`);
    if (h.strong) addLiteral(`r:${h.category}:strong`);
    for (const c of h.cues) addLiteral(`r:cue:${c}`);
  }
  if (options.prev && input.prev) addGrams('v:', prevTokens.get(input.prev, 40));
  if (options.allHeadings && input.headingPath)
    for (let k = 0; k < input.headingPath.length - 1; k++)
      for (const t of tokenize(input.headingPath[k]!, 20)) addLiteral(`a:${t}`);
  return fCount;
}

function describeFeature(d: number, lists: readonly string[][], literals: readonly string[]): string {
  if (d < 0) return literals[-d - 1]!;
  const list = d >> 21;
  const tokens = lists[list]!;
  const prefix = list === 0 ? '' : (listPrefixes[list] ?? 'h:');
  const p = (d >> 1) & 0xfffff;
  return d & 1 ? `${prefix}${tokens[p]} ${tokens[p + 1]}` : `${prefix}${tokens[p]}`;
}

function keepHash(h: number, d: number): boolean {
  const u = h >>> 0;
  if (!markSeen(fSeen, u)) return false;
  hashBuffer[fCount] = u;
  descBuffer[fCount++] = d;
  return true;
}

function addLiteral(f: string): void {
  if (keepHash(fnv1a(f), -(fLiterals.length + 1))) fLiterals.push(f);
}

/** FNV-1a state after feeding clause token `k` (its characters, or "znumz"). */
function fnvToken(h: number, k: number): number {
  const start = fSpans[2 * k]!;
  if (start < 0) return fnvUpdate(h, 'znumz');
  const end = fSpans[2 * k + 1]!;
  for (let i = start; i < end; i++) {
    h ^= fText.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** `addGrams('', tokens)` for the clause's own tokens (list 0), read from their offsets. */
function addClauseGrams(): void {
  for (let i = 0; i < fTokens; i++) {
    const uni = fnvToken(FNV_OFFSET, i);
    keepHash(uni, i << 1);
    if (i + 1 < fTokens) keepHash(fnvToken(fnvUpdate(uni, ' '), i + 1), (i << 1) | 1);
  }
}

/** `speaker` of the clause's tokens, read from their offsets. */
function spanSpeaker(): string {
  let we = false;
  let you = false;
  for (let k = 0; k < fTokens; k++) {
    const start = fSpans[2 * k]!;
    const length = fSpans[2 * k + 1]! - start;
    if (start < 0) continue;
    if (length === 2 && (fText.startsWith('we', start) || fText.startsWith('us', start))) we = true;
    else if (length === 3 && fText.startsWith('our', start)) we = true;
    else if ((length === 3 || length === 4) && fText.startsWith(length === 3 ? 'you' : 'your', start))
      you = true;
  }
  return we ? (you ? 'p:we+you' : 'p:we') : you ? 'p:you' : 'p:none';
}

/** Prefix of each token list of the current clause (list 0, the clause's own tokens, has none). */
let listPrefixes: string[] = [''];

function addGrams(prefix: string, tokens: readonly string[]): void {
  const list = fLists.push(tokens as string[]) - 1;
  listPrefixes[list] = prefix;
  const start = fnvUpdate(FNV_OFFSET, prefix);
  for (let i = 0; i < tokens.length; i++) {
    const uni = fnvUpdate(start, tokens[i]!);
    keepHash(uni, (list << 21) | (i << 1));
    if (i + 1 < tokens.length)
      keepHash(fnvUpdate(fnvUpdate(uni, ' '), tokens[i + 1]!), (list << 21) | (i << 1) | 1);
  }
}

/** Tokens of the last text seen: consecutive clauses of a section share their heading and lead-in. */
class LastTokens {
  private text: string | null = null;
  private tokens: string[] = [];
  get(text: string, max: number): string[] {
    if (text !== this.text) {
      this.text = text;
      this.tokens = tokenize(text, max);
    }
    return this.tokens;
  }
  /** Remembers `tokens` as those of `text` (what `get` would compute). */
  prime(text: string, tokens: string[]): void {
    this.text = text;
    this.tokens = tokens;
  }
}
const headingTokens = new LastTokens();
const leadInTokens = new LastTokens();
const prevTokens = new LastTokens();

/**
 * Word hashes (`fnv1a(word)`, the key of a word vector) of a clause's context: its lead-in, its nearest
 * heading and, with `prev`, the previous clause. For the context vector of models that pool one.
 */
export function contextWordHashes(input: FeatureInput, options: FeatureOptions = NO_OPTIONS): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const add = (tokens: readonly string[]): void => {
    for (const t of tokens) {
      const h = fnv1a(t);
      if (!seen.has(h)) {
        seen.add(h);
        out.push(h);
      }
    }
  };
  if (input.leadIn) add(leadInTokens.get(input.leadIn, 40));
  const heading = input.headingPath?.[input.headingPath.length - 1];
  if (heading) add(headingTokens.get(heading, 30));
  if (options.prev && input.prev) add(prevTokens.get(input.prev, 40));
  return out;
}

/** A feature string as shown to users: `h:` becomes "heading: …", rule indicators "rule: …". */
export function readableFeature(f: string): string {
  if (f.startsWith('h:')) return `context: ${f.slice(2)}`;
  if (f.startsWith('a:')) return `context: ${f.slice(2)}`;
  if (f.startsWith('v:')) return `previous sentence: ${f.slice(2)}`;
  if (f.startsWith('r:')) return `rule: ${f.slice(2)}`;
  return f;
}

/** The value of each present feature: 1, or 1/√n with length normalisation (n = distinct features). */
export function featureValue(count: number, normalise: boolean | undefined): number {
  return normalise && count > 0 ? 1 / Math.sqrt(count) : 1;
}
