/**
 * `npx tsx scripts/eval-relabel.ts [folds.json] [--errors <file>]`: an ESTIMATE of the grouped cross-validation
 * figures for the current rules and decision without retraining (issue 22). It reads the folds a previous
 * `npm run eval` saved (default: the file it writes in the temp directory) — every clause scored by the model
 * that did not see its service group — and relabels each clause with this checkout's rules, stance, practice
 * gate and the shipped ai-training decision (calibrated probability ≥ 0.5, or a rule trusted on the other
 * folds' clauses). The fold models keep the rule features they were trained with, so new rules reach the
 * decision only as trusted rules: rerun `npm run train && npm run eval` for the trained figures.
 * `--errors` writes every ai-training permits error with its text to a file (corpus text: keep it out of the
 * repository, e.g. under /work/scratch).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir } from './corpus';
import { wholeClauseStance } from '../lib/classify/classifier';
import { foldClause } from '../lib/classify/fold-text';
import { applyRules, type RuleHit } from '../lib/classify/rules';
import { CATEGORY_IDS, type Stance } from '../lib/classify/taxonomy';
import { asciiPunctuation } from '../lib/ascii-punctuation';
import { DEFAULT_TRAIN } from './train/train-model';
import type { FoldResult } from './train/eval-run';
import { loadEvalData, type EvalItem } from './train/eval-data';
import { asClause } from './train/cross-validate';
import { addOutcome, emptyGroup, figures, type GroupCounts } from './train/eval-metrics';

const f3 = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(3));
const hasAi = (it: EvalItem): boolean => it.labels.some((l) => l.category === 'ai-training');

/** Rules trusted for each fold as `trainModel` picks them: precision and support on the other folds. */
function trustedByFold(items: readonly EvalItem[], hits: readonly RuleHit[][], folds: number): Set<string>[] {
  return Array.from({ length: folds }, (_, f) => {
    const stats = new Map<string, { n: number; tp: number }>();
    items.forEach((it, i) => {
      if (it.fold === f) return;
      for (const h of hits[i]!) {
        const s = stats.get(h.rule) ?? { n: 0, tp: 0 };
        s.n++;
        if (hasAi(it)) s.tp++;
        stats.set(h.rule, s);
      }
    });
    return new Set(
      [...stats]
        .filter(
          ([, s]) =>
            s.n >= DEFAULT_TRAIN.trustedRuleSupport && s.tp / s.n >= DEFAULT_TRAIN.trustedRulePrecision,
        )
        .map(([r]) => r),
    );
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const errorsAt = args.indexOf('--errors');
  const errorsFile = errorsAt >= 0 ? args[errorsAt + 1] : undefined;
  const foldsFile =
    args.find((a, i) => !a.startsWith('--') && i !== errorsAt + 1) ??
    join(tmpdir(), 'fineprint-eval-folds.json');
  const data = loadEvalData(corpusDir());
  const runs = JSON.parse(readFileSync(foldsFile, 'utf8')) as FoldResult[];
  const painted = new Map<number, FoldResult['predictions'][number][1]>();
  const score = new Map<number, number>();
  for (const r of runs) {
    const ps = r.scored.p['ai-training'] ?? [];
    if (ps.length !== r.predictions.length)
      throw new Error(`fold ${r.fold}: scores and predictions differ in length`);
    r.predictions.forEach(([i, p], k) => {
      painted.set(i, p);
      score.set(i, ps[k]!);
    });
  }
  const hits = data.cv.map((it) => {
    const f = foldClause(it);
    return applyRules({ text: f.text, leadIn: f.leadIn }).filter((h) => h.category === 'ai-training');
  });
  const trusted = trustedByFold(data.cv, hits, data.folds);
  const groups = new Map<string, GroupCounts>();
  const errors: string[] = [];
  data.cv.forEach((it, i) => {
    const base = painted.get(i);
    if (!base) return;
    const f = foldClause(it);
    const text = asciiPunctuation(f.text);
    const leadIn = f.leadIn ? asciiPunctuation(f.leadIn) : undefined;
    const hit = hits[i]!.at(-1);
    const stance: Stance = hit?.stance ?? wholeClauseStance(asClause(it, i), 'ai-training', { text, leadIn });
    const paint =
      base.some(([c]) => c === 'ai-training') ||
      (score.get(i) ?? 0) >= DEFAULT_TRAIN.minPaintProbability ||
      (hit !== undefined && trusted[it.fold]!.has(hit.rule));
    const predicted = new Map(base.filter(([c]) => c !== 'ai-training').map(([c, s]) => [c, s]));
    if (paint) predicted.set('ai-training', stance);
    const g = groups.get(it.group) ?? emptyGroup(it.group);
    groups.set(it.group, g);
    const gold = new Map(it.labels.map((l) => [l.category, l.stance]));
    addOutcome(g, { gold, predicted });
    const y = gold.get('ai-training');
    const p = predicted.get('ai-training');
    if ((y === 'permits') !== (p === 'permits'))
      errors.push(
        `gold=${y ?? '-'} painted=${p ?? '-'} p=${(score.get(i) ?? 0).toFixed(2)} rule=${hit?.rule ?? '-'} [${it.group}] ${it.ref.doc}@${it.ref.start} ${leadIn ? `<${leadIn.slice(-100)}> ` : ''}${text.slice(0, 400)}`,
      );
  });
  const fig = figures([...groups.values()]);
  console.log(
    `ESTIMATE from ${foldsFile} (${runs.length} folds, ${groups.size} groups), relabelled with this checkout:`,
  );
  console.log(
    `ai-training permits: precision ${f3(fig.ai.precision)}, recall ${f3(fig.ai.recall)}, service-averaged recall ${f3(fig.ai.serviceMacroRecall)}, stance accuracy ${f3(fig.ai.stanceAccuracy)}; TP/FP/FN ${fig.ai.counts.tp}/${fig.ai.counts.fp}/${fig.ai.counts.fn}; other categories macro-F1 ${f3(fig.otherMacroF1)}`,
  );
  for (const c of CATEGORY_IDS) {
    const k = fig.categories[c];
    console.log(
      `  ${c.padEnd(24)} P ${f3(k.precision)} R ${f3(k.recall)} F1 ${f3(k.f1)} service-avg R ${f3(k.macroRecall)}`,
    );
  }
  if (errorsFile) writeFileSync(errorsFile, `${errors.sort().join('\n')}\n`);
}

main();
