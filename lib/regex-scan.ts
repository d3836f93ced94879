/**
 * Many regexes answered with one pass over a clause (the rule families' in lib/classify/rules, the slot
 * lexicons' in lib/explain/slots; a module of its own because lib/explain may not read the classifier). Tested one by one, each regex scans the whole
 * clause, and most fail: the families' cue pre-checks alone were a third of the rule layer's time. Here the
 * literal text each regex needs (./regex-source.ts) goes into one Aho–Corasick automaton, and the clause is
 * read once:
 * - a cue made only of literals, small classes, `?` and `\b` at either end is answered from the scan;
 * - any other regex is run only when the scan found one of the fragments every match of it contains.
 * So `test(re, text)` is always exactly `re.test(text)`; a regex the analysis does not understand is run as is.
 * @module
 */
import { BOUNDARY, exactStrings, requiredFragments } from './regex-source';

/** Automaton column of a character: printable ASCII with upper case folded to lower, else 0. */
function column(c: number): number {
  if (c >= 65 && c <= 90) return c + 1;
  return c >= 32 && c < 127 ? c - 31 : 0;
}
const COLUMNS = 96;

/** Gate fragments are cut to this many characters: long enough to be rare, short enough to share states. */
const GATE_LENGTH = 8;

/** `\w` without the `u` flag: ASCII letters, digits and underscore. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

const START_BOUNDARY = 1;
const END_BOUNDARY = 2;
const FIRST_IS_WORD = 4;
const LAST_IS_WORD = 8;

interface Fragment {
  /** Index of the regex it belongs to. */
  id: number;
  text: string;
  flags: number;
}

/** The fragments of an exactly-expanded cue, or null when a `\b` sits inside a string. */
function exactFragments(id: number, strings: readonly string[]): Fragment[] | null {
  const out: Fragment[] = [];
  for (const s of strings) {
    let start = 0;
    let end = s.length;
    while (s[start] === BOUNDARY) start++;
    while (end > start && s[end - 1] === BOUNDARY) end--;
    const text = s.slice(start, end);
    // An empty string matches everywhere (or nowhere, by its boundaries): left to the regex engine.
    if (!text || text.includes(BOUNDARY)) return null;
    let flags = 0;
    if (start > 0) flags |= START_BOUNDARY;
    if (end < s.length) flags |= END_BOUNDARY;
    if (isWordCode(text.charCodeAt(0))) flags |= FIRST_IS_WORD;
    if (isWordCode(text.charCodeAt(text.length - 1))) flags |= LAST_IS_WORD;
    out.push({ id, text, flags });
  }
  return out;
}

/** Answers `re.test(text)` for a fixed set of regexes, reading each new text once. */
export class RuleScan {
  private readonly ids = new Map<RegExp, number>();
  /** Per regex id: answered by the scan alone (exact) or only gated by it. */
  private readonly exactId: Uint8Array;
  private readonly found: Uint8Array;
  /** Automaton: next[state * width + column], failure links folded in. */
  private readonly next: Uint16Array;
  /** Fragments ending in state s: out*[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outId: Uint16Array;
  private readonly outLength: Uint16Array;
  private readonly outFlags: Uint8Array;
  private lastText: string | null = null;
  /** Columns of the table: the characters fragments use, plus one for all others. */
  private readonly width: number;
  /** Table column of each ASCII code, and of any other character. */
  private readonly asciiColumn: Uint8Array;
  private readonly otherColumn: number;

  /**
   * @param exact regexes to answer from the scan when their strings can be listed (the families' cues)
   * @param gated regexes to run only when the scan finds a fragment they need (patterns, vetoes)
   */
  constructor(exact: readonly RegExp[], gated: readonly RegExp[]) {
    const fragments: Fragment[] = [];
    const exactIds: number[] = [];
    const add = (re: RegExp, isExact: boolean): void => {
      if (this.ids.has(re)) return;
      const id = this.ids.size;
      const strings = isExact ? exactStrings(re) : null;
      const fs = strings
        ? exactFragments(id, strings)
        : requiredFragments(re, GATE_LENGTH)?.map((text) => ({ id, text, flags: 0 }));
      if (!fs) return;
      this.ids.set(re, id);
      if (strings) exactIds.push(id);
      fragments.push(...fs);
    };
    for (const re of exact) add(re, true);
    for (const re of gated) add(re, false);

    // Columns no fragment uses all lead back to the root from every state: one shared column stands for them
    // all, which keeps the table (read once per character of every clause) small enough to stay in cache.
    const compact = new Uint8Array(COLUMNS);
    let width = 1;
    for (const f of fragments)
      for (let i = 0; i < f.text.length; i++) {
        const c = column(f.text.charCodeAt(i));
        if (compact[c] === 0) compact[c] = width++;
      }
    this.width = width;
    this.asciiColumn = new Uint8Array(128);
    for (let c = 0; c < 128; c++) this.asciiColumn[c] = compact[column(c)]!;
    this.otherColumn = compact[0]!;
    const col = (code: number): number => (code < 128 ? this.asciiColumn[code]! : this.otherColumn);

    // Trie of all fragments in the transition table itself (0 = no child: the root is nobody's child), then
    // breadth-first failure links that fill in the missing transitions (Aho-Corasick).
    let next = new Uint16Array(64 * width);
    const ending: Fragment[][] = [[]];
    for (const f of fragments) {
      let s = 0;
      for (let i = 0; i < f.text.length; i++) {
        const at = s * width + col(f.text.charCodeAt(i));
        if (next[at] === 0) {
          if (ending.length > 0xffff) break;
          next[at] = ending.length;
          ending.push([]);
          if (ending.length * width > next.length) {
            const grown = new Uint16Array(next.length * 2);
            grown.set(next);
            next = grown;
          }
        }
        s = next[at]!;
      }
      ending[s]!.push(f);
    }
    // States are uint16: a set too large for that is left to the regex engine.
    if (ending.length > 0xffff) {
      this.ids.clear();
      ending.length = 1;
      ending[0] = [];
      next.fill(0);
    }
    const states = ending.length;
    next = next.slice(0, states * width);
    const fail = new Uint16Array(states);
    const queue: number[] = [];
    for (let c = 0; c < width; c++) if (next[c] !== 0) queue.push(next[c]!);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      const f = fail[s]!;
      // A state also ends the fragments of its failure state (its longest proper suffix in the trie).
      ending[s]!.push(...ending[f]!);
      for (let c = 0; c < width; c++) {
        const t = next[s * width + c]!;
        if (t === 0) next[s * width + c] = next[f * width + c]!;
        else {
          fail[t] = next[f * width + c]!;
          queue.push(t);
        }
      }
    }
    this.next = next;
    this.outStart = new Int32Array(states + 1);
    const total = ending.reduce((n, e) => n + e.length, 0);
    this.outId = new Uint16Array(total);
    this.outLength = new Uint16Array(total);
    this.outFlags = new Uint8Array(total);
    let k = 0;
    for (let s = 0; s < states; s++) {
      this.outStart[s] = k;
      for (const f of ending[s]!) {
        this.outId[k] = f.id;
        this.outLength[k] = f.text.length;
        this.outFlags[k++] = f.flags;
      }
    }
    this.outStart[states] = k;
    this.exactId = new Uint8Array(this.ids.size + 1);
    for (const id of exactIds) this.exactId[id] = 1;
    this.found = new Uint8Array(this.ids.size + 1);
  }

  /** Exactly `re.test(text)`. */
  test(re: RegExp, text: string): boolean {
    return this.testId(this.idOf(re), re, text);
  }

  /** The scan's id of `re` for `testId`, or -1 when it does not know `re`. */
  idOf(re: RegExp): number {
    return this.ids.get(re) ?? -1;
  }

  /** `test` with the id looked up once beforehand (`idOf(re)`): exactly `re.test(text)`. */
  testId(id: number, re: RegExp, text: string): boolean {
    if (id < 0) return re.test(text);
    if (text !== this.lastText) {
      this.scan(text);
      this.lastText = text;
    }
    if (this.found[id] === 0) return false;
    return this.exactId[id] === 1 || re.test(text);
  }

  /**
   * False only when `re` cannot match `text` (none of the fragments it needs is there): the caller may then
   * skip `re.exec(text)`, which would return null. True for a regex the scan does not know.
   */
  mayMatch(re: RegExp, text: string): boolean {
    const id = this.ids.get(re);
    if (id === undefined) return true;
    if (text !== this.lastText) {
      this.scan(text);
      this.lastText = text;
    }
    return this.found[id] === 1;
  }

  /** Marks in `found` every regex with a fragment in `text` (exact ones with their boundaries checked). */
  private scan(text: string): void {
    const { next, outStart, outId, outLength, outFlags, found, width, asciiColumn, otherColumn } = this;
    found.fill(0);
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      s = next[s * width + (code < 128 ? asciiColumn[code]! : otherColumn)]!;
      const end = outStart[s + 1]!;
      for (let k = outStart[s]!; k < end; k++) {
        const id = outId[k]!;
        if (found[id] === 1) continue;
        const flags = outFlags[k]!;
        if ((flags & (START_BOUNDARY | END_BOUNDARY)) !== 0) {
          // \b holds where exactly one side is a word character; the fragment supplies the inner side.
          const start = i + 1 - outLength[k]!;
          if (
            flags & START_BOUNDARY &&
            (start > 0 && isWordCode(text.charCodeAt(start - 1))) === ((flags & FIRST_IS_WORD) !== 0)
          )
            continue;
          if (
            flags & END_BOUNDARY &&
            (i + 1 < n && isWordCode(text.charCodeAt(i + 1))) === ((flags & LAST_IS_WORD) !== 0)
          )
            continue;
        }
        found[id] = 1;
      }
    }
  }
}
