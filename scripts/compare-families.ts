/**
 * `npx tsx scripts/compare-families.ts <feature set> [description]`: the ten grouped cross-validation folds
 * of `npm run eval` for one named feature set (scripts/train/eval-run.ts FEATURE_SETS), recorded in
 * data/checks/model-comparison.json (numbers only) under that name with the commit it ran on. The final-test
 * groups are never scored here: the choice between families is made on these figures alone.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from './corpus';
import { FEATURE_SETS, loadRunData, runFold, type Predicted } from './train/eval-run';
import { addOutcome, emptyGroup, figures, type GroupCounts } from './train/eval-metrics';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/checks/model-comparison.json');

function main(): void {
  const name = process.argv[2] ?? 'plain';
  const set = FEATURE_SETS[name];
  if (!set) throw new Error(`unknown feature set ${name}`);
  const r = loadRunData(corpusDir(), set);
  const groups = new Map<string, GroupCounts>();
  for (let f = 0; f < r.data.folds; f++) {
    const run = runFold(r, f);
    console.error(`fold ${f}: ${run.seconds.toFixed(0)} s`);
    for (const [i, p] of run.predictions) {
      const it = r.data.cv[i]!;
      const g = groups.get(it.group) ?? emptyGroup(it.group);
      groups.set(it.group, g);
      addOutcome(g, {
        gold: new Map(it.labels.map((l) => [l.category, l.stance])),
        predicted: new Map(p.map(([c, s]: Predicted) => [c, s])),
      });
    }
  }
  const f = figures([...groups.values()]);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  const file = existsSync(OUT)
    ? (JSON.parse(readFileSync(OUT, 'utf8')) as { families: { name: string }[] })
    : { families: [] };
  const entry = {
    name,
    description: process.argv[3] ?? name,
    commit,
    ai: {
      precision: f.ai.precision,
      recall: f.ai.recall,
      service_macro_recall: f.ai.serviceMacroRecall,
      stance_accuracy: f.ai.stanceAccuracy,
    },
    other_macro_f1: f.otherMacroF1,
  };
  const families = [...file.families.filter((x) => x.name !== name), entry];
  writeFileSync(
    OUT,
    `${JSON.stringify({ command: 'npx tsx scripts/compare-families.ts <set>', date: new Date().toISOString().slice(0, 10), families }, null, 2)}\n`,
  );
  console.log(JSON.stringify(entry));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
