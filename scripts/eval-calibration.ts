/**
 * The calibration section of docs/accuracy.md (`npm run eval`): per category, the reliability curve and the
 * expected calibration error of the calibrated probabilities on clauses of services the model and its
 * calibration maps never saw (held-out services, and the outer by-service folds pooled).
 * @module
 */
import { calibratedScores } from '../lib/classify/classifier';
import type { LinearModel } from '../lib/classify/model';
import { CATEGORY_IDS, type CategoryId } from '../lib/classify/taxonomy';
import { reliability, type Reliability } from './train/calibrate';
import type { TrainItem } from './train/train-model';

/** Calibrated probability and gold per category, for `items` under `model` (reviewed categories only). */
export interface Scored {
  p: Record<string, number[]>;
  y: Record<string, number[]>;
}

export function emptyScored(): Scored {
  return { p: {}, y: {} };
}

/** Adds the calibrated probabilities of `items` under `model` to `into`. */
export function scoreItems(
  model: LinearModel,
  items: readonly TrainItem[],
  into: Scored = emptyScored(),
): Scored {
  for (const it of items) {
    const gold = new Set(it.labels.map((l) => l.category));
    for (const s of calibratedScores(it, model)) {
      if (it.reviewed && !it.reviewed.includes(s.category)) continue;
      (into.p[s.category] ??= []).push(s.probability);
      (into.y[s.category] ??= []).push(gold.has(s.category) ? 1 : 0);
    }
  }
  return into;
}

const f3 = (x: number): string => x.toFixed(3);

function curve(r: Reliability): string {
  return r.bins
    .filter((b) => b.count > 0)
    .map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${f3(b.observed)} (${b.count})`)
    .join('; ');
}

/** Markdown for the section: ECE table, then each category's reliability curve. */
export function calibrationSection(heldOut: Scored, cv: Scored, minPaint: number): string {
  const rows: string[] = [];
  const curves: string[] = [];
  for (const c of CATEGORY_IDS as readonly CategoryId[]) {
    const h = heldOut.p[c] ? reliability(heldOut.p[c]!, heldOut.y[c]!) : null;
    const k = cv.p[c] ? reliability(cv.p[c]!, cv.y[c]!) : null;
    if (!h && !k) continue;
    // Among clauses painted on the score alone (≥ the floor), how many really have the category.
    const painted = (s: Scored): string => {
      const ps = s.p[c] ?? [];
      let n = 0;
      let tp = 0;
      ps.forEach((v, i) => {
        if (v < minPaint) return;
        n++;
        if (s.y[c]![i]) tp++;
      });
      return n ? `${f3(tp / n)} (${n})` : '–';
    };
    rows.push(
      `| ${c} | ${h ? `${f3(h.ece)} | ${h.positives}/${h.n}` : '– | –'} | ${painted(heldOut)} | ${k ? `${f3(k.ece)} | ${k.positives}/${k.n}` : '– | –'} | ${painted(cv)} |`,
    );
    if (k)
      curves.push(
        `- **${c}** (cross-validation; bin of calibrated probability: observed share (clauses)): ${curve(k)}`,
      );
  }
  return `## Calibration

Each category's raw model score is mapped to a calibrated probability (lib/classify/calibration.ts) by a map
fitted in training (\`scripts/train/calibrate.ts\`, a step of every \`npm run train\`) on out-of-fold
scores: scores of clauses whose service the scoring model did not see (by-service folds inside the training
services). Isotonic regression where a category has at least 40 positives and 40 negatives, Platt scaling
below that; one map for clauses where a rule of the category fired and one for the rest. A label is painted
only when its calibrated probability is at least ${minPaint} (and its raw score reaches the category's
threshold), or when a trusted rule set it; weaker labels (≥ 0.25) are listed in the popup as "possible",
never painted or counted.

Measured here on clauses the maps were not fitted on: the held-out services (model and maps trained on the
other services), and the five outer by-service folds pooled (each fold's model and maps trained on the other
folds). ECE = Σ over 10 equal-width bins of (bin share) × |observed share of positives − mean calibrated
probability|. "Precision ≥ ${minPaint}": the share of clauses scored at or above ${minPaint} that have the category.

| category | ECE held-out | positives/clauses | precision ≥ ${minPaint} held-out (n) | ECE cross-val. | positives/clauses | precision ≥ ${minPaint} cross-val. (n) |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Reliability curves:

${curves.join('\n')}
`;
}

interface Check {
  doc: string;
  category: string;
  label_ok: boolean;
  explanation_ok: boolean;
  slots_ok: boolean;
  note?: string;
}

/** The explanation section: the hand checks recorded in data/checks/explanations-v1.jsonl. */
export function explanationSection(jsonl: string): string {
  const rows = jsonl
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Check);
  const n = rows.length;
  const services = new Set(rows.map((r) => r.doc.split('/')[2])).size;
  const count = (f: (r: Check) => boolean) => rows.filter(f).length;
  const right = rows.filter((r) => r.label_ok);
  const share = (a: number, b: number) => `${a}/${b} = ${b ? (a / b).toFixed(3) : '–'}`;
  const notes = new Map<string, number>();
  for (const r of rows) if (r.note) notes.set(r.note, (notes.get(r.note) ?? 0) + 1);
  return `## Explanations

Checked by hand (\`explanation check v1, pass A\`; references in data/checks/explanations-v1.jsonl: document,
clause hash, label, verdicts, no corpus text): ${n} painted labels from ${services} services, drawn by a
seeded hash from English ota/ privacy policies and terms (\`npx tsx scripts/check-explanations.ts sample\`,
never chosen by looking at them). Per label: is the label right (category and stance), is its explanation
a true and not misleading account of the clause, are its slots right (no invented choice, data or purpose)?
A wrong label makes its explanation wrong.

| measure | value | goal |
|---|---|---|
| explanation correct | **${share(
    count((r) => r.explanation_ok),
    n,
  )}** | ≥ 0.9 |
| slots correct | **${share(
    count((r) => r.slots_ok),
    n,
  )}** | ≥ 0.9 |
| label correct | ${share(right.length, n)} | |
| explanation correct where the label is right | ${share(right.filter((r) => r.explanation_ok).length, right.length)} | |

Most wrong explanations come from wrong labels (direct-marketing messages taken for targeted advertising,
headings and fragments, termination taken for a change of terms); among right labels the misses are a
notice tail on "without prior notice", a control in settings the choice slot did not catch, and a data
type the clause excluded. Notes recorded: ${[...notes].map(([k, v]) => `${k} (${v})`).join(', ')}.
`;
}
