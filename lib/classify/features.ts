/**
 * Model features of a clause: hashed word 1–2-grams of the clause, 1–2-grams of its heading and list
 * lead-in (prefixed `h:`), and rule-fired indicators (`r:`). The trainer and the runtime share this code.
 * @module
 */
import type { RuleHit } from './rules';
import { tokenize } from './text';

export interface FeatureInput {
  text: string;
  headingPath?: readonly string[];
  leadIn?: string;
}

function grams(prefix: string, tokens: string[], out: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    out.add(`${prefix}${tokens[i]}`);
    if (i + 1 < tokens.length) out.add(`${prefix}${tokens[i]} ${tokens[i + 1]}`);
  }
}

/** Clause tokens beyond this are ignored: very long "clauses" are extraction accidents, not sentences. */
const MAX_TOKENS = 400;

/** Distinct feature strings (binary presence). Readable as they are, which is what evidence shows. */
export function clauseFeatures(input: FeatureInput, hits: readonly RuleHit[]): string[] {
  const out = new Set<string>();
  out.add('bias:1');
  const tokens = tokenize(input.text).slice(0, MAX_TOKENS);
  grams('', tokens, out);
  // Who speaks: descriptive text about models ("Large language models are trained…") has no we/you.
  const we = tokens.some((t) => t === 'we' || t === 'us' || t === 'our');
  const you = tokens.some((t) => t === 'you' || t === 'your');
  out.add(we ? (you ? 'p:we+you' : 'p:we') : you ? 'p:you' : 'p:none');
  if (tokens[0]) out.add(`first:${tokens[0]}`);
  // The nearest heading and the lead-in carry the context ("You may not:", "How we use your data").
  const heading = input.headingPath?.[input.headingPath.length - 1];
  if (heading) grams('h:', tokenize(heading).slice(0, 30), out);
  if (input.leadIn) grams('h:', tokenize(input.leadIn).slice(0, 40), out);
  for (const h of hits) {
    out.add(`r:${h.category}`);
    out.add(`r:${h.category}:${h.stance}`);
    if (h.strong) out.add(`r:${h.category}:strong`);
    for (const c of h.cues) out.add(`r:cue:${c}`);
  }
  return [...out];
}

/** 32-bit FNV-1a of a string (UTF-16 code units), the feature id stored in the model. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A feature string as shown to users: `h:` becomes "heading: …", rule indicators "rule: …". */
export function readableFeature(f: string): string {
  if (f.startsWith('h:')) return `context: ${f.slice(2)}`;
  if (f.startsWith('r:')) return `rule: ${f.slice(2)}`;
  return f;
}

/** The value of each present feature: 1, or 1/√n with length normalisation (n = distinct features). */
export function featureValue(count: number, normalise: boolean | undefined): number {
  return normalise && count > 0 ? 1 / Math.sqrt(count) : 1;
}
