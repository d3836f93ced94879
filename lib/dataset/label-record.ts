/**
 * The label record: one JSONL line of data/labels/*.jsonl. A record points at a clause by document, offsets and
 * hash and never contains the clause text (the corpus texts belong to their publishers). See data/GUIDE.md.
 * @module
 */
import { isCategoryId, isStance, type CategoryId, type Stance } from '../classify/taxonomy';

export interface RecordLabel {
  category: CategoryId;
  stance: Stance;
}

export interface LabelRecord {
  /** Path relative to the corpus directory, with forward slashes. */
  doc: string;
  /** Which text the offsets index into: "raw" (the file's UTF-8 text) or "v1" (lib/dataset/html-block-text). */
  extractor: string;
  start: number;
  end: number;
  /** First 16 hex of sha256 of the normalised clean clause text (lib/dataset/clause-text). */
  hash: string;
  /** Offsets of the sentence introducing the list, for list items whose meaning depends on it. */
  lead_in?: [number, number];
  /** Heading path joined with " › " (headings only, truncated). */
  section: string;
  service: string;
  licence: string;
  /** Every category that applies; `[]` means reviewed and none applies. */
  labels: RecordLabel[];
  hard_negative: boolean;
  /** Who or what produced the labels. */
  by: string;
  /** Categories that were assessed, when not all of them were (mapped datasets). Absent: all categories. */
  reviewed?: CategoryId[];
  /** "eval-only" for records that must never be trained on (OPP-115). Absent: usable for training. */
  use?: 'eval-only';
  /** For sentence-per-line sources (CLAUDETTE): the 0-based line index of the sentence. */
  sentence_index?: number;
}

const HEX16 = /^[0-9a-f]{16}$/;

/**
 * Check the shape of a parsed JSON value as a label record. Returns the problems found (empty when valid), so
 * the loader can report a bad line instead of throwing or silently dropping it.
 */
export function recordProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['not a JSON object'];
  const r = value as Record<string, unknown>;
  const problems: string[] = [];
  const str = (k: string): void => {
    if (typeof r[k] !== 'string' || !(r[k] as string).length)
      problems.push(`"${k}" must be a non-empty string`);
  };
  for (const k of ['doc', 'extractor', 'hash', 'service', 'licence', 'by']) str(k);
  if (typeof r.section !== 'string') problems.push('"section" must be a string');
  if (typeof r.hash === 'string' && !HEX16.test(r.hash))
    problems.push('"hash" must be 16 lower-case hex digits');
  if (
    !Number.isInteger(r.start) ||
    !Number.isInteger(r.end) ||
    (r.start as number) < 0 ||
    (r.end as number) <= (r.start as number)
  )
    problems.push('"start"/"end" must be integers with 0 <= start < end');
  if (typeof r.hard_negative !== 'boolean') problems.push('"hard_negative" must be a boolean');
  if (!Array.isArray(r.labels)) problems.push('"labels" must be an array');
  else
    r.labels.forEach((l: unknown, i) => {
      const o = l as Record<string, unknown> | null;
      if (!o || !isCategoryId(o.category) || !isStance(o.stance))
        problems.push(`labels[${i}] needs a known category and stance`);
    });
  if (r.lead_in !== undefined) {
    const li = r.lead_in;
    if (!Array.isArray(li) || li.length !== 2 || !li.every(Number.isInteger) || li[0] < 0 || li[1] <= li[0])
      problems.push('"lead_in" must be [start, end]');
  }
  if (r.reviewed !== undefined && (!Array.isArray(r.reviewed) || !r.reviewed.every(isCategoryId)))
    problems.push('"reviewed" must list known categories');
  if (r.use !== undefined && r.use !== 'eval-only') problems.push('"use" must be "eval-only" when present');
  if (typeof r.doc === 'string' && (r.doc.startsWith('/') || r.doc.split('/').includes('..')))
    problems.push('"doc" must be a path inside the corpus');
  return problems;
}
