/**
 * Classifier benchmark: throughput, time per 15,000-word policy, cold-start model parse, model size.
 * `benchClassifier()` returns rows for `npm run bench`; standalone: `npx tsx scripts/bench-classifier.ts`.
 * The policy is built from real corpus documents read in place (several privacy policies and terms,
 * concatenated to 15,000 words); without the corpus it says so and uses team-written sentences instead.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { corpusAvailable, corpusDir } from './corpus';
import { median } from './stats';
import { classifyWith } from '../lib/classify/classifier';
import { loadModel, type ModelFile } from '../lib/classify/model';
import type { Clause } from '../lib/types';

const MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../lib/classify/model.json');

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Budget the value is held to, when there is one. */
  budget?: number;
  pass?: boolean;
  note?: string;
}

const TARGET_WORDS = 15_000;

const TEAM_SENTENCES = [
  'We may use your posts and photos to train our machine learning models unless you opt out in settings.',
  'We share your information with service providers who process payments on our behalf.',
  'We do not sell your personal information.',
  'You may not use the service to train artificial intelligence models.',
  'We keep your messages for 30 days after you delete your account.',
  'Contact our support team if you have questions about this policy.',
];

function markdownSentences(text: string): string[] {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const clean = line.replace(/^\s*(?:[#>*-]+|\d+\.)\s*/, '').trim();
    if (!clean) continue;
    for (const s of seg.segment(clean)) if (s.segment.trim()) out.push(s.segment.trim());
  }
  return out;
}

/** About 15,000 words of clauses, from the corpus when present. */
export function benchPolicy(dir: string = corpusDir()): { clauses: Clause[]; words: number; source: string } {
  const sentences: string[] = [];
  let source = 'team-written sentences (corpus absent)';
  if (corpusAvailable(dir)) {
    const versions = join(dir, 'versions');
    const docs = readdirSync(versions)
      .filter((d) => !d.endsWith('__noise'))
      .sort()
      .flatMap((d) => {
        const files = readdirSync(join(versions, d))
          .filter((f) => f.endsWith('.md'))
          .sort();
        return files.length ? [join(versions, d, files[files.length - 1]!)] : [];
      });
    for (const f of docs) if (existsSync(f)) sentences.push(...markdownSentences(readFileSync(f, 'utf8')));
    source = `corpus versions/ (latest version of each of ${docs.length} documents, in name order)`;
  }
  const clauses: Clause[] = [];
  let words = 0;
  for (let i = 0; words < TARGET_WORDS; i++) {
    const text = sentences.length
      ? sentences[i % sentences.length]!
      : TEAM_SENTENCES[i % TEAM_SENTENCES.length]!;
    words += text.split(/\s+/).length;
    clauses.push({ id: `b${i}`, text, section: '', headingPath: [], block: i, unit: 'sentence' });
  }
  return { clauses, words, source };
}

/** Run the benchmark. `runs` ≥ 20 per the issue. */
export function benchClassifier(runs = 25): BenchRow[] {
  const raw = readFileSync(MODEL_PATH);
  const gz = gzipSync(raw, { level: 9 }).length;

  // Cold start: JSON parse + decode into the lookup map, as the background does once.
  const parseTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    loadModel(JSON.parse(raw.toString('utf8')) as ModelFile);
    parseTimes.push(performance.now() - t0);
  }
  const model = loadModel(JSON.parse(raw.toString('utf8')) as ModelFile);

  const { clauses, words, source } = benchPolicy();
  classifyWith(clauses, model); // warm-up (JIT), not counted
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    classifyWith(clauses, model);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const med = median(times);
  const cpuMed = median(cpuTimes);
  // On a shared machine wall time includes waiting for a core; CPU time is what the work costs.
  const load = loadavg()[0]!;
  return [
    {
      name: `classify ${words}-word policy (${clauses.length} clauses), median of ${runs}`,
      value: Number(med.toFixed(2)),
      unit: 'ms',
      budget: 30,
      pass: med <= 30,
      note: `${source}; load average ${load.toFixed(1)} on ${cpus().length} cores`,
    },
    {
      name: `classify ${words}-word policy, CPU time (user+system), median of ${runs}`,
      value: Number(cpuMed.toFixed(2)),
      unit: 'ms',
      budget: 30,
      pass: cpuMed <= 30,
    },
    { name: 'classifier throughput', value: Math.round(clauses.length / (med / 1000)), unit: 'sentences/s' },
    {
      name: 'model cold start (JSON parse + decode), median of 10',
      value: Number(median(parseTimes).toFixed(2)),
      unit: 'ms',
    },
    { name: 'model size raw', value: Number((raw.length / 1024).toFixed(1)), unit: 'KB' },
    {
      name: 'model size gzipped',
      value: Number((gz / 1024).toFixed(1)),
      unit: 'KB',
      budget: 1024,
      pass: gz <= 1024 * 1024,
    },
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of benchClassifier()) {
    const budget =
      r.budget !== undefined ? `  (budget ${r.budget} ${r.unit}: ${r.pass ? 'pass' : 'FAIL'})` : '';
    console.log(`${r.name}: ${r.value} ${r.unit}${budget}${r.note ? `  [${r.note}]` : ''}`);
  }
}
