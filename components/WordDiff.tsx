/**
 * A modified clause with word-level marks: inserted words in <ins>, deleted words in <del>. Text is rendered as
 * text nodes only (page-derived). The marks are announced by screen readers through visually hidden prefixes.
 */
import { wordDiff } from '@/lib/diff/word-diff';

export interface WordDiffProps {
  before: string;
  after: string;
  /** Prefixes read by screen readers before marked runs (translated, e.g. "added:"). */
  labels: { inserted: string; deleted: string };
}

export function WordDiff({ before, after, labels }: WordDiffProps) {
  const marks = wordDiff(before, after);
  return (
    <span class="word-diff">
      {marks.map((m, i) =>
        m.op === 'equal' ? (
          <span key={i}>{m.text}</span>
        ) : m.op === 'insert' ? (
          <ins key={i} class="wd-ins">
            <span class="visually-hidden">{labels.inserted} </span>
            {m.text}
          </ins>
        ) : (
          <del key={i} class="wd-del">
            <span class="visually-hidden">{labels.deleted} </span>
            {m.text}
          </del>
        ),
      )}
    </span>
  );
}
