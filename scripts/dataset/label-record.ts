/**
 * The label record: one JSONL line of data/labels/*.jsonl. A record points at a clause by document, offsets and
 * hash and never contains the clause text (the corpus texts belong to their publishers). See data/GUIDE.md.
 * @module
 */
import { isCategoryId, isStance, type CategoryId, type Stance } from '../../lib/classify/taxonomy';

export interface RecordLabel {
  category: CategoryId;
  stance: Stance;
}

export interface LabelRecord {
  /** Path relative to the corpus directory, with forward slashes. */
  doc: string;
  /** Which text the offsets index into: "raw" (the file's UTF-8 text) or "v1" (scripts/dataset/html-block-text). */
  extractor: string;
  start: number;
  end: number;
  /** First 16 hex of sha256 of the normalised clean clause text (scripts/dataset/clause-text). */
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
  /**
   * Which guide and which pass produced the labels ("guide v2, pass A"), or the mapping rule of a mapped
   * dataset ("CLAUDETTE mapping, guide v1"); never a person's, tool's or model's name ({@link BY_PATTERN}).
   */
  by: string;
  /** Optional details of an ai-training label, from a fixed vocabulary (never corpus text): data/GUIDE.md §4.3. */
  slots?: AiTrainingSlots;
  /** Categories that were assessed, when not all of them were (mapped datasets). Absent: all categories. */
  reviewed?: CategoryId[];
  /** "eval-only" for records that must never be trained on (OPP-115). Absent: usable for training. */
  use?: 'eval-only';
  /** For sentence-per-line sources (CLAUDETTE): the 0-based line index of the sentence. */
  sentence_index?: number;
}

/** Slot values of an ai-training label (data/GUIDE.md §4.3). */
export const SLOT_VALUES = {
  data: ['content', 'chats', 'voice', 'feedback', 'activity', 'public-data', 'personal-data', 'unspecified'],
  choice: ['opt-in', 'opt-out', 'object', 'none', 'unspecified'],
  default: ['on', 'off', 'unspecified'],
  scope: ['all', 'excludes-business', 'excludes-feature', 'subset-only', 'unspecified'],
  actor: ['company', 'affiliates', 'recipients', 'unspecified'],
} as const;

export type AiTrainingSlots = { [K in keyof typeof SLOT_VALUES]?: (typeof SLOT_VALUES)[K][number] };

/**
 * The only shapes `by` may take: a guide version and a labelling pass, or a named mapping rule with the guide
 * version it maps into. A record that names an annotator, a tool or a model is invalid.
 */
export const BY_PATTERN = /^(?:guide v\d+, pass [AB]|[A-Z][A-Za-z0-9-]* mapping, guide v\d+)$/;

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
  if (typeof r.by === 'string' && !BY_PATTERN.test(r.by))
    problems.push('"by" must be "guide vN, pass A|B" or "<Source> mapping, guide vN"');
  if (r.slots !== undefined) problems.push(...slotProblems(r.slots));
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

function slotProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['"slots" must be an object'];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const allowed = (SLOT_VALUES as Record<string, readonly string[]>)[k];
    if (!allowed) problems.push(`unknown slot "${k}"`);
    else if (typeof v !== 'string' || !allowed.includes(v))
      problems.push(`slot "${k}" must be one of ${allowed.join(', ')}`);
  }
  return problems;
}
