/**
 * `npx tsx scripts/label/settle.ts`: apply the settlements in data/settlements/*.jsonl to the label files.
 * A settlement is a decision taken by the guide after the fact — a pass A / pass B disagreement, a guide v1
 * record re-checked under v2, or a record changed to stay consistent with one of those — and names the
 * record by unit id (`doc@start-end#hash`) or every record of a clause text (`hash`). The settled record gets
 * the settlement's labels (and slots, when given), `by: "guide v2, pass A"`, and its hard-negative flag by
 * the guide's rule (§5). data/agreement/ is never touched: κ keeps measuring the two passes as labelled.
 * Idempotent; exits 1 when a settlement matches no record.
 * @module
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isAiWorded,
  LABELS_DIR,
  loadLabels,
  recordProblems,
  type AiTrainingSlots,
  type LabelRecord,
  type RecordLabel,
} from '../dataset';
import { corpusDir } from '../corpus';

export const SETTLEMENTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/settlements');

/** Label files a settlement may change (mapped and evaluation-only files are never settled). */
const SETTLED_FILES = ['ai-v2.jsonl', 'sectors-v2.jsonl', 'annotated.jsonl'];

export interface Settlement {
  /** One record: `doc@start-end#hash`. */
  id?: string;
  /** Every record of this clause text in the settled files. */
  hash?: string;
  labels: RecordLabel[];
  /** Replaces the record's slots; `null` removes them; absent keeps them (dropped without an ai-training label). */
  slots?: AiTrainingSlots | null;
  /** The guide section that decided it (short, no corpus text). */
  reason: string;
  origin: 'pass B disagreement' | 'guide v1 re-check' | 'consistency with a settlement';
}

const unitId = (r: LabelRecord): string => `${r.doc}@${r.start}-${r.end}#${r.hash}`;

/**
 * Guide §5: every AI-worded unit without an ai-training `permits` / `unclear` label is a hard negative, an
 * ai-training denial or user prohibition always is, a unit with `permits` / `unclear` never is; other units
 * keep the annotator's flag.
 */
export function hardNegativeOf(
  labels: readonly RecordLabel[],
  aiWorded: boolean,
  previous: boolean,
): boolean {
  const ai = labels.find((l) => l.category === 'ai-training')?.stance;
  if (ai === 'permits' || ai === 'unclear') return false;
  if (ai === 'denies' || ai === 'user-prohibited') return true;
  return aiWorded || previous;
}

/** The record with a settlement applied. `text` is the clause text (for the AI-wording test). */
export function settleRecord(r: LabelRecord, s: Settlement, text: string): LabelRecord {
  const out: LabelRecord = { ...r, labels: s.labels.map((l) => ({ ...l })) };
  if (s.slots === null) delete out.slots;
  else if (s.slots) out.slots = { ...s.slots };
  if (!s.labels.some((l) => l.category === 'ai-training')) delete out.slots;
  out.hard_negative = hardNegativeOf(s.labels, isAiWorded(text), r.hard_negative);
  out.by = 'guide v2, pass A';
  return out;
}

export function readSettlements(dir: string = SETTLEMENTS_DIR): Settlement[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Settlement),
    );
}

function main(): void {
  const settlements = readSettlements();
  const loaded = loadLabels(corpusDir());
  const textOf = new Map(
    loaded.items.map((it) => [`${it.ref.doc}@${it.ref.start}-${it.ref.end}#${it.ref.hash}`, it.text]),
  );
  const used = new Set<Settlement>();
  let changed = 0;
  for (const name of SETTLED_FILES) {
    const file = join(LABELS_DIR, name);
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const out = lines.map((line) => {
      if (!line.trim()) return line;
      const r = JSON.parse(line) as LabelRecord;
      const s = settlements.find((x) => (x.id ? x.id === unitId(r) : x.hash === r.hash));
      if (!s) return line;
      used.add(s);
      const text = textOf.get(unitId(r));
      if (text === undefined) throw new Error(`${name}: ${unitId(r)} does not resolve against the corpus`);
      const next = settleRecord(r, s, text);
      const problems = recordProblems(next);
      if (problems.length) throw new Error(`${unitId(r)}: ${problems.join('; ')}`);
      const json = JSON.stringify(next);
      if (json !== line) changed++;
      return json;
    });
    writeFileSync(file, out.join('\n'));
  }
  const unused = settlements.filter((s) => !used.has(s));
  console.log(`${settlements.length} settlements, ${changed} records changed`);
  for (const s of unused) console.error(`no record for ${s.id ?? s.hash}`);
  process.exit(unused.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
