/**
 * The candidate pool for dataset v2: every AI-worded unit of every English `ota/` document (current texts and
 * the recorded older versions), not only the regex candidates file. A unit joins the pool when its own words
 * match the broad pool wording (scripts/dataset/ai-wording.ts: AI, model, machine learning, training, algorithm,
 * LLM, generative, neural, fine-tune, named AI products, "improve / develop our services, technology…"), or
 * when its list lead-in or its deepest heading is AI-worded (a bullet "publicly available information" under
 * "sources we use to train our models:").
 *
 * One pool item per (service group, text): aliases of one service share a decision; the same text in two
 * unrelated services is two items. Texts that already have a record of the same group in data/labels are left
 * out (they are decided). The pool holds corpus text, so it is written outside the repository.
 *
 * Usage: tsx scripts/label/ota-pool.ts [out.jsonl]   (default /work/scratch/labels/pool.jsonl)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { corpusDir } from '../corpus';
import { isAiWorded, labelFiles, POOL_WORDING, serviceGroup, type LabelRecord } from '../dataset';
import {
  loadOtaDocs,
  otaUnits,
  unitContext,
  unitId,
  type Collection,
  type OtaDoc,
  type OtaUnit,
  type UnitContext,
} from './ota-units';

export const SCRATCH = process.env.FP_LABEL_SCRATCH ?? '/work/scratch/labels';

/** One unit for annotators: reference, context and text (corpus text: never in the repository). */
export interface PoolItem extends UnitContext {
  id: string;
  doc: string;
  start: number;
  end: number;
  hash: string;
  lead_in?: [number, number];
  kind: string;
  service: string;
  group: string;
  collection: Collection;
  type: string;
  licence: string;
  /** Why the unit is in the pool: own wording (ai / products / improve) or context (lead-in / heading). */
  why: string[];
  /** Other occurrences of the same text in the group (other documents, versions, aliases). */
  copies: number;
  text: string;
}

export function poolReasons(u: OtaUnit): string[] {
  const why: string[] = [];
  for (const [k, re] of Object.entries(POOL_WORDING)) if (re.test(u.clean)) why.push(k);
  const { leadIn, headingPath } = u.unit;
  if (leadIn && isAiWorded(u.doc.text.slice(leadIn.start, leadIn.end))) why.push('lead-in');
  const deepest = headingPath[headingPath.length - 1];
  if (deepest && isAiWorded(deepest)) why.push('heading');
  return why;
}

/** (group, hash) keys that already have an own-annotation record. */
export function decidedKeys(files: string[] = labelFiles()): Set<string> {
  const keys = new Set<string>();
  for (const f of files)
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as LabelRecord;
      if (r.reviewed || r.use) continue;
      keys.add(`${serviceGroup(r.service)}\u0000${r.hash}`);
    }
  return keys;
}

export function toItem(u: OtaUnit, why: string[], copies: number): PoolItem {
  const { doc, unit } = u;
  return {
    id: unitId(doc.doc, unit.start, unit.end, u.hash),
    doc: doc.doc,
    start: unit.start,
    end: unit.end,
    hash: u.hash,
    ...(unit.leadIn ? { lead_in: [unit.leadIn.start, unit.leadIn.end] as [number, number] } : {}),
    kind: unit.kind,
    service: doc.service,
    group: doc.group,
    collection: doc.collection,
    type: doc.type,
    licence: doc.licence,
    why,
    copies,
    ...unitContext(u),
    text: u.clean,
  };
}

/**
 * Pool items of the given documents, one per (group, text). The kept occurrence is the first in a current
 * document (before recorded versions), documents in path order.
 */
export function buildPool(docs: OtaDoc[], decided: Set<string>): { items: PoolItem[]; skipped: number } {
  const ordered = [...docs].sort((a, b) =>
    a.version !== b.version ? (a.version ? 1 : -1) : a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0,
  );
  const first = new Map<string, { u: OtaUnit; why: string[]; copies: number }>();
  let skipped = 0;
  for (const doc of ordered)
    for (const u of otaUnits(doc)) {
      const why = poolReasons(u);
      if (!why.length) continue;
      const key = `${doc.group}\u0000${u.hash}`;
      if (decided.has(key)) {
        skipped++;
        continue;
      }
      const seen = first.get(key);
      if (seen) seen.copies++;
      else first.set(key, { u, why, copies: 0 });
    }
  return { items: [...first.values()].map((x) => toItem(x.u, x.why, x.copies)), skipped };
}

function main(): void {
  const out = process.argv[2] ?? `${SCRATCH}/pool.jsonl`;
  const docs = loadOtaDocs(corpusDir());
  const { items, skipped } = buildPool(docs, decidedKeys());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const count = (f: (i: PoolItem) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const i of items) m.set(f(i), (m.get(f(i)) ?? 0) + 1);
    return m;
  };
  const current = docs.filter((d) => !d.version);
  const reasons = new Map<string, number>();
  for (const i of items) for (const w of i.why) reasons.set(w, (reasons.get(w) ?? 0) + 1);
  const aiWorded = items.filter((i) => isAiWorded(i.text)).length;
  console.log(`documents read: ${current.length} current + ${docs.length - current.length} older versions`);
  console.log(
    `pool: ${items.length} items (${new Set(items.map((i) => i.hash)).size} distinct texts) from ${new Set(items.map((i) => i.doc)).size} documents, ${new Set(items.map((i) => i.service)).size} services, ${new Set(items.map((i) => i.group)).size} groups`,
  );
  console.log(`own words AI-worded (strict): ${aiWorded}; already decided (skipped): ${skipped}`);
  console.log(`why: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(' · ')}`);
  console.log(`collections: ${[...count((i) => i.collection)].map(([k, v]) => `${k} ${v}`).join(' · ')}`);
  console.log(`written to ${out}`);
}

if (process.argv[1]?.endsWith('ota-pool.ts')) main();
