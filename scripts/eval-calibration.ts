/**
 * The calibration section of docs/accuracy.md (`npm run eval`): per category, the reliability curve and the
 * expected calibration error of the calibrated probabilities on clauses of services the model and its
 * calibration maps never saw (held-out services, and the outer by-service folds pooled).
 * @module
 */
import { cohenKappa } from './dataset/agreement';
import { calibratedScores } from '../lib/classify/classifier';
import type { LinearModel } from '../lib/classify/model';
import { CATEGORY_IDS, type CategoryId } from '../lib/classify/taxonomy';
import { reliability, type Reliability } from './train/calibrate';
import type { TrainItem } from './train/train-model';
import type { RecheckFigures } from './check-explanations';

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
  clause_hash?: string;
  by?: string;
  category: string;
  label_ok: boolean;
  explanation_ok: boolean;
  slots_ok: boolean;
  note?: string;
}

/** Rows of a hand-check file (data/checks/explanations-v*.jsonl). */
function checkRows(jsonl: string): Check[] {
  return jsonl
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Check);
}

const share = (a: number, b: number) => `${a}/${b} = ${b ? (a / b).toFixed(3) : '–'}`;

/** One check's figures as table rows and its notes, most frequent first. */
function checkFigures(rows: Check[]): { table: string; notes: string; services: number } {
  const n = rows.length;
  const count = (f: (r: Check) => boolean) => rows.filter(f).length;
  const right = rows.filter((r) => r.label_ok);
  const notes = new Map<string, number>();
  // A label may carry two notes ("data-slot-misread purpose-from-recipient", or joined by a comma): each counts.
  for (const r of rows)
    for (const note of r.note?.split(/[\s,]+/).filter(Boolean) ?? [])
      notes.set(note, (notes.get(note) ?? 0) + 1);
  return {
    services: new Set(rows.map((r) => r.doc.split('/')[2])).size,
    table: `| explanation correct | **${share(
      count((r) => r.explanation_ok),
      n,
    )}** | ≥ 0.9 |
| slots correct | **${share(
      count((r) => r.slots_ok),
      n,
    )}** | ≥ 0.9 |
| label correct | ${share(right.length, n)} | |
| explanation correct where the label is right | ${share(right.filter((r) => r.explanation_ok).length, right.length)} | |
| slots correct where the label is right | ${share(right.filter((r) => r.slots_ok).length, right.length)} | |`,
    notes: [...notes]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, v]) => `${k} (${v})`)
      .join(', '),
  };
}

/**
 * The second check read again by the pipeline that ships (`npx tsx scripts/check-explanations.ts recheck
 * --set v2`): a label shown as it was checked keeps its verdict, one shown differently counts only once a person
 * has re-checked it (data/checks/explanations-v2-recheck.jsonl), and one no longer painted drops out.
 */
export function todaysReading(f: RecheckFigures, check: string): string {
  return `
**Today's reading of the ${check} check** (the shipped pipeline at this evaluation): of the ${f.recorded} labels,
${f.same} are shown as they were checked, ${f.rechecked} are shown differently and were re-checked by hand,
${f.changed} are shown differently and wait for a re-check (not counted), ${f.gone + f.clauseGone} are no longer
painted (${f.goneWrong} of them had a wrong label).

| measure (labels with a verdict that holds now) | value | goal |
|---|---|---|
| explanation correct | **${share(f.explanation, f.judged)}** | ≥ 0.9 |
| slots correct | **${share(f.slots, f.judged)}** | ≥ 0.9 |
| label correct | ${share(f.right, f.judged)} | |
| explanation correct where the label is right | ${share(f.rightExplanation, f.right)} | |
| slots correct where the label is right | ${share(f.rightSlots, f.right)} | |

This reading is of labels the earlier pipeline painted: a label painted only now is not in it, and fixes
made after reading a check's misses score well on that check. A fresh seeded sample is the unbiased figure.
`;
}

/** A recorded hand check, as `npm run eval` reads it. */
export interface RecordedCheck {
  /** Its set in scripts/check-explanations.ts (`v1`, `v2`…). */
  set: string;
  seed: string;
  by: string;
  /** data/checks/explanations-vN.jsonl, relative to the repository. */
  file: string;
  jsonl: string;
  /** Today's reading of it (`recheck`), when the corpus is there to re-read it. */
  today?: RecheckFigures;
  /** A second, independent pass over a seeded part of it (`<file>-pass-b.jsonl`), when there is one. */
  secondPass?: { file: string; jsonl: string };
}

/**
 * Agreement of a second, independent pass with the first on the labels both judged (matched by document,
 * clause and category): share of equal verdicts and Cohen's κ per question.
 */
export function passAgreement(first: string, second: string): string {
  const key = (r: Check) => `${r.doc}|${r.clause_hash}|${r.category}`;
  const a = new Map(checkRows(first).map((r) => [key(r), r]));
  const pairs = checkRows(second).flatMap((b) => {
    const x = a.get(key(b));
    return x ? [[x, b] as const] : [];
  });
  const yn = (v: boolean) => (v ? 'y' : 'n');
  const part = (name: string, q: 'label_ok' | 'explanation_ok' | 'slots_ok') => {
    const xs = pairs.map(([x]) => yn(x[q]));
    const ys = pairs.map(([, y]) => yn(y[q]));
    const same = xs.filter((v, i) => v === ys[i]).length;
    return `${name} ${share(same, pairs.length)} (κ ${cohenKappa(xs, ys).toFixed(2)})`;
  };
  return `${pairs.length} labels judged by both; equal verdicts: ${part('label', 'label_ok')}, ${part('explanation', 'explanation_ok')}, ${part('slots', 'slots_ok')}`;
}

/** What the section says of a check beyond its figures. */
export interface CheckText {
  set: string;
  /** "Fifth", "Fourth"…: the checks are numbered in the order they were made. */
  ordinal: string;
  /** What was sampled and by whom (after the file name in the check's heading line). */
  about: string;
  /**
   * A fresh seeded sample checked by an annotator who had not seen the earlier verdicts: the newest such check
   * is the unbiased figure, an older one only that of its own pipeline, since fixes were made from its misses.
   */
  fresh: boolean;
  /** Hand-written reading of its misses, after the notes. */
  remarks?: string;
  /** Whether `npm run eval` re-reads it with today's pipeline (not v1: checked before the explanation rewrite). */
  reread: boolean;
}

/** The checks, newest first. A new check needs its line here and its set in scripts/check-explanations.ts. */
export const CHECK_TEXTS: readonly CheckText[] = [
  {
    set: 'v11',
    ordinal: 'Eleventh',
    about: `a fresh
sample of the pipeline of 2026-12-08 (d5f3f8a) after the fixes read from the tenth check's misses (the route a
choice names, contract rights, invented choices, open exceptions, ad networks' business terms, assignments,
definitions) and the retrain of that stop, on services no earlier check drew and outside the final-test groups,
each clause's label drawn once per service, checked by annotators who had not seen the earlier verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v10',
    ordinal: 'Tenth',
    about: `a fresh
sample of the pipeline of 2026-12-07 (83c26a3) after the fixes read from the ninth check's misses (the route a
choice names, purposes and data read from other words, consent denials, opt-outs of sale), on services no
earlier check drew and outside the final-test groups, each clause's label drawn once per service, checked by
annotators who had not seen the earlier verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v9',
    ordinal: 'Ninth',
    about: `a fresh
sample of the pipeline of 2026-12-07 (5402cd5) after the fixes read from the eighth check's misses (data and
choice slots, card sentences, labels on clauses that state no practice, consent conditions), on services no
earlier check drew and outside the final-test groups, each clause's label drawn once per service, checked by
annotators who had not seen the earlier verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v8',
    ordinal: 'Eighth',
    about: `a fresh
sample of the pipeline of 2026-12-07 (6bebb9d) after the fixes read from the seventh check's misses, the recall
rules and the retrain, on services no earlier check drew and outside the final-test groups, each clause's label
drawn once per service, checked by annotators who had not seen the earlier verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v7',
    ordinal: 'Seventh',
    about: `a fresh
sample of the pipeline of 2026-12-07 (51b07f7) after the fixes read from the sixth check's misses and the retrain,
on services no earlier check drew and outside the final-test groups, each clause's label drawn once per service,
checked by annotators who had not seen the earlier verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v6',
    ordinal: 'Sixth',
    about: `a fresh
sample of the pipeline of 2026-12-07 (743d4b6) after the fixes read from the fifth check's misses, on services
no earlier check drew and outside the final-test groups, each clause's label drawn once per service (the
fifth drew three twins from contrib/ and pga/), checked by annotators who had not seen the earlier verdicts`,
    remarks: ` Label right by the label's calibrated probability (read again at 743d4b6): 0.5–0.7 26/45,
0.7–0.9 34/48, 0.9 and over 63/72 — the calibration holds on fresh services, and a quarter of the painted labels
sit where it says one in two or three is wrong. One business hosting contract (OVHcloud's terms) gave 5 of its
8 labels wrong: confidentiality, cancellation, pricing and notices clauses read as privacy practices.`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v5',
    ordinal: 'Fifth',
    about: `a fresh
sample of the pipeline of 2026-12-07 (78e6c58) after the fixes read from the fourth check's misses, on services
no earlier check drew and outside the final-test groups, checked by an annotator who had not seen the earlier
verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v4',
    ordinal: 'Fourth',
    about: `a fresh
sample of the pipeline of 2026-12-07 after the fixes read from the third check's misses, on services no
earlier check drew and outside the final-test groups, checked by an annotator who had not seen the earlier
verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v3',
    ordinal: 'Third',
    about: `a fresh
sample of the pipeline of 2026-12-07 after the retrain and the category gates, checked by an annotator who
had not seen the earlier verdicts`,
    fresh: true,
    reread: true,
  },
  {
    set: 'v2',
    ordinal: 'Second',
    about: `the
pipeline after the explanation rewrite`,
    fresh: false,
    remarks: ` Most misses are wrong labels from the classifier (direct-marketing
messages taken for targeted advertising, a right to ask about "Shine the Light" disclosures taken for
sharing, a licence the service grants the user taken for a content licence); among right labels, a control
the clause names that the choice slot misses, and a data slot read from a word that names something else
("marketing messages", "advertising content").`,
    reread: true,
  },
  {
    set: 'v1',
    ordinal: 'First',
    about: `the pipeline before the explanation rewrite, not re-checked since`,
    fresh: false,
    reread: false,
  },
];

/** Parts joined by a space, or by a line break where the space would make the line longer than `width`. */
export function wrapJoin(parts: readonly string[], width = 110): string {
  return parts.reduce((out, part) => {
    const line = out.slice(out.lastIndexOf('\n') + 1);
    return `${out}${line.length + 1 + part.split('\n')[0]!.length > width ? '\n' : ' '}${part}`;
  });
}

/** One check's block: its heading line, figures, notes and today's reading. */
function checkBlock(c: RecordedCheck, text: CheckText, newestFresh: string | undefined): string {
  const rows = checkRows(c.jsonl);
  const f = checkFigures(rows);
  const standing = !text.fresh
    ? ''
    : c.set === newestFresh
      ? ' **This is the unbiased figure.**'
      : ' The unbiased figure of that pipeline; fixes were made from its misses.';
  const head = wrapJoin([
    `**${text.ordinal} check** (\`${c.by}\`, seed "${c.seed}",`,
    `${c.file}; ${text.about}):`,
    `${rows.length} painted labels from ${f.services} services.`,
  ]);
  return `
${head}${standing}

| measure | value | goal |
|---|---|---|
${f.table}

Notes recorded: ${f.notes}.${text.remarks ?? ''}
${
  c.secondPass
    ? `\n${wrapJoin([`A second, independent pass (${c.secondPass.file}, \`${checkRows(c.secondPass.jsonl)[0]?.by ?? ''}\`,`, `labels drawn by a seeded hash):`, `${passAgreement(c.jsonl, c.secondPass.jsonl)}.`])}\n`
    : ''
}${c.today ? todaysReading(c.today, text.ordinal.toLowerCase()) : ''}`;
}

/**
 * The explanation section: every hand check recorded in data/checks/ (those of `CHECK_TEXTS`), the newest
 * first; each later one is a fresh sample of the pipeline of its day, so the newest fresh one is the unbiased
 * figure.
 */
export function explanationSection(checks: readonly RecordedCheck[]): string {
  const present = CHECK_TEXTS.flatMap((t) => {
    const c = checks.find((x) => x.set === t.set);
    return c && checkRows(c.jsonl).length ? [{ c, t }] : [];
  });
  const newestFresh = present.find(({ t }) => t.fresh)?.c.set;
  return `## Explanations

Checked by hand: painted labels drawn by a seeded hash from English ota/ privacy policies and terms
(\`npx tsx scripts/check-explanations.ts sample --set ${[...CHECK_TEXTS]
    .reverse()
    .map((t) => t.set)
    .join('|')}\`: services, then labels within each, never
chosen by looking at them); references in data/checks/ (document, clause hash, label, verdicts, a hash of
the explanation and slots shown; no corpus text). Per label: is the label right (category and stance), is
its explanation a true and not misleading account of the clause, are its slots right (no invented choice,
data or purpose; a control the clause names is not called missing)? A wrong label makes its explanation
wrong.
${present.map(({ c, t }) => checkBlock(c, t, newestFresh)).join('')}`;
}
