/**
 * Map the CLAUDETTE multilingual EN corpus (Galassi et al. 2024, CC BY 4.0) to our categories for the two
 * it covers: `a1..a3` (arbitration, every fairness level) → arbitration/permits, `ch1..ch3` (unilateral change)
 * → unilateral-change/permits. Other tags (content removal, jurisdiction, law, liability, termination, contract
 * by using, privacy included) have no category of ours and map to nothing. Records reference a sentence by
 * file, line offsets and `sentence_index`; `reviewed` limits them to the two assessed categories.
 *
 * Every tagged sentence is kept; untagged sentences are sampled (3 per positive, deterministic, same documents)
 * as negatives so the file is usable for training without shipping all 17k lines.
 * Usage: tsx scripts/label/map-claudette.ts  (rewrites data/labels/claudette-mapped.jsonl)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../corpus';
import { clauseHash, LABELS_DIR, type LabelRecord, type RecordLabel } from '../dataset';

const BASE = 'labels/CLAUDETTE_multilingual_en';
const NEGATIVES_PER_POSITIVE = 3;

function mapTags(tags: string[]): RecordLabel[] {
  const out: RecordLabel[] = [];
  if (tags.some((t) => /^a[123]$/.test(t))) out.push({ category: 'arbitration', stance: 'permits' });
  if (tags.some((t) => /^ch[123]$/.test(t))) out.push({ category: 'unilateral-change', stance: 'permits' });
  return out;
}

/** Deterministic 32-bit hash of a string (FNV-1a), for reproducible negative sampling. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function main(): void {
  const corpus = corpusDir();
  const files = readdirSync(join(corpus, BASE, 'sentences/en/original'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const lines: string[] = [];
  let positives = 0;
  let negatives = 0;
  for (const f of files) {
    const doc = `${BASE}/sentences/en/original/${f}`;
    const text = readFileSync(join(corpus, doc), 'utf8');
    const tagLines = readFileSync(join(corpus, BASE, 'tags/en/original', f), 'utf8').split('\n');
    const service = f.replace(/\.txt$/, '').replace(/_/g, ' ');
    const candidates: { rec: LabelRecord; positive: boolean }[] = [];
    let start = 0;
    text.split('\n').forEach((line, i) => {
      const end = start + line.length;
      const s = start;
      start = end + 1;
      if (line.trim().split(/\s+/).length < 3) return;
      const labels = mapTags((tagLines[i] ?? '').trim().split(/\s+/).filter(Boolean));
      candidates.push({
        positive: labels.length > 0,
        rec: {
          doc,
          extractor: 'raw',
          start: s,
          end,
          hash: clauseHash(line),
          section: '',
          service,
          licence: 'CC-BY-4.0',
          labels,
          hard_negative: false,
          by: 'CLAUDETTE mapping, guide v1',
          reviewed: ['arbitration', 'unilateral-change'],
          sentence_index: i,
        },
      });
    });
    const pos = candidates.filter((c) => c.positive);
    const neg = candidates
      .filter((c) => !c.positive)
      .sort((a, b) => fnv(`${f}:${a.rec.sentence_index}`) - fnv(`${f}:${b.rec.sentence_index}`))
      .slice(0, Math.max(NEGATIVES_PER_POSITIVE * pos.length, 5));
    const keep = [...pos, ...neg].sort((a, b) => a.rec.start - b.rec.start);
    positives += pos.length;
    negatives += Math.min(neg.length, keep.length - pos.length);
    for (const c of keep) lines.push(JSON.stringify(c.rec));
  }
  writeFileSync(join(LABELS_DIR, 'claudette-mapped.jsonl'), lines.map((l) => l + '\n').join(''));
  console.log(
    `claudette-mapped.jsonl: ${lines.length} records (${positives} tagged, ${negatives} sampled negatives) from ${files.length} documents`,
  );
}

main();
