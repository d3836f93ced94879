/**
 * Explanation check tooling (docs/accuracy.md "Explanations"). `sample` draws painted labels from English
 * ota/ privacy policies and terms of a fixed, seeded set of services and prints them — clause, label,
 * explanation, slots — to the terminal for a person to check (corpus text is never written to the repo).
 * `record <verdicts.tsv>` turns that person's verdicts (one line per sampled label: index, label ok,
 * explanation ok, slots ok as y/n, optional note) into references in data/checks/explanations-v1.jsonl:
 * document, clause hash, label, verdicts. `score` reports the figures.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainLabel, extractSlots } from '../lib/explain';
import { normaliseForId } from '../lib/extract';
import { analyzeText } from '../lib/pipeline';
import type { Label } from '../lib/types';
import { corpusDir } from './corpus';
import { serviceGroup } from './dataset/service-groups';
import type { FinalTestFile } from './dataset/splits';
import { englishPolicyDocuments } from './ota-documents';
import { readFinalTest } from './train/eval-data';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const CHECKS = join(ROOT, 'data/checks/explanations-v1.jsonl');
/** The second check (after the explanation rewrite): a new seed, so its services are not the first's. */
export const CHECKS_V2 = join(ROOT, 'data/checks/explanations-v2.jsonl');
/** The third check: a fresh sample of the pipeline after the 2026-12-07 retrain and gates. */
export const CHECKS_V3 = join(ROOT, 'data/checks/explanations-v3.jsonl');
/** The fourth check: the pipeline of 2026-12-07 after the fixes read from v3, on services no check drew. */
export const CHECKS_V4 = join(ROOT, 'data/checks/explanations-v4.jsonl');
/** The fifth check: the pipeline after the fixes read from v4, on services none of v1–v4 drew. */
export const CHECKS_V5 = join(ROOT, 'data/checks/explanations-v5.jsonl');
/** The sixth check: the pipeline after the fixes read from v5, on services none of v1–v5 drew. */
export const CHECKS_V6 = join(ROOT, 'data/checks/explanations-v6.jsonl');
/** The seventh check: the pipeline after the fixes read from v6, on services none of v1–v6 drew. */
export const CHECKS_V7 = join(ROOT, 'data/checks/explanations-v7.jsonl');
/** The eighth check: the pipeline after the fixes read from v7, on services none of v1–v7 drew. */
export const CHECKS_V8 = join(ROOT, 'data/checks/explanations-v8.jsonl');
/** The ninth check: the pipeline after the fixes read from v8 (and v2–v7 again), on services none of v1–v8 drew. */
export const CHECKS_V9 = join(ROOT, 'data/checks/explanations-v9.jsonl');
/** The tenth check: the pipeline after the fixes read from v9, on services none of v1–v9 drew. */
export const CHECKS_V10 = join(ROOT, 'data/checks/explanations-v10.jsonl');
/** The eleventh check: the pipeline after the fixes read from v10, on services none of v1–v10 drew. */
export const CHECKS_V11 = join(ROOT, 'data/checks/explanations-v11.jsonl');

export interface CheckSet {
  seed: string;
  file: string;
  by: string;
  services: number;
  /** Earlier checks whose services (and their service groups) this one never draws. */
  skipChecks?: readonly string[];
  /** Never draw a service of a final-test group: those are held out from every choice. */
  skipFinalTest?: boolean;
  /**
   * Draw a clause's label once per service: a service's document kept in two collections (contrib/ and pga/
   * hold the same terms) otherwise gives the same label twice (v5 checked three such twins).
   */
  distinctClauses?: boolean;
}
/** The seeded checks, oldest first (docs/accuracy.md lists them through scripts/eval-calibration.ts CHECK_TEXTS). */
export const SEEDS: Readonly<Record<string, CheckSet>> = {
  v1: { seed: 'explanation check v1', file: CHECKS, by: 'explanation check v1, pass A', services: 20 },
  // More services than v1: some have fewer than eight painted labels, and the check needs ≥ 150.
  v2: { seed: 'explanation check v2', file: CHECKS_V2, by: 'guide v2, pass A', services: 24 },
  v3: { seed: 'explanation check v3', file: CHECKS_V3, by: 'guide v2, pass A', services: 24 },
  // Fixes were made from v3's misses, so an unbiased figure needs services none of v1–v3 read. 21 services:
  // the fewest whose sample reaches 160 labels (one service has fewer than eight painted).
  v4: {
    seed: 'explanation check v4',
    file: CHECKS_V4,
    by: 'guide v2, pass A',
    services: 21,
    skipChecks: ['v1', 'v2', 'v3'],
    skipFinalTest: true,
  },
  // Fixes were made from v4's misses too, so again services none of v1–v4 read. 20 services: the fewest
  // whose sample reaches 160 labels (each of the 20 has eight painted).
  v5: {
    seed: 'explanation check v5',
    file: CHECKS_V5,
    by: 'guide v2, pass A',
    services: 20,
    skipChecks: ['v1', 'v2', 'v3', 'v4'],
    skipFinalTest: true,
  },
  // Fixes were made from v5's misses, so again services none of v1–v5 read; twins drawn once. 22 services:
  // the fewest whose sample reaches 160 labels (two have fewer than eight painted).
  v6: {
    seed: 'explanation check v6',
    file: CHECKS_V6,
    by: 'guide v2, pass A',
    services: 22,
    skipChecks: ['v1', 'v2', 'v3', 'v4', 'v5'],
    skipFinalTest: true,
    distinctClauses: true,
  },
  // Fixes were made from v6's misses: services none of v1–v6 read, twins drawn once.
  v7: {
    seed: 'explanation check v7',
    file: CHECKS_V7,
    by: 'guide v2, pass A',
    services: 22,
    skipChecks: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'],
    skipFinalTest: true,
    distinctClauses: true,
  },
  // Fixes were made from v7's misses: services none of v1–v7 read, twins drawn once.
  v8: {
    seed: 'explanation check v8',
    file: CHECKS_V8,
    by: 'guide v2, pass A',
    services: 22,
    skipChecks: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'],
    skipFinalTest: true,
    distinctClauses: true,
  },
  // Fixes were made from v8's misses (and v2–v7's again): services none of v1–v8 read, twins drawn once.
  v9: {
    seed: 'explanation check v9',
    file: CHECKS_V9,
    by: 'guide v2, pass A',
    services: 22,
    skipChecks: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'],
    skipFinalTest: true,
    distinctClauses: true,
  },
  // Fixes were made from v9's misses (routes of choices, purposes, consent denials, sale opt-outs): services
  // none of v1–v9 read, twins drawn once.
  v10: {
    seed: 'explanation check v10',
    file: CHECKS_V10,
    by: 'guide v2, pass A',
    services: 22,
    skipChecks: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9'],
    skipFinalTest: true,
    distinctClauses: true,
  },
  // Fixes were made from v10's misses (named routes, contract rights, open exceptions, business terms of ad
  // networks, assignments): services none of v1–v10 read, twins drawn once.
  v11: {
    seed: 'explanation check v11',
    file: CHECKS_V11,
    by: 'guide v2, pass A',
    services: 22,
    skipChecks: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10'],
    skipFinalTest: true,
    distinctClauses: true,
  },
};
const PER_SERVICE = 8;

const h = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The services a check reads: all of them ordered by hash of the seed, those of a skipped group left out,
 * the first `count` kept. Skipping before the cut keeps the count; with nothing skipped the draw is the one
 * v1–v3 were recorded with.
 */
export function drawServices(
  services: readonly string[],
  seed: string,
  count: number,
  skipGroups: ReadonlySet<string> = new Set(),
): string[] {
  return [...new Set(services)]
    .filter((s) => !skipGroups.has(serviceGroup(s)))
    .sort((a, b) => h(`${seed}:${a}`).localeCompare(h(`${seed}:${b}`)))
    .slice(0, count);
}

/**
 * The service groups a check must not draw: those of every service an earlier check drew (recomputed from
 * its seed, so a renamed or aliased service is left out too) and, when asked, the final-test groups.
 */
export function skippedGroups(
  services: readonly string[],
  set: Pick<CheckSet, 'skipChecks' | 'skipFinalTest'>,
  finalTest: Pick<FinalTestFile, 'final_test'>,
  sets: Readonly<Record<string, CheckSet>> = SEEDS,
): Set<string> {
  const out = new Set<string>();
  for (const name of set.skipChecks ?? []) {
    const earlier = sets[name];
    if (!earlier) throw new Error(`unknown check ${name}`);
    // The earlier check drew after its own skips: recomputing its draw without them names other services
    // (v6's first draw took four services of v4 and v5 that way).
    const earlierSkips = skippedGroups(services, earlier, finalTest, sets);
    for (const s of drawServices(services, earlier.seed, earlier.services, earlierSkips))
      out.add(serviceGroup(s));
  }
  if (set.skipFinalTest) for (const g of finalTest.final_test) out.add(g);
  return out;
}

/** The groups `set` skips, read from the corpus and data/splits/final-test.json. */
function skipsOf(corpus: string, set: CheckSet): Set<string> {
  if (!set.skipChecks?.length && !set.skipFinalTest) return new Set();
  const finalTest = readFinalTest();
  return skippedGroups(
    englishPolicyDocuments(corpus).map((d) => d.service),
    set,
    finalTest,
  );
}

export interface Sampled {
  doc: string;
  service: string;
  clauseHash: string;
  category: string;
  stance: string;
  text: string;
  explanation: string;
  slots: unknown;
}

/** A short hash of the explanation and slots checked: a later run can tell whether they still read so. */
export const shownHash = (s: Pick<Sampled, 'explanation' | 'slots'>) =>
  h(`${s.explanation}\n${JSON.stringify(s.slots ?? null)}`).slice(0, 12);

/** The labels to check: services and labels picked by hash of a fixed seed, never by looking at them. */
export function sample(
  corpus: string,
  seed = SEEDS.v1!.seed,
  SERVICES = SEEDS.v1!.services,
  skipGroups: ReadonlySet<string> = new Set(),
  distinctClauses = false,
): Sampled[] {
  const SEED = seed;
  const docs = englishPolicyDocuments(corpus);
  const services = drawServices(
    docs.map((d) => d.service),
    SEED,
    SERVICES,
    skipGroups,
  );
  const out: Sampled[] = [];
  for (const service of services) {
    const labels: Sampled[] = [];
    for (const d of docs.filter((x) => x.service === service)) {
      const a = analyzeText(readFileSync(join(corpus, d.file), 'utf8'), { format: 'markdown' });
      for (const c of a.clauses)
        for (const l of c.labels)
          labels.push({
            doc: d.file,
            service,
            clauseHash: h(normaliseForId(c.text)).slice(0, 16),
            category: l.category,
            stance: l.stance,
            text: c.text,
            explanation: l.explanation ?? '',
            slots: c.slots,
          });
    }
    labels.sort((a, b) =>
      h(`${SEED}:${a.clauseHash}:${a.category}`).localeCompare(h(`${SEED}:${b.clauseHash}:${b.category}`)),
    );
    const seen = new Set<string>();
    const kept = distinctClauses
      ? labels.filter((l) => {
          const key = `${l.clauseHash}:${l.category}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
      : labels;
    out.push(...kept.slice(0, PER_SERVICE));
  }
  return out;
}

/** A team-written sentence (or small Markdown document) of a shape, and what a right reading does with it. */
export interface ShapeCase {
  shape: string;
  text: string;
  expect: {
    /** No painted label of this category (with this stance, when given). */
    not_category?: string;
    not_stance?: string;
    /** The bold row under an empty header row is the table's header: no clause, the lead-in of the rows. */
    no_clause_matching_header?: boolean;
    /** No clause shows Markdown heading marks. */
    no_heading_marks?: boolean;
    /** Read as a user-choice clause: a control is named (true) or none is (false). */
    choice_named?: boolean;
    /**
     * The company's own marketing: guide §3 lets it carry targeted-advertising, but no painted label may tell
     * the user that ads are targeted at them.
     */
    no_ads_explanation?: boolean;
    /**
     * Explained as this label (slots read from the sentence alone): the explanation matches `says` and not
     * `not_says` (regular expressions), each when given.
     */
    label?: { category: string; stance: string };
    says?: string;
    not_says?: string;
    /** The slots leave out this data phrase / purpose phrase, or state no default. */
    no_data?: string;
    no_purpose?: string;
    no_default?: boolean;
  };
}

export const SHAPES = join(ROOT, 'data/checks/shapes-v1.jsonl');

/** The bold cells of a table's third line (under an empty header row and its separator), as a row reads. */
function boldHeader(md: string): string {
  const line = md.split('\n')[2] ?? '';
  return line
    .split('|')
    .map((c) => c.replace(/[*_]/g, '').trim())
    .filter(Boolean)
    .join(' | ');
}

/** Whether the pipeline reads a shape case right (see `ShapeCase.expect`). */
export function shapeCaseHolds(c: ShapeCase): boolean {
  const e = c.expect;
  const a = analyzeText(c.text, { format: 'markdown' });
  if (e.not_category !== undefined)
    return !a.clauses.some((cl) =>
      cl.labels.some(
        (l) => l.category === e.not_category && (e.not_stance === undefined || l.stance === e.not_stance),
      ),
    );
  if (e.no_ads_explanation)
    return a.clauses.every((cl) => cl.labels.every((l) => !/\btarget ads\b/.test(l.explanation ?? '')));
  if (e.no_clause_matching_header) {
    const header = boldHeader(c.text);
    return a.clauses.every((cl) => cl.text !== header) && a.clauses.every((cl) => cl.leadIn === header);
  }
  if (e.no_heading_marks) return a.clauses.length > 0 && a.clauses.every((cl) => !/#{2,}/.test(cl.text));
  if (e.label || e.no_data !== undefined || e.no_purpose !== undefined || e.no_default) {
    const slots = extractSlots(c.text);
    if (e.no_data !== undefined && slots.data.includes(e.no_data)) return false;
    if (e.no_purpose !== undefined && slots.purposes.includes(e.no_purpose)) return false;
    if (e.no_default && slots.default !== null) return false;
    if (!e.label) return true;
    const said = explainLabel(e.label as Pick<Label, 'category' | 'stance'>, slots, c.text);
    return (
      (e.says === undefined || new RegExp(e.says).test(said)) &&
      (e.not_says === undefined || !new RegExp(e.not_says).test(said))
    );
  }
  if (e.choice_named !== undefined) {
    const slots = extractSlots(c.text);
    const said = explainLabel({ category: 'user-choice', stance: 'permits' }, slots, c.text);
    const named = slots.choice !== null && !/describes rights or choices you may have over/.test(said);
    return named === e.choice_named;
  }
  return false;
}

export function readShapes(file = SHAPES): ShapeCase[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ShapeCase);
}

/** A recorded check as data/checks/*.jsonl holds it. */
interface CheckRow {
  doc: string;
  clause_hash: string;
  category: string;
  stance: string;
  label_ok: boolean;
  explanation_ok: boolean;
  slots_ok: boolean;
  note?: string;
  shown_hash: string;
  by: string;
  /** Re-checks only: the clause hash of the recorded label, when the clause now reads differently. */
  was_clause_hash?: string;
}

const readRows = (file: string): CheckRow[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CheckRow);

export type RecheckStatus = 'same' | 'rechecked' | 'changed' | 'gone' | 'clause-gone';

export interface Rechecked {
  row: CheckRow;
  status: RecheckStatus;
  /** The verdict that holds now (the recorded one, or its re-check). */
  verdict?: Pick<CheckRow, 'label_ok' | 'explanation_ok' | 'slots_ok'>;
  now?: Sampled;
}

/**
 * The recorded labels read again by today's pipeline: a label still shown as it was checked keeps its
 * verdict; one shown differently needs a re-check (read from `recheckFile` when one matches what is shown
 * now); a label no longer painted, or a clause no longer read with that text, is counted apart.
 */
export function recheck(corpus: string, rowsFile: string, recheckFile?: string): Rechecked[] {
  const rechecks = recheckFile ? readRows(recheckFile) : [];
  const analyses = new Map<string, ReturnType<typeof analyzeText>>();
  return readRows(rowsFile).map((row) => {
    let a = analyses.get(row.doc);
    if (!a) {
      a = analyzeText(readFileSync(join(corpus, row.doc), 'utf8'), { format: 'markdown' });
      analyses.set(row.doc, a);
    }
    // A text can occur twice in a document (a section repeated, a sentence under two lead-ins) and be labelled
    // differently there: the occurrence carrying the recorded label is the one that was checked.
    const at = (hash: string) => {
      const all = a.clauses.filter((c) => h(normaliseForId(c.text)).slice(0, 16) === hash);
      const has = (c: (typeof all)[number], stance?: string) =>
        c.labels.some((l) => l.category === row.category && (stance === undefined || l.stance === stance));
      return all.find((c) => has(c, row.stance)) ?? all.find((c) => has(c)) ?? all[0];
    };
    // A clause whose text changed (heading marks dropped) is found through its re-check's new hash.
    const moved = rechecks.find(
      (r) => r.doc === row.doc && r.was_clause_hash === row.clause_hash && r.category === row.category,
    );
    const clause = at(row.clause_hash) ?? (moved ? at(moved.clause_hash) : undefined);
    if (!clause) return { row, status: 'clause-gone' };
    const hash = h(normaliseForId(clause.text)).slice(0, 16);
    const label = clause.labels.find((l) => l.category === row.category);
    if (!label) return { row, status: 'gone' };
    const now: Sampled = {
      doc: row.doc,
      service: row.doc.split('/')[2] ?? '',
      clauseHash: hash,
      category: label.category,
      stance: label.stance,
      text: clause.text,
      explanation: label.explanation ?? '',
      slots: clause.slots,
    };
    const shown = shownHash(now);
    if (shown === row.shown_hash && label.stance === row.stance)
      return { row, status: 'same', verdict: row, now };
    const re = rechecks.find(
      (r) =>
        r.doc === row.doc &&
        r.clause_hash === row.clause_hash &&
        r.category === row.category &&
        r.shown_hash === shown,
    );
    return re ? { row, status: 'rechecked', verdict: re, now } : { row, status: 'changed', now };
  });
}

/** `recheck` with the hand re-checks stored beside the check (`<check>-recheck.jsonl`), when there are any. */
export function recheckWithStoredRechecks(corpus: string, rowsFile: string): Rechecked[] {
  const recheckFile = rowsFile.replace(/\.jsonl$/, '-recheck.jsonl');
  return recheck(corpus, rowsFile, existsSync(recheckFile) ? recheckFile : undefined);
}

/** What today's reading of a check says, in counts (the CLI's `recheck` and `npm run eval` print these). */
export interface RecheckFigures {
  recorded: number;
  same: number;
  rechecked: number;
  changed: number;
  gone: number;
  clauseGone: number;
  /** Labels no longer painted (or whose clause changed) that the check had called wrong. */
  goneWrong: number;
  /** Labels with a verdict that holds now: shown as checked, or re-checked as shown now. */
  judged: number;
  explanation: number;
  slots: number;
  right: number;
  rightExplanation: number;
  rightSlots: number;
}

export function recheckFigures(all: readonly Rechecked[]): RecheckFigures {
  const count = (s: RecheckStatus) => all.filter((r) => r.status === s).length;
  const judged = all.flatMap((r) => (r.verdict ? [r.verdict] : []));
  const right = judged.filter((v) => v.label_ok);
  return {
    recorded: all.length,
    same: count('same'),
    rechecked: count('rechecked'),
    changed: count('changed'),
    gone: count('gone'),
    clauseGone: count('clause-gone'),
    goneWrong: all.filter((r) => (r.status === 'gone' || r.status === 'clause-gone') && !r.row.label_ok)
      .length,
    judged: judged.length,
    explanation: judged.filter((v) => v.explanation_ok).length,
    slots: judged.filter((v) => v.slots_ok).length,
    right: right.length,
    rightExplanation: right.filter((v) => v.explanation_ok).length,
    rightSlots: right.filter((v) => v.slots_ok).length,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const [cmd, file] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const set = SEEDS[args[args.indexOf('--set') + 1] ?? 'v1'] ?? SEEDS.v1!;
  const corpus = corpusDir();
  const draw = () => sample(corpus, set.seed, set.services, skipsOf(corpus, set), set.distinctClauses);
  if (cmd === 'sample') {
    draw().forEach((s, i) => {
      console.log(
        `#${i} ${s.service} | ${s.category} ${s.stance} | ${s.doc}\n  TEXT: ${s.text.slice(0, 400)}\n  EXPL: ${s.explanation}\n  SLOTS: ${JSON.stringify(s.slots)}`,
      );
    });
  } else if (cmd === 'record' && file) {
    const items = draw();
    const lines: string[] = [];
    for (const row of readFileSync(file, 'utf8').split('\n')) {
      const [i, label, explanation, slots, ...note] = row.trim().split(/\s+/);
      if (i === undefined || i === '' || label === undefined) continue;
      const s = items[Number(i)]!;
      lines.push(
        JSON.stringify({
          doc: s.doc,
          clause_hash: s.clauseHash,
          category: s.category,
          stance: s.stance,
          label_ok: label === 'y',
          explanation_ok: explanation === 'y',
          slots_ok: slots === 'y',
          ...(note.length ? { note: note.join(' ') } : {}),
          shown_hash: shownHash(s),
          by: set.by,
        }),
      );
    }
    writeFileSync(set.file, `${lines.join('\n')}\n`);
    console.log(`${lines.length} checks written to ${set.file}`);
  } else if (cmd === 'score') {
    const rows = readFileSync(set.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const services = new Set(rows.map((r) => String(r.doc).split('/')[2])).size;
    const share = (k: string) => rows.filter((r) => r[k] === true).length;
    console.log(
      `${rows.length} labels from ${services} services: label ${share('label_ok')}/${rows.length}, explanation ${share('explanation_ok')}/${rows.length}, slots ${share('slots_ok')}/${rows.length}`,
    );
  } else if (cmd === 'recheck') {
    // `recheck [--set v2] [--show]`: today's reading of the recorded labels; `--show` prints those needing a
    // re-check to the terminal (clause text: never into a file in the repository).
    const all = recheckWithStoredRechecks(corpus, set.file);
    const f = recheckFigures(all);
    console.log(
      `${f.recorded} recorded labels: ${f.same} shown as checked, ${f.rechecked} re-checked, ${f.changed} changed and not yet re-checked, ${f.gone} no longer painted, ${f.clauseGone} clause text changed (${f.goneWrong} of the last two had a wrong label)`,
    );
    console.log(
      `of the ${f.judged} judged: label ${f.right}, explanation ${f.explanation}, slots ${f.slots}; counting every label no longer painted as a miss: explanation ${f.explanation}/${f.recorded}, slots ${f.slots}/${f.recorded}, label ${f.right}/${f.recorded}`,
    );
    console.log(
      `where the label is right (${f.right}): explanation ${f.rightExplanation}, slots ${f.rightSlots}`,
    );
    if (args.includes('--show'))
      all.forEach((r, i) => {
        if (r.status === 'same' || r.status === 'rechecked') return;
        console.log(
          `#${i} ${r.status} ${r.row.category} ${r.row.stance} (was label ${r.row.label_ok} expl ${r.row.explanation_ok} slots ${r.row.slots_ok} ${r.row.note ?? ''})${r.now ? `\n  NOW ${r.now.stance}: ${r.now.explanation}\n  SLOTS: ${JSON.stringify(r.now.slots)}\n  TEXT: ${r.now.text.slice(0, 500)}` : ''}`,
        );
      });
  } else if (cmd === 'shapes') {
    const byShape = new Map<string, { right: number; all: number; wrong: number[] }>();
    readShapes().forEach((c, i) => {
      const t = byShape.get(c.shape) ?? { right: 0, all: 0, wrong: [] };
      t.all++;
      if (shapeCaseHolds(c)) t.right++;
      else t.wrong.push(i);
      byShape.set(c.shape, t);
    });
    for (const [shape, t] of byShape)
      console.log(
        `${shape}: ${t.right}/${t.all}${t.wrong.length ? `  (wrong: lines ${t.wrong.map((i) => i + 1).join(', ')})` : ''}`,
      );
  } else
    console.log(
      'usage: check-explanations sample | record <verdicts.tsv> | score | recheck [--show] | shapes  [--set v1|v2|v3|v4|v5|v6|v7|v8|v9|v10|v11]',
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
