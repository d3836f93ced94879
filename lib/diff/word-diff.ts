/**
 * Word-level marks for a modified clause: which words were inserted or deleted. Display text keeps the original
 * spelling and spacing; comparison uses the folded form so typography alone never shows as an edit.
 * Kept hand-written (docs/libraries.md): jsdiff's `diffArrays` is faster on lightly edited clauses but 9–16×
 * slower on a long clause half or wholly rewritten (520 vs 59 ms, 1,316 vs 79 ms at 1,400 words).
 * @module
 */
import { foldText } from './normalise';

export type WordOp = 'equal' | 'insert' | 'delete';

export interface WordMark {
  op: WordOp;
  /** The original text of the run, including the spaces that belong to it. */
  text: string;
}

/** Beyond this many tokens on either side the LCS table gets large; such clauses are shown as replaced whole. */
const MAX_TOKENS = 1500;

/** Split into runs of "word plus trailing spaces" so that joining the runs gives back the input exactly. */
function split(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function push(out: WordMark[], op: WordOp, text: string): void {
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/**
 * Word-level diff of two versions of a clause (longest common subsequence over words). Concatenating the
 * `equal` + `insert` runs gives `after` exactly; `equal` + `delete` gives `before` up to spacing and typography.
 */
export function wordDiff(before: string, after: string): WordMark[] {
  const a = split(before);
  const b = split(after);
  const out: WordMark[] = [];
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    if (before) out.push({ op: 'delete', text: before });
    if (after) out.push({ op: 'insert', text: after });
    return out;
  }
  const ka = a.map((t) => foldText(t));
  const kb = b.map((t) => foldText(t));
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], flattened.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        ka[i] === kb[j]
          ? lcs[(i + 1) * w + j + 1]! + 1
          : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      // Keep the after-side spacing for equal runs: it is what the page shows now.
      push(out, 'equal', b[j]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      push(out, 'delete', a[i++]!);
    } else {
      push(out, 'insert', b[j++]!);
    }
  }
  while (i < n) push(out, 'delete', a[i++]!);
  while (j < m) push(out, 'insert', b[j++]!);
  return out;
}
