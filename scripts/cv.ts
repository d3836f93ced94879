/**
 * `npx tsx scripts/cv.ts [category] [--errors]`: 5-fold by-service cross-validation over the **training
 * services only** (the held-out services of scripts/train/splits.ts and the final-test groups of
 * data/splits/final-test.json are left out entirely), for
 * error analysis while changing features, rules or training options. The held-out split stays for the final
 * report (`npm run eval`). With `--errors`, prints the clauses the category gets wrong (corpus text, on the
 * terminal only — never write it into the repository).
 * @module
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, macroF1, mergeResults, type EvalResult } from './train/evaluate';
import { loadTrainingData } from './train';
import { labelClause } from '../lib/classify/classifier';
import { loadModel } from '../lib/classify/model';
import { CATEGORY_IDS, type CategoryId } from '../lib/classify/taxonomy';
import { prf } from './train/metrics';
import { isHeldOut } from './train/splits';
import { readFinalTest } from './train/eval-data';
import { serviceGroup } from './dataset';
import { DEFAULT_TRAIN, prepare, serviceFold, trainModel } from './train/train-model';

function main(): void {
  const category = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'ai-training') as CategoryId;
  if (!CATEGORY_IDS.includes(category)) throw new Error(`unknown category ${category}`);
  const showErrors = process.argv.includes('--errors');
  const data = loadTrainingData();
  const claudette = data.claudette.flatMap((d) => d.items);
  const all = [...data.own, ...claudette];
  const p = prepare(all);
  // The final-test groups are never read for a choice (data/GUIDE.md §6), and this script's errors are
  // read to make choices: they are left out with the held-out services.
  const finalTest = new Set(readFinalTest().final_test);
  const own = data.own
    .map((_, i) => i)
    .filter((i) => !isHeldOut(all[i]!.service) && !finalTest.has(serviceGroup(all[i]!.service)));
  const claudetteIdx = claudette.map((_, i) => data.own.length + i);
  const K = 5;
  let total: EvalResult | null = null;
  const errors: string[] = [];
  for (let f = 0; f < K; f++) {
    const inFold = (i: number): boolean => serviceFold(all[i]!.service, K, DEFAULT_TRAIN.seed + 1) === f;
    const test = own.filter(inFold).map((i) => all[i]!);
    if (test.length === 0) continue;
    const model = loadModel(
      trainModel(p, DEFAULT_TRAIN, [...own.filter((i) => !inFold(i)), ...claudetteIdx]).file,
    );
    const r = evaluate(model, test);
    total = total ? mergeResults(total, r) : r;
    if (!showErrors) continue;
    test.forEach((it, i) => {
      const clause = {
        id: `cv${i}`,
        text: it.text,
        section: it.headingPath.join(' › '),
        headingPath: it.headingPath,
        leadIn: it.leadIn,
        block: i,
        unit: 'sentence' as const,
      };
      const predicted = labelClause(clause, model).find((l) => l.category === category);
      const gold = it.labels.find((l) => l.category === category);
      if (!predicted && !gold) return;
      if (predicted && gold && predicted.stance === gold.stance) return;
      const kind = predicted && gold ? 'STANCE' : predicted ? 'FP' : 'FN';
      errors.push(
        `${kind} ${it.service} gold=${gold?.stance ?? '-'} predicted=${predicted?.stance ?? '-'} rule=${predicted?.evidence.rule ?? '-'} {${it.headingPath.at(-1) ?? ''}}${it.leadIn ? ` <${it.leadIn.slice(-80)}>` : ''}\n    ${it.text}`,
      );
    });
  }
  if (!total) throw new Error('no training services');
  const others = CATEGORY_IDS.filter((c) => c !== 'ai-training');
  console.log(
    `5-fold by-service CV over ${new Set(own.map((i) => all[i]!.service)).size} training services (held-out services and final-test groups excluded)`,
  );
  for (const c of CATEGORY_IDS) {
    const m = prf(total.perCategory[c]);
    console.log(
      `  ${c.padEnd(24)} P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  support ${m.support}`,
    );
  }
  console.log(
    `other categories macro-F1 ${macroF1(total, others).f1.toFixed(3)}; stance accuracy ${(total.stance.correct / total.stance.total).toFixed(3)}`,
  );
  if (showErrors) console.log(`\n${category} errors:\n${errors.join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
