/**
 * Turn annotators' decision files (guide v2) into label records: references only (doc, offsets, hash, section,
 * lead-in offsets, service, licence, labels, hard_negative, slots, by), never the text.
 *   pass A: decisions/<shard>.passA.jsonl → data/labels/ai-v2.jsonl (sectors*: data/labels/sectors-v2.jsonl)
 *   pass B: decisions/<shard>.passB.jsonl → data/agreement/<shard>.passB.jsonl, with a snapshot of pass A's
 *           records for the same units in data/agreement/<shard>.passA.jsonl (κ stays reproducible after
 *           disagreements are settled in the pass A file)
 * One record per (service group, text): a decision whose text is already decided for its group in another
 * label file is skipped and reported; one already in the target file is replaced (a settled correction).
 * The target file is kept sorted by document and offset. Every record is re-derived from the corpus: the
 * text at the id's offsets must hash to the id's hash.
 * Usage: tsx scripts/label/apply-decisions.ts <decisions.jsonl>... [--dry-run]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { corpusDir } from '../corpus';
import {
  clauseHash,
  cleanClauseText,
  LABELS_DIR,
  labelFiles,
  serviceGroup,
  type LabelRecord,
} from '../dataset';
import { shardFor } from './check-decisions';
import { hardNegativeOf, parseDecisionFile, type Decision } from './decisions';
import { manifestRows, otaDocAt, parseUnitId, type OtaDoc } from './ota-units';
import { sectionOf } from './section';

export const AGREEMENT_DIR = resolve(LABELS_DIR, '../agreement');

const keyOf = (r: Pick<LabelRecord, 'service' | 'hash'>): string =>
  `${serviceGroup(r.service)}\u0000${r.hash}`;

function readRecords(path: string): LabelRecord[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelRecord);
}

function writeRecords(path: string, records: LabelRecord[]): void {
  const sorted = [...records].sort((a, b) =>
    a.doc !== b.doc ? (a.doc < b.doc ? -1 : 1) : a.start - b.start || a.end - b.end,
  );
  writeFileSync(path, sorted.map((r) => JSON.stringify(r)).join('\n') + (sorted.length ? '\n' : ''));
}

/** Builds records from decisions, reading each referenced document once. */
export class RecordMaker {
  private docs = new Map<string, OtaDoc | null>();
  private manifest: ReturnType<typeof manifestRows>;
  constructor(private corpus: string) {
    this.manifest = manifestRows(corpus);
  }

  record(d: Decision): LabelRecord {
    const ref = parseUnitId(d.id);
    if (!ref) throw new Error(`bad id ${d.id}`);
    if (!this.docs.has(ref.doc)) this.docs.set(ref.doc, otaDocAt(this.corpus, ref.doc, this.manifest));
    const doc = this.docs.get(ref.doc);
    if (!doc) throw new Error(`${d.id}: not an ota/ document`);
    const raw = doc.text.slice(ref.start, ref.end);
    if (clauseHash(raw) !== ref.hash)
      throw new Error(`${d.id}: the text at these offsets no longer has this hash`);
    const unit = doc.units.find((u) => u.start === ref.start && u.end === ref.end);
    if (!unit) throw new Error(`${d.id}: offsets are not a unit of the segmenter`);
    return {
      doc: ref.doc,
      extractor: 'raw',
      start: ref.start,
      end: ref.end,
      hash: ref.hash,
      ...(unit.leadIn ? { lead_in: [unit.leadIn.start, unit.leadIn.end] as [number, number] } : {}),
      section: sectionOf(unit.headingPath),
      service: doc.service,
      licence: doc.licence,
      labels: d.labels,
      hard_negative: hardNegativeOf(d, cleanClauseText(raw)),
      ...(d.slots ? { slots: d.slots } : {}),
      by: d.by,
    };
  }
}

/** One decision file to apply: where it came from, its decisions, and whether to write. */
interface Job {
  file: string;
  name: string;
  decisions: Decision[];
  maker: RecordMaker;
  dry: boolean;
}

/** The pass-A labels file a decision file belongs to. */
function passATarget(name: string): string {
  return join(LABELS_DIR, name.startsWith('sectors') ? 'sectors-v2.jsonl' : 'ai-v2.jsonl');
}

function applyPassA({ file, name, decisions, maker, dry }: Job): void {
  const target = passATarget(name);
  const elsewhere = new Set<string>();
  for (const f of labelFiles())
    if (resolve(f) !== resolve(target))
      for (const r of readRecords(f)) if (!r.reviewed && !r.use) elsewhere.add(keyOf(r));
  const records = readRecords(target);
  const index = new Map(records.map((r, i) => [keyOf(r), i]));
  let added = 0;
  let replaced = 0;
  const skipped: string[] = [];
  for (const d of decisions) {
    const rec = maker.record(d);
    const key = keyOf(rec);
    if (elsewhere.has(key)) {
      skipped.push(d.id);
      continue;
    }
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, records.length);
      records.push(rec);
      added++;
    } else {
      records[at] = rec;
      replaced++;
    }
  }
  if (!dry) writeRecords(target, records);
  console.log(
    `${basename(file)} → ${basename(target)}: ${added} added, ${replaced} replaced, ${skipped.length} skipped (text already decided for the group in another file)${dry ? ' [dry run]' : ''}`,
  );
}

function applyPassB({ file, name, decisions, maker, dry }: Job): void {
  const passAFile = passATarget(name);
  const passA = new Map(readRecords(passAFile).map((r) => [`${r.doc}@${r.start}-${r.end}#${r.hash}`, r]));
  const b: LabelRecord[] = [];
  const a: LabelRecord[] = [];
  const missing: string[] = [];
  for (const d of decisions) {
    const rec = passA.get(d.id);
    if (!rec) {
      missing.push(d.id);
      continue;
    }
    b.push(maker.record(d));
    a.push(rec);
  }
  if (missing.length)
    throw new Error(
      `${missing.length} pass B units have no pass A record (apply pass A first): ${missing[0]}`,
    );
  if (!dry) {
    mkdirSync(AGREEMENT_DIR, { recursive: true });
    // A pass A snapshot is written once: later settlements change the labels file, not the measured pass.
    const snap = join(AGREEMENT_DIR, `${name}.passA.jsonl`);
    const kept = new Map(readRecords(snap).map((r) => [`${r.doc}@${r.start}-${r.end}#${r.hash}`, r]));
    for (const r of a) {
      const id = `${r.doc}@${r.start}-${r.end}#${r.hash}`;
      if (!kept.has(id)) kept.set(id, r);
    }
    writeRecords(snap, [...kept.values()]);
    writeRecords(join(AGREEMENT_DIR, `${name}.passB.jsonl`), b);
  }
  console.log(
    `${basename(file)} → data/agreement/${name}.passB.jsonl: ${b.length} units${dry ? ' [dry run]' : ''}`,
  );
}

function main(): void {
  const dry = process.argv.includes('--dry-run');
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!files.length) throw new Error('usage: apply-decisions <decisions.jsonl>... [--dry-run]');
  const maker = new RecordMaker(corpusDir());
  for (const file of files) {
    const { name, pass } = shardFor(file);
    const { decisions, problems } = parseDecisionFile(readFileSync(file, 'utf8'));
    if (problems.length)
      throw new Error(`${file}: ${problems.length} problems; run check-decisions first (${problems[0]})`);
    const wrongPass = decisions.find((d) => !d.by.endsWith(`pass ${pass}`));
    if (wrongPass) throw new Error(`${wrongPass.id}: "${wrongPass.by}" in a pass ${pass} file`);
    if (pass === 'A') applyPassA({ file, name, decisions, maker, dry });
    else applyPassB({ file, name, decisions, maker, dry });
  }
}

if (process.argv[1]?.endsWith('apply-decisions.ts')) main();
