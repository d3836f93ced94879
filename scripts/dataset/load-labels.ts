/**
 * Resolve label records against the corpus: read each referenced document, re-derive its source text, slice the
 * clause and check its hash. References that cannot be resolved are reported, never silently dropped.
 * @module
 */
import { cleanClauseText, clauseHash } from './clause-text';
import { recordProblems, type LabelRecord, type RecordLabel } from './label-record';
import { sourceText } from './source-text';

/** Reads a file by absolute path; returns null when it does not exist. Injected so tests need no real corpus. */
export type ReadBytes = (absolutePath: string) => Uint8Array | null;

/** Lists the `.jsonl` label files to load (absolute paths) and reads them as text. */
export interface LabelSource {
  name: string;
  text: string;
}

export interface LabelRef {
  /** Label file name and 1-based line. */
  file: string;
  line: number;
  doc: string;
  start: number;
  end: number;
  hash: string;
}

export interface LabelledItem {
  ref: LabelRef;
  /** Which text the offsets index into (the record's `extractor`). */
  extractor: string;
  /** Clean clause text (markup stripped, whitespace collapsed). */
  text: string;
  leadIn?: string;
  section: string;
  service: string;
  licence: string;
  labels: RecordLabel[];
  hardNegative: boolean;
  by: string;
  slots?: LabelRecord['slots'];
  reviewed?: LabelRecord['reviewed'];
  use?: LabelRecord['use'];
}

export type UnresolvedReason =
  'invalid-json' | 'invalid-record' | 'missing-file' | 'unreadable' | 'out-of-range' | 'hash-mismatch';

export interface Unresolved {
  file: string;
  line: number;
  doc?: string;
  reason: UnresolvedReason;
  detail: string;
}

export interface LoadedLabels {
  items: LabelledItem[];
  unresolved: Unresolved[];
}

function joinPath(dir: string, rel: string): string {
  return dir.replace(/[\\/]+$/, '') + '/' + rel;
}

/**
 * Resolve every record of the given label sources against the corpus at `corpusDir`.
 * @param corpusDir absolute corpus directory
 * @param sources label files as text (see {@link readLabelSources} for the default set)
 * @param readBytes file reader; returns null for a missing file
 */
export function resolveLabels(corpusDir: string, sources: LabelSource[], readBytes: ReadBytes): LoadedLabels {
  const items: LabelledItem[] = [];
  const unresolved: Unresolved[] = [];
  const texts = new Map<string, string | Error | null>();

  const docText = (doc: string, extractor: string): string | Error | null => {
    const key = `${extractor}\u0000${doc}`;
    if (!texts.has(key)) {
      const bytes = readBytes(joinPath(corpusDir, doc));
      try {
        texts.set(key, bytes ? sourceText(bytes, extractor) : null);
      } catch (e) {
        texts.set(key, e instanceof Error ? e : new Error(String(e)));
      }
    }
    return texts.get(key)!;
  };

  for (const source of sources) {
    const lines = source.text.split('\n');
    lines.forEach((rawLine, idx) => {
      const line = idx + 1;
      if (!rawLine.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(rawLine);
      } catch (e) {
        unresolved.push({ file: source.name, line, reason: 'invalid-json', detail: (e as Error).message });
        return;
      }
      const problems = recordProblems(value);
      if (problems.length) {
        const doc = (value as { doc?: unknown })?.doc;
        unresolved.push({
          file: source.name,
          line,
          doc: typeof doc === 'string' ? doc : undefined,
          reason: 'invalid-record',
          detail: problems.join('; '),
        });
        return;
      }
      const r = value as LabelRecord;
      const text = docText(r.doc, r.extractor);
      if (text === null) {
        unresolved.push({
          file: source.name,
          line,
          doc: r.doc,
          reason: 'missing-file',
          detail: `${r.doc} not found`,
        });
        return;
      }
      if (text instanceof Error) {
        unresolved.push({ file: source.name, line, doc: r.doc, reason: 'unreadable', detail: text.message });
        return;
      }
      if (r.end > text.length || (r.lead_in && r.lead_in[1] > text.length)) {
        unresolved.push({
          file: source.name,
          line,
          doc: r.doc,
          reason: 'out-of-range',
          detail: `offsets beyond the ${text.length}-character text`,
        });
        return;
      }
      const raw = text.slice(r.start, r.end);
      const actual = clauseHash(raw);
      if (actual !== r.hash) {
        unresolved.push({
          file: source.name,
          line,
          doc: r.doc,
          reason: 'hash-mismatch',
          detail: `expected ${r.hash}, text at ${r.start}-${r.end} hashes to ${actual}`,
        });
        return;
      }
      items.push({
        ref: { file: source.name, line, doc: r.doc, start: r.start, end: r.end, hash: r.hash },
        extractor: r.extractor,
        text: cleanClauseText(raw),
        leadIn: r.lead_in ? cleanClauseText(text.slice(r.lead_in[0], r.lead_in[1])) : undefined,
        section: r.section,
        service: r.service,
        licence: r.licence,
        labels: r.labels,
        hardNegative: r.hard_negative,
        by: r.by,
        slots: r.slots,
        reviewed: r.reviewed,
        use: r.use,
      });
    });
  }
  return { items, unresolved };
}
