/**
 * `npx tsx scripts/gate-evidence.ts <base-rev> [--ota] [--text]`: the evidence a category gate or stance rule
 * needs (see lib/classify/rules/gates.ts), with the shipped model, this checkout's lib/ against `base-rev`'s.
 * Over every cross-validation clause (own labels resolved by loadEvalData; final-test groups are left out and
 * never read): gold labels of a category this checkout gates and the base did not, painted labels removed
 * (and whether the gold has that category), stance changes against the gold, labels added. With `--ota`, also
 * the painted labels removed or re-stanced over the English ota/ privacy policies and terms of the services
 * outside the final-test groups (mostly unlabelled: the model's out-of-sample view). Clauses are named by
 * document and offsets or hash; `--text` adds their text, on the terminal only — never write it to the repo.
 * @module
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Label } from '../lib/types';
import { asciiPunctuation } from '../lib/ascii-punctuation';
import { foldClause } from '../lib/classify/fold-text';
import { labelClause } from '../lib/classify/classifier';
import { bundledModel } from '../lib/classify';
import { gatedOut } from '../lib/classify/rules/gates';
import { analyzeText } from '../lib/pipeline';
import { corpusDir } from './corpus';
import { serviceGroup } from './dataset';
import { englishPolicyDocuments } from './ota-documents';
import { asClause } from './train/cross-validate';
import { loadEvalData, readFinalTest } from './train/eval-data';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** `rev`'s lib/ (and the locales it imports) in a temporary directory, importable beside this checkout's. */
function baseCheckout(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-evidence-'));
  execSync(`git archive ${rev} lib public/_locales tsconfig.json | tar -x -C ${dir}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rev = args.find((a) => !a.startsWith('--'));
  if (!rev) throw new Error('usage: gate-evidence <base-rev> [--ota] [--text]');
  const text = args.includes('--text');
  const base = baseCheckout(rev);
  const b = {
    label: (await import(join(base, 'lib/classify/classifier.ts'))).labelClause as typeof labelClause,
    model: (await import(join(base, 'lib/classify/index.ts'))).bundledModel as typeof bundledModel,
    gated: (await import(join(base, 'lib/classify/rules/gates.ts'))).gatedOut as typeof gatedOut,
    analyze: (await import(join(base, 'lib/pipeline.ts'))).analyzeText as typeof analyzeText,
  };
  const show = (t: string) => (text ? `\n      ${t.slice(0, 300)}` : '');
  const corpus = corpusDir();
  const { cv } = loadEvalData(corpus);
  const model = bundledModel();
  const baseModel = b.model();
  const goldRemoved: string[] = [];
  const removed: string[] = [];
  const restanced: string[] = [];
  const added: string[] = [];
  let removedWithGold = 0;
  let stanceRightBefore = 0;
  let stanceRightAfter = 0;
  cv.forEach((it, i) => {
    const clause = asClause(it, i);
    const folded = foldClause(clause);
    const plain = asciiPunctuation(folded.text);
    const leadIn = folded.leadIn ? asciiPunctuation(folded.leadIn) : undefined;
    const ref = `${it.ref.doc}@${it.ref.start}-${it.ref.end}#${it.ref.hash}`;
    for (const l of it.labels)
      if (gatedOut(l.category, plain, leadIn) && !b.gated(l.category, plain, leadIn))
        goldRemoved.push(`${l.category}/${l.stance} ${ref}${show(it.text)}`);
    const gold = new Map(it.labels.map((l) => [l.category, l.stance]));
    const before = b.label(clause, baseModel, {}, it.prev);
    const after = labelClause(clause, model, {}, it.prev);
    for (const l of before) {
      const now = after.find((x) => x.category === l.category);
      const g = gold.get(l.category);
      if (!now) {
        if (g) removedWithGold++;
        removed.push(`${l.category}/${l.stance} gold=${g ?? '-'} ${ref}${show(it.text)}`);
      } else if (now.stance !== l.stance) {
        if (g === l.stance) stanceRightBefore++;
        if (g === now.stance) stanceRightAfter++;
        restanced.push(`${l.category} ${l.stance}->${now.stance} gold=${g ?? '-'} ${ref}${show(it.text)}`);
      }
    }
    for (const l of after)
      if (!before.some((x) => x.category === l.category)) added.push(`${l.category}/${l.stance} ${ref}`);
  });
  const list = (title: string, rows: string[]) => {
    console.log(`${title}: ${rows.length}`);
    for (const r of rows) console.log(`  ${r}`);
  };
  console.log(`cross-validation clauses: ${cv.length} (base ${rev})`);
  list('gold labels newly gated', goldRemoved);
  list(`painted labels removed (gold has the category: ${removedWithGold})`, removed);
  list(`stance changes (matching gold before ${stanceRightBefore}, after ${stanceRightAfter})`, restanced);
  list('labels added', added);
  if (args.includes('--ota')) otaChanges(corpus, b.analyze, show);
  rmSync(base, { recursive: true, force: true });
}

/** Painted labels removed or re-stanced per category × stance over ota/ documents outside the final test. */
function otaChanges(corpus: string, baseAnalyze: typeof analyzeText, show: (t: string) => string): void {
  const finalTest = new Set(readFinalTest().final_test);
  const docs = englishPolicyDocuments(corpus).filter((d) => !finalTest.has(serviceGroup(d.service)));
  const changes = new Map<string, string[]>();
  let painted = 0;
  const note = (key: string, row: string) => changes.set(key, [...(changes.get(key) ?? []), row]);
  for (const d of docs) {
    const path = join(corpus, d.file);
    if (!existsSync(path)) continue;
    const md = readFileSync(path, 'utf8');
    const before = baseAnalyze(md, { format: 'markdown' });
    // Clause ids, not texts: a document repeats sentences, and their context (and labels) can differ.
    const after = new Map(analyzeText(md, { format: 'markdown' }).clauses.map((c) => [c.id, c]));
    for (const c of before.clauses) {
      painted += c.labels.length;
      const now = after.get(c.id);
      for (const l of c.labels) {
        const m: Label | undefined = now?.labels.find((x) => x.category === l.category);
        if (!m) note(`removed ${l.category}/${l.stance}`, `${d.file} ${c.id}${show(c.text)}`);
        else if (m.stance !== l.stance)
          note(`stance ${l.category} ${l.stance}->${m.stance}`, `${d.file} ${c.id}${show(c.text)}`);
      }
    }
  }
  console.log(`ota/ documents outside the final test: ${docs.length}, base painted labels ${painted}`);
  for (const [key, rows] of changes) {
    console.log(`${key}: ${rows.length}`);
    for (const r of rows) console.log(`  ${r}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
