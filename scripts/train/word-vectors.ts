/**
 * Domain word vectors for the `vectors` feature sets (issue 22, model v2 (b)):
 * `npx tsx scripts/train/word-vectors.ts` builds the unlabelled embedding corpus (scripts/train/embedding-corpus.ts:
 * every English policy except the final-test groups' documents, no labels) in a work directory outside the
 * repository, learns skip-gram vectors with Debian's `fasttext` (one thread and a fixed seed, so a rerun gives
 * the same file), keeps the words that matter and writes them int8 to data/vectors/word-vectors.json: word
 * hashes and numbers, no text.
 *
 * Which words are kept: the `maxWords` most frequent words of the embedding corpus among those found on at
 * most `maxLineShare` of its lines, placeholders ("znumz") left out. Function words on every other line name no
 * topic and would pull every clause's mean vector towards the same point; rare words have poor vectors and
 * seldom occur on a page; the count keeps the shipped model within its size budget.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../../lib/classify/features';
import type { WordVectorsFile } from '../../lib/classify/embedding';
import { corpusDir } from '../corpus';
import { embeddingLines } from './embedding-corpus';
import { readFinalTest } from './eval-data';

export const VECTORS_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/vectors/word-vectors.json',
);

let vectorsCache: WordVectorsFile | undefined;

/**
 * The committed vectors, only the fields a model file carries (not their provenance). One file serves every
 * cross-validation fold: it was learned without labels and without the final-test groups' documents, so no
 * fold's test clauses taught it anything a label could leak through.
 */
export function committedVectors(): WordVectorsFile {
  if (vectorsCache) return vectorsCache;
  if (!existsSync(VECTORS_PATH))
    throw new Error(`${VECTORS_PATH} is missing: run npx tsx scripts/train/word-vectors.ts`);
  const { dim, hashes, vectors, scale } = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as WordVectorsFile;
  return (vectorsCache = { dim, hashes, vectors, scale });
}

export interface VectorOptions {
  dim: number;
  epochs: number;
  /** fasttext `-minCount`: words seen fewer times get no vector. */
  minCount: number;
  seed: number;
  maxWords: number;
  maxLineShare: number;
}

export const DEFAULT_VECTORS: VectorOptions = {
  dim: 32,
  epochs: 5,
  minCount: 5,
  seed: 20261207,
  maxWords: 6000,
  maxLineShare: 0.1,
};

/** The committed file: the vectors and how they were made. */
export interface VectorsArtifact extends WordVectorsFile {
  provenance: {
    command: string;
    options: VectorOptions;
    documents: number;
    excludedFinalTestDocuments: number;
    lines: number;
    tokens: number;
    words: number;
  };
}

/** Per word: how often it occurs, and on how many lines. */
export function wordCounts(lines: readonly string[]): Map<string, { count: number; lines: number }> {
  const out = new Map<string, { count: number; lines: number }>();
  for (const line of lines) {
    const seen = new Set<string>();
    for (const w of line.split(' ')) {
      const c = out.get(w) ?? { count: 0, lines: 0 };
      c.count++;
      if (!seen.has(w)) {
        c.lines++;
        seen.add(w);
      }
      out.set(w, c);
    }
  }
  return out;
}

/** The words kept (see the module comment), most frequent first; ties by the word, for a stable file. */
export function keptWords(
  counts: ReadonlyMap<string, { count: number; lines: number }>,
  totalLines: number,
  o: Pick<VectorOptions, 'maxWords' | 'maxLineShare'>,
): string[] {
  return [...counts]
    .filter(([w, c]) => w !== 'znumz' && c.lines <= o.maxLineShare * totalLines)
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxWords)
    .map(([w]) => w);
}

/** fasttext's text output (`<n> <dim>` header, then one `word v1 … vdim` line per word). */
export function parseVec(text: string): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const lines = text.split('\n');
  const dim = Number(lines[0]!.trim().split(' ')[1]);
  for (const line of lines.slice(1)) {
    const parts = line.trim().split(' ');
    if (parts.length !== dim + 1) continue;
    out.set(parts[0]!, Float64Array.from(parts.slice(1), Number));
  }
  return out;
}

/**
 * The vectors of `words` (in that order, so a hash shared by two words keeps the first, more frequent one),
 * each scaled to unit length (the pooled mean then weighs every word alike), int8 with one scale, sorted by
 * word hash. Words without a vector are skipped.
 */
export function quantiseVectors(
  words: readonly string[],
  vectors: ReadonlyMap<string, Float64Array>,
  dim: number,
): WordVectorsFile {
  const rows: Array<[number, Float64Array]> = [];
  const taken = new Set<number>();
  for (const w of words) {
    const v = vectors.get(w);
    const h = fnv1a(w);
    if (!v || v.length !== dim || taken.has(h)) continue;
    let norm = 0;
    for (const x of v) norm += x * x;
    if (norm === 0) continue;
    taken.add(h);
    rows.push([h, v.map((x) => x / Math.sqrt(norm))]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  let max = 0;
  for (const [, v] of rows) for (const x of v) max = Math.max(max, Math.abs(x));
  const scale = max === 0 ? 1 : max / 127;
  const hashes = Buffer.alloc(rows.length * 4);
  const data = new Int8Array(rows.length * dim);
  rows.forEach(([h, v], r) => {
    hashes.writeUInt32LE(h, r * 4);
    for (let d = 0; d < dim; d++) data[r * dim + d] = Math.round(v[d]! / scale);
  });
  return {
    dim,
    hashes: hashes.toString('base64'),
    vectors: Buffer.from(data.buffer).toString('base64'),
    scale: Number(scale.toPrecision(8)),
  };
}

/** Build the corpus, run fasttext, and return the artifact (throws clearly when fasttext is missing). */
export function learnWordVectors(
  corpus: string,
  work: string,
  o: VectorOptions = DEFAULT_VECTORS,
): VectorsArtifact {
  const probe = spawnSync('fasttext', [], { encoding: 'utf8' });
  if (probe.error)
    throw new Error(
      'word vectors need the `fasttext` command (Debian: apt-get install fasttext); it was not found on PATH',
    );
  mkdirSync(work, { recursive: true });
  const built = embeddingLines(corpus, readFinalTest());
  const input = join(work, 'embedding-corpus.txt');
  writeFileSync(input, `${built.lines.join('\n')}\n`);
  const output = join(work, 'vectors');
  // One thread: fasttext's multi-threaded updates race, so only a single thread reproduces the file.
  const args = ['skipgram', '-input', input, '-output', output, '-dim', String(o.dim)];
  args.push('-epoch', String(o.epochs), '-minCount', String(o.minCount), '-seed', String(o.seed));
  args.push('-thread', '1', '-verbose', '1');
  const run = spawnSync('fasttext', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`fasttext exited with ${run.status ?? run.signal}`);
  const vectors = parseVec(readFileSync(`${output}.vec`, 'utf8'));
  const words = keptWords(wordCounts(built.lines), built.lines.length, o);
  const file = quantiseVectors(words, vectors, o.dim);
  return {
    ...file,
    provenance: {
      command: 'npx tsx scripts/train/word-vectors.ts',
      options: o,
      documents: built.documents,
      excludedFinalTestDocuments: built.excluded,
      lines: built.lines.length,
      tokens: built.tokens,
      words: Buffer.from(file.hashes, 'base64').length / 4,
    },
  };
}

/** Learn the vectors and write the committed file. */
export function writeWordVectors(corpus: string = corpusDir()): VectorsArtifact {
  const work = process.env.FINEPRINT_VECTORS_WORK ?? join(tmpdir(), 'fineprint-word-vectors');
  const artifact = learnWordVectors(corpus, work);
  mkdirSync(dirname(VECTORS_PATH), { recursive: true });
  writeFileSync(VECTORS_PATH, `${JSON.stringify(artifact)}\n`);
  vectorsCache = undefined;
  return artifact;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const a = writeWordVectors();
  const bytes = readFileSync(VECTORS_PATH).length;
  console.log(
    `${a.provenance.words} words × ${a.dim} dims from ${a.provenance.tokens} tokens (${a.provenance.lines} lines, ${a.provenance.documents} documents, ${a.provenance.excludedFinalTestDocuments} final-test documents left out) in ${((Date.now() - started) / 1000).toFixed(0)} s; ${VECTORS_PATH}: ${(bytes / 1024).toFixed(0)} KB`,
  );
}
