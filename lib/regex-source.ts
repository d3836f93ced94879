/**
 * What literal text a regular expression needs, read from its source: the exact strings a simple pattern
 * matches, or a set of fragments at least one of which every match contains. Used by ./regex-scan.ts to answer
 * many regexes with one pass over a clause. Anything this parser does not fully understand makes it give up
 * (the caller then runs the regex itself), so a wrong answer needs a wrong parse, not an unusual pattern.
 * Only for non-Unicode regexes (no `u`/`v` flag), where case folding never maps non-ASCII text to ASCII.
 * @module
 */

/** Regex syntax tree, reduced to what the analyses need. */
type Node =
  /** One character from `set` (lower-cased printable ASCII); null when it may be anything else too. */
  | { k: 'char'; set: string[] | null }
  /** `\b` */
  | { k: 'boundary' }
  /** Other zero-width assertions: `^`, `$`, `\B`, lookarounds. */
  | { k: 'assert' }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'rep'; node: Node; min: number; max: number };

class Unsupported extends Error {}
const fail = (why: string): never => {
  throw new Unsupported(why);
};

/** Ranges wider than this (e.g. `[a-z]`) are "any character" for these analyses. */
const MAX_CLASS = 64;

/** The character set of one code point: null unless printable ASCII; letters folded to lower case. */
function charSet(code: number): string[] | null {
  if (code < 32 || code > 126) return null;
  return [String.fromCharCode(code).toLowerCase()];
}

function parse(source: string): Node {
  let pos = 0;
  const peek = (): string | undefined => source[pos];

  const alternation = (): Node => {
    const alts = [sequence()];
    while (peek() === '|') {
      pos++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (pos < source.length && peek() !== '|' && peek() !== ')') items.push(quantified(atom()));
    return { k: 'seq', items };
  };

  const quantified = (node: Node): Node => {
    let min: number;
    let max: number;
    const c = peek();
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
      if (!m) return fail('brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      pos += m[0].length - 1;
    } else return node;
    pos++;
    if (peek() === '?') pos++; // lazy: same strings
    if (peek() === '*' || peek() === '+' || peek() === '?' || peek() === '{') fail('double quantifier');
    return { k: 'rep', node, min, max };
  };

  const atom = (): Node => {
    const c = source[pos++]!;
    switch (c) {
      case '(': {
        let zeroWidth = false;
        if (peek() === '?') {
          const head = source.slice(pos, pos + 3);
          if (head.startsWith('?:')) pos += 2;
          else if (head.startsWith('?=') || head.startsWith('?!')) {
            pos += 2;
            zeroWidth = true;
          } else if (head === '?<=' || head === '?<!') {
            pos += 3;
            zeroWidth = true;
          } else {
            const named = /^\?<[A-Za-z_$][\w$]*>/.exec(source.slice(pos));
            if (!named) fail('group');
            pos += named![0].length;
          }
        }
        const inner = alternation();
        if (source[pos++] !== ')') fail('unclosed group');
        return zeroWidth ? { k: 'assert' } : inner;
      }
      case '[':
        return charClass();
      case '\\':
        return escape();
      case '.':
        return { k: 'char', set: null };
      case '^':
      case '$':
        return { k: 'assert' };
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case ')':
      case '|':
        return fail(`bare ${c}`);
      default:
        return { k: 'char', set: charSet(c.charCodeAt(0)) };
    }
  };

  const escape = (): Node => {
    const e = source[pos++];
    if (e === undefined) return fail('trailing backslash');
    if (e === 'b') return { k: 'boundary' };
    if (e === 'B') return { k: 'assert' };
    if (e === 'd') return { k: 'char', set: [...'0123456789'] };
    if ('DwWsS'.includes(e)) return { k: 'char', set: null };
    const code = classEscapeCode(e);
    return { k: 'char', set: charSet(code) };
  };

  /** Code of a single-character escape (after the backslash); fails on anything else. */
  const classEscapeCode = (e: string): number => {
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
    if (simple[e] !== undefined) return simple[e]!;
    if (e === '0' && !/\d/.test(peek() ?? '')) return 0;
    if (e === 'x' || e === 'u') {
      const m = (e === 'x' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{4}/).exec(source.slice(pos));
      if (!m) return fail('hex escape');
      pos += m[0].length;
      return parseInt(m[0], 16);
    }
    // Identity escapes of punctuation only; letters and digits are classes, back-references or Annex B oddities.
    if (/[\w\s]/.test(e) || e.charCodeAt(0) > 126) return fail(`escape \\${e}`);
    return e.charCodeAt(0);
  };

  const charClass = (): Node => {
    let negated = false;
    if (peek() === '^') {
      negated = true;
      pos++;
    }
    let set: string[] | null = [];
    const add = (s: string[] | null): void => {
      set = set && s ? [...set, ...s] : null;
    };
    while (peek() !== ']') {
      if (pos >= source.length) fail('unclosed class');
      const lo = classAtom();
      if (peek() === '-' && source[pos + 1] !== ']' && pos + 1 < source.length) {
        pos++;
        const hi = classAtom();
        if (lo === null || hi === null) fail('class range of a class');
        if (hi! < lo!) fail('bad range');
        if (hi! - lo! >= MAX_CLASS) add(null);
        else for (let c = lo!; c <= hi!; c++) add(charSet(c));
      } else if (lo !== null) add(charSet(lo));
    }
    pos++;
    if (negated) return { k: 'char', set: null };
    return { k: 'char', set: set === null ? null : [...new Set<string>(set)] };

    /** A class member's code, or null for a class escape (\d, \w, …), which is added directly. */
    function classAtom(): number | null {
      const c = source[pos++]!;
      if (c !== '\\') return c.charCodeAt(0);
      const e = source[pos++];
      if (e === undefined) return fail('trailing backslash');
      if (e === 'd') {
        add([...'0123456789']);
        return null;
      }
      if ('DwWsS'.includes(e)) {
        add(null);
        return null;
      }
      if (e === 'b') return 8;
      if (e === '-') return 45;
      return classEscapeCode(e);
    }
  };

  const tree = alternation();
  if (pos !== source.length) fail('trailing input');
  return tree;
}

/** Exact strings are capped: a pattern matching more than this many strings is not expanded. */
const MAX_STRINGS = 256;
/** A `\b` inside an exact expansion. */
export const BOUNDARY = '\u0000';

/**
 * How `expand` reads a tree. For exact strings: assertions other than `\b` are unsupported and `\b` is kept
 * as BOUNDARY. For fragments: every assertion matches the empty string (a looser pattern), and strings are
 * cut to `cap` characters, since a prefix of text every match contains is contained too.
 */
interface Mode {
  fragments: boolean;
  cap: number;
  memo: Map<Node, string[] | null>;
}

/** `a` followed by `b`, each string cut to `cap`; null when there would be too many. */
function concat(a: readonly string[], b: readonly string[], cap: number): string[] | null {
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= cap) out.add(x);
    else for (const y of b) out.add((x + y).slice(0, cap));
    if (out.size > MAX_STRINGS) return null;
  }
  return [...out];
}

/** Every string `node` matches (see Mode), or null when that set is not finite and small. */
function expand(node: Node, mode: Mode): string[] | null {
  let out = mode.memo.get(node);
  if (out === undefined) {
    out = expandUncached(node, mode);
    mode.memo.set(node, out);
  }
  return out;
}

function expandUncached(node: Node, mode: Mode): string[] | null {
  switch (node.k) {
    case 'char':
      return node.set;
    case 'boundary':
      return [mode.fragments ? '' : BOUNDARY];
    case 'assert':
      return mode.fragments ? [''] : null;
    case 'seq': {
      let out: string[] | null = [''];
      for (const item of node.items) {
        const e = expand(item, mode);
        out = e && concat(out, e, mode.cap);
        if (!out) return null;
      }
      return out;
    }
    case 'alt':
      return unionOf(node.alts, (a) => expand(a, mode), MAX_STRINGS);
    case 'rep': {
      if (node.max === Infinity || node.max > 8) return null;
      const e = expand(node.node, mode);
      if (!e) return null;
      const out = new Set<string>();
      let power: string[] | null = [''];
      for (let n = 0; n <= node.max; n++) {
        if (n >= node.min) for (const x of power) out.add(x);
        if (out.size > MAX_STRINGS) return null;
        if (n < node.max) power = concat(power, e, mode.cap);
        if (!power) return null;
      }
      return [...out];
    }
  }
}

/**
 * The strings of every alternative together, or null when any alternative has none (no answer for the
 * whole) or the union grows past `limit`.
 */
function unionOf(alts: Node[], of: (alt: Node) => string[] | null, limit = Infinity): string[] | null {
  const out = new Set<string>();
  for (const a of alts) {
    const strings = of(a);
    if (!strings) return null;
    for (const x of strings) out.add(x);
    if (out.size > limit) return null;
  }
  return [...out];
}

/**
 * Fragments at least one of which occurs (case-folded) in every match of `node`; null when there is no such
 * set. Assertions are treated as matching the empty string, which only loosens the condition.
 */
function factors(node: Node, mode: Mode): string[] | null {
  switch (node.k) {
    case 'char':
      return node.set;
    case 'boundary':
    case 'assert':
      return null;
    case 'alt':
      return unionOf(node.alts, (a) => factors(a, mode));
    case 'rep':
      return node.min >= 1 ? factors(node.node, mode) : null;
    case 'seq': {
      // Every match contains what each item matched, and what each run of exactly-known items matched.
      let best: string[] | null = null;
      const consider = (f: string[] | null): void => {
        if (f && f.length > 0 && !f.includes('') && better(f, best)) best = f;
      };
      let run: string[] = [''];
      for (const item of node.items) {
        const e = expand(item, mode);
        const longer = e && concat(run, e, mode.cap);
        if (longer) {
          run = longer;
          continue;
        }
        consider(run);
        run = e ?? [''];
        if (!e) consider(factors(item, mode));
      }
      consider(run);
      return best;
    }
  }
}

/** Longer shortest fragment first (rarer in text), then fewer fragments. */
function better(a: string[], b: string[] | null): boolean {
  if (!b) return true;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  return minA !== minB ? minA > minB : a.length < b.length;
}

/** Flags under which case-folded ASCII matching and a plain `test` are what the regex does. */
const analysable = (re: RegExp): boolean => /^[ims]*$/.test(re.flags);

/**
 * The exact strings `re` matches, for a case-insensitive pattern built only from literals, small classes,
 * `?`/`{n,m}` repetition, groups and `\b`; BOUNDARY marks a `\b`. Null otherwise.
 */
export function exactStrings(re: RegExp): string[] | null {
  if (re.flags !== 'i') return null;
  try {
    return expand(parse(re.source), { fragments: false, cap: Infinity, memo: new Map() });
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * Fragments one of which every match of `re` contains (case-folded), or null when none can be found; cut to
 * `maxLength` characters, which keeps a scanner for many patterns small.
 */
export function requiredFragments(re: RegExp, maxLength = Infinity): string[] | null {
  if (!analysable(re)) return null;
  try {
    return factors(parse(re.source), { fragments: true, cap: maxLength, memo: new Map() });
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
