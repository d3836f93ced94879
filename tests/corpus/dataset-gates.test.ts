/**
 * The labelled clause dataset against the real corpus: every reference resolves, the issue-3 gates hold, and
 * no record carries corpus text.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  BY_PATTERN,
  datasetStats,
  EVAL_ONLY_DIR,
  labelFiles,
  loadLabels,
  type LoadedLabels,
} from '../../scripts/dataset';
import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('labelled clause dataset', () => {
  let loaded: LoadedLabels;
  const get = (): LoadedLabels => (loaded ??= loadLabels(CORPUS));

  it('resolves every reference (no missing file, bad offsets or hash mismatch)', () => {
    expect(get().unresolved.slice(0, 5)).toEqual([]);
  });

  it('names only a guide version and a pass (or a mapping rule) in every `by` field, never a tool or model', () => {
    const bad: string[] = [];
    for (const f of labelFiles())
      for (const [i, line] of readFileSync(f, 'utf8').split('\n').entries()) {
        if (!line.trim()) continue;
        const by = (JSON.parse(line) as { by?: unknown }).by;
        if (typeof by !== 'string' || !BY_PATTERN.test(by)) bad.push(`${f.split('/').pop()}:${i + 1} ${by}`);
      }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('meets the size gates: ≥ 3000 clauses from ≥ 40 documents of ≥ 25 services', () => {
    const s = datasetStats(get());
    expect(s.clauses).toBeGreaterThanOrEqual(3000);
    expect(s.documents).toBeGreaterThanOrEqual(40);
    expect(s.services).toBeGreaterThanOrEqual(25);
  });

  it('has ≥ 400 hard negatives', () => {
    expect(datasetStats(get()).hardNegatives).toBeGreaterThanOrEqual(400);
  });

  it('meets the gate of ≥ 400 ai-training clauses (any stance)', () => {
    expect(datasetStats(get()).aiTrainingPositives).toBeGreaterThanOrEqual(400);
  });

  // Issue 22 targets (data/GUIDE.md §9), each kept visible as `it.fails` until met; when one starts failing it has
  // been met and must become a plain `it`.
  const v2 = (): LoadedLabels['items'] =>
    get().items.filter((i) => !i.reviewed && !i.use && i.by.startsWith('guide v2'));
  it.fails(
    'TARGET NOT MET: ≥ 1,000 ai-training records with a stance, from ≥ 100 service groups, ≥ 600 distinct texts',
    () => {
      const s = datasetStats(get());
      expect(s.aiTrainingStated).toBeGreaterThanOrEqual(1000);
      expect(s.aiTrainingStatedGroups).toBeGreaterThanOrEqual(100);
      expect(s.aiTrainingStatedDistinct).toBeGreaterThanOrEqual(600);
    },
  );

  it('meets the issue-22 target of ≥ 800 AI-worded hard negatives', () => {
    expect(datasetStats(get()).aiWordedHardNegatives).toBeGreaterThanOrEqual(800);
  });

  it('meets the issue-22 target: all categories labelled on ≥ 40 documents from lacking sectors', () => {
    const docs = new Set(
      v2()
        .filter((i) => i.ref.file === 'sectors-v2.jsonl')
        .map((i) => i.ref.doc),
    );
    expect(docs.size).toBeGreaterThanOrEqual(40);
  });

  it('has every ai-training stance represented, including denials and user prohibitions', () => {
    const s = datasetStats(get());
    for (const stance of ['permits', 'denies', 'user-prohibited', 'unclear'] as const)
      expect(s.byCategory['ai-training'][stance], stance).toBeGreaterThan(0);
  });

  it('validates the mapped CLAUDETTE records: partial review, CC BY 4.0, only the two mapped categories', () => {
    const mapped = get().items.filter((i) => i.by === 'CLAUDETTE mapping, guide v1');
    expect(mapped.length).toBeGreaterThan(0);
    for (const m of mapped) {
      expect(m.reviewed).toEqual(['arbitration', 'unilateral-change']);
      expect(m.licence).toBe('CC-BY-4.0');
      for (const l of m.labels) expect(['arbitration', 'unilateral-change']).toContain(l.category);
    }
  });

  it('keeps eval-only records in data/eval-only and nowhere else, so the folder shows the licence', () => {
    for (const f of labelFiles()) {
      const inEvalOnly = f.startsWith(EVAL_ONLY_DIR);
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const use = (JSON.parse(line) as { use?: string }).use;
        expect(use === 'eval-only', `${f.split('/').pop()}: use ${use}`).toBe(inEvalOnly);
      }
    }
  });

  it('keeps OPP-115 pages out of the training pool and marks them eval-only', () => {
    for (const item of get().items) {
      const isOpp = item.ref.doc.includes('opp115-2015__') || item.ref.doc.startsWith('labels/OPP-115/');
      expect(item.use === 'eval-only', item.ref.doc).toBe(isOpp);
    }
  });

  it('stores references, never corpus text: no long field, and no clause text inside its record', () => {
    const files = labelFiles();
    expect(files.length).toBeGreaterThan(0);
    const lineOf = new Map<string, string[]>();
    for (const f of files) lineOf.set(f.split('/').pop()!, readFileSync(f, 'utf8').split('\n'));
    for (const lines of lineOf.values()) {
      for (const line of lines) {
        if (!line.trim()) continue;
        const rec = JSON.parse(line) as Record<string, unknown>;
        for (const [k, v] of Object.entries(rec)) {
          if (k === 'doc') continue;
          if (typeof v === 'string')
            expect(v.length, `${k} in ${line.slice(0, 80)}`).toBeLessThanOrEqual(200);
        }
      }
    }
    for (const item of get().items) {
      if (item.text.length < 40) continue;
      const line = lineOf.get(item.ref.file)![item.ref.line - 1]!;
      expect(line.toLowerCase().includes(item.text.toLowerCase().slice(0, 60)), item.ref.doc).toBe(false);
    }
  });
});
