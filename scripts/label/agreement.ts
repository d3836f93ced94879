/**
 * Agreement between labelling passes.
 * Guide v2 (two independent passes, A and B, on the same unit ids):
 *   tsx scripts/label/agreement.ts sample-b <shard> [fraction=0.15]
 *       writes shards/<shard>.passB.jsonl: the AI-worded units of the shard whose SHA-256("pass B:" + id)
 *       falls in the lowest `fraction` — a random sample fixed by the ids, drawn without looking at pass A
 *   tsx scripts/label/agreement.ts kappa
 *       Cohen's κ between data/agreement/<shard>.passA.jsonl and .passB.jsonl (written by apply-decisions):
 *       per category presence, ai-training stance, hard negatives; writes docs/labels-agreement.md
 * Guide v1 (intra-annotator check):
 *   tsx scripts/label/agreement.ts sample <n> <seed>   prints the texts (no labels) and saves the sample in /tmp
 *   tsx scripts/label/agreement.ts score <decisions>   per-category agreement and Cohen's kappa vs the stored labels
 * The v1 sample is stratified: half from texts with at least one label, half from texts with none.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusDir } from '../corpus';
import { CATEGORY_IDS } from '../../lib/classify/taxonomy';
import {
  cohenKappa,
  formatAgreement,
  isAiWorded,
  LABELS_DIR,
  loadLabels,
  passAgreement,
  type LabelledItem,
  type LabelRecord,
} from '../dataset';
import { AGREEMENT_DIR } from './apply-decisions';
import { inPassB } from './agreement-sample';
import { BATCH_DIR, batchPath, parseDecisions } from './batch-io';
import { readShard } from './check-decisions';
import { SCRATCH } from './ota-pool';

interface Sampled {
  i: number;
  hash: string;
  text: string;
  leadIn?: string;
  section: string;
  stored: string[];
}

const key = (l: { category: string; stance: string }): string => `${l.category}/${l.stance}`;

function sample(n: number, seed: number): void {
  const byHash = new Map<string, LabelledItem>();
  for (const it of loadLabels(corpusDir()).items)
    if (!it.reviewed && !it.use && !byHash.has(it.ref.hash)) byHash.set(it.ref.hash, it);
  let rng = seed >>> 0 || 1;
  const rand = (): number => (rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const shuffle = <T>(xs: T[]): T[] =>
    xs
      .map((x) => [rand(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map((p) => p[1]);
  const all = [...byHash.values()];
  const pos = shuffle(all.filter((i) => i.labels.length)).slice(0, Math.ceil(n / 2));
  const neg = shuffle(all.filter((i) => !i.labels.length)).slice(0, Math.floor(n / 2));
  const picked: Sampled[] = shuffle([...pos, ...neg]).map((it, i) => ({
    i,
    hash: it.ref.hash,
    text: it.text,
    leadIn: it.leadIn,
    section: it.section,
    stored: it.labels.map(key),
  }));
  writeFileSync(batchPath('agreement'), JSON.stringify(picked));
  for (const p of picked)
    console.log(
      `[${p.i}] {${p.section.split(' › ').pop()?.slice(0, 50)}}${p.leadIn ? ` <${p.leadIn.slice(-90)}>` : ''} ${p.text}`,
    );
}

const kappa = (a: boolean[], b: boolean[]): number => cohenKappa(a.map(String), b.map(String));

function score(decisionsFile: string): void {
  const picked = JSON.parse(readFileSync(join(BATCH_DIR, 'batch-agreement.json'), 'utf8')) as Sampled[];
  const decisions = parseDecisions(readFileSync(decisionsFile, 'utf8'), picked.length);
  const again = picked.map((p) => (decisions.get(p.i)?.labels ?? []).map(key));
  const exact = picked.filter((p, i) => [...p.stored].sort().join() === [...again[i]!].sort().join()).length;
  console.log(
    `texts ${picked.length} · identical label sets ${exact} (${((100 * exact) / picked.length).toFixed(1)} %)`,
  );
  console.log('category                 stored  again  both  agree%  kappa(presence)  stance-agree');
  for (const c of CATEGORY_IDS) {
    const s = picked.map((p) => p.stored.find((k) => k.startsWith(c + '/')));
    const a = again.map((ls) => ls.find((k) => k.startsWith(c + '/')));
    const sp = s.map(Boolean);
    const ap = a.map(Boolean);
    const both = s.filter((x, i) => x && a[i]).length;
    const stanceAgree = s.filter((x, i) => x && a[i] && x === a[i]).length;
    const agree = sp.filter((x, i) => x === ap[i]).length;
    console.log(
      `${c.padEnd(24)} ${String(sp.filter(Boolean).length).padStart(6)} ${String(ap.filter(Boolean).length).padStart(6)} ${String(both).padStart(5)} ${((100 * agree) / picked.length).toFixed(1).padStart(7)} ${kappa(sp, ap).toFixed(2).padStart(16)} ${`${stanceAgree}/${both}`.padStart(13)}`,
    );
  }
  for (const [i, p] of picked.entries()) {
    const x = [...p.stored].sort().join(' ');
    const y = [...again[i]!].sort().join(' ');
    if (x !== y) console.log(`  [${i}] stored: ${x || '-'} | again: ${y || '-'}`);
  }
}

function sampleB(shard: string, fraction: number): void {
  const items = readShard(join(SCRATCH, 'shards', `${shard}.jsonl`));
  const picked = items.filter((i) => isAiWorded(i.text) && inPassB(i.id, fraction));
  const out = join(SCRATCH, 'shards', `${shard}.passB.jsonl`);
  writeFileSync(out, picked.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const aiWorded = items.filter((i) => isAiWorded(i.text)).length;
  console.log(`${out}: ${picked.length} of ${aiWorded} AI-worded units (${items.length} in the shard)`);
}

function readRecords(path: string): LabelRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelRecord);
}

function kappaReport(): void {
  const pairs: { a: LabelRecord; b: LabelRecord }[] = [];
  const files = existsSync(AGREEMENT_DIR) ? readdirSync(AGREEMENT_DIR).sort() : [];
  for (const f of files.filter((x) => x.endsWith('.passB.jsonl'))) {
    const aFile = join(AGREEMENT_DIR, f.replace('.passB.', '.passA.'));
    const a = new Map(readRecords(aFile).map((r) => [`${r.doc}@${r.start}-${r.end}#${r.hash}`, r]));
    for (const b of readRecords(join(AGREEMENT_DIR, f))) {
      const ra = a.get(`${b.doc}@${b.start}-${b.end}#${b.hash}`);
      if (ra) pairs.push({ a: ra, b });
    }
  }
  let aiWorded = 0;
  for (const name of ['ai-v2.jsonl', 'sectors-v2.jsonl']) {
    const path = join(LABELS_DIR, name);
    if (!existsSync(path)) continue;
    const loaded = loadLabels(corpusDir(), [path]);
    aiWorded += loaded.items.filter((i) => isAiWorded(i.text)).length;
  }
  const result = passAgreement(pairs);
  const md = formatAgreement(result, { shards: files.filter((x) => x.endsWith('.passB.jsonl')), aiWorded });
  const out = resolve(LABELS_DIR, '../../docs/labels-agreement.md');
  writeFileSync(out, md);
  console.log(md);
  console.log(`written ${out}`);
}

const [cmd, a1, a2] = process.argv.slice(2);
if (cmd === 'sample') sample(Number(a1 ?? 100), Number(a2 ?? 7));
else if (cmd === 'score' && a1) score(a1);
else if (cmd === 'sample-b' && a1) sampleB(a1, Number(a2 ?? 0.15));
else if (cmd === 'kappa') kappaReport();
else
  throw new Error(
    'usage: agreement sample-b <shard> [fraction] | agreement kappa | agreement sample <n> <seed> | agreement score <decisions>',
  );
