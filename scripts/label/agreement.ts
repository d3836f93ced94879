/**
 * Intra-annotator agreement check: re-label a sample of already-labelled texts blind, then compare.
 *   tsx scripts/label/agreement.ts sample <n> <seed>   prints the texts (no labels) and saves the sample in /tmp
 *   tsx scripts/label/agreement.ts score <decisions>   per-category agreement and Cohen's kappa vs the stored labels
 * The sample is stratified: half from texts with at least one label, half from texts with none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../corpus';
import { CATEGORY_IDS } from '../../lib/classify/taxonomy';
import { loadLabels, type LabelledItem } from '../../lib/dataset';
import { BATCH_DIR, batchPath, parseDecisions } from './batch-io';

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

function kappa(a: boolean[], b: boolean[]): number {
  const n = a.length;
  const po = a.filter((x, i) => x === b[i]).length / n;
  const pa = a.filter(Boolean).length / n;
  const pb = b.filter(Boolean).length / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

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

const [cmd, a1, a2] = process.argv.slice(2);
if (cmd === 'sample') sample(Number(a1 ?? 100), Number(a2 ?? 7));
else if (cmd === 'score' && a1) score(a1);
else throw new Error('usage: agreement sample <n> <seed> | agreement score <decisions>');
