/**
 * Readers for the two public benchmarks, straight from the corpus files (read in place, never copied):
 * OPP-115 (evaluation only — its licence forbids shipped weights) and CLAUDETTE EN (CC BY 4.0).
 * The file reader is injected; nothing here touches the file system itself.
 * @module
 */
import type { CategoryId } from '../../lib/classify/taxonomy';
import type { TrainItem } from './train-model';

export type ReadText = (relativePath: string) => string | null;
export type ListDir = (relativePath: string) => string[];

/**
 * OPP-115 top-level categories that correspond to ours. "International and Specific Audiences" is about
 * children and regional audiences far more than transfers, so it maps to nothing; "First Party
 * Collection/Use", "Data Security", "User Access", "Do Not Track" and "Other" have no counterpart.
 */
export const OPP_MAPPING: Readonly<Record<string, CategoryId>> = {
  'Third Party Sharing/Collection': 'data-sharing',
  'Data Retention': 'data-retention',
  'User Choice/Control': 'user-choice',
  'Policy Change': 'unilateral-change',
};

export interface OppSegment {
  policy: string;
  index: number;
  text: string;
  gold: Set<CategoryId>;
}

const OPP = 'labels/OPP-115';

function stripTags(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Segments of every OPP-115 policy with the mapped gold categories (consolidation threshold 0.75). */
export function readOpp115(read: ReadText, list: ListDir): OppSegment[] {
  const consolidation = `${OPP}/consolidation/threshold-0.75-overlap-similarity`;
  const out: OppSegment[] = [];
  for (const csvName of list(consolidation)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const policy = csvName.replace(/\.csv$/, '');
    const html = read(`${OPP}/sanitized_policies/${policy}.html`);
    const csv = read(`${consolidation}/${csvName}`);
    if (html === null || csv === null) continue;
    const segments = html.split('|||').map(stripTags);
    const gold = segments.map(() => new Set<CategoryId>());
    for (const line of csv.split('\n')) {
      // The first six fields never contain commas: id, annotator, policy id, ?, segment index, category.
      const f = line.split(',', 6);
      const seg = Number(f[4]);
      const cat = OPP_MAPPING[f[5] ?? ''];
      if (cat && Number.isInteger(seg) && gold[seg]) gold[seg].add(cat);
    }
    segments.forEach((text, index) => {
      if (text) out.push({ policy, index, text, gold: gold[index]! });
    });
  }
  return out;
}

const CLAUDETTE = 'labels/CLAUDETTE_multilingual_en';

/** CLAUDETTE tags that map to our categories (the fairness level after the letters is ignored). */
export const CLAUDETTE_MAPPING: ReadonlyArray<[RegExp, CategoryId]> = [
  [/^a\d$/, 'arbitration'],
  [/^ch\d$/, 'unilateral-change'],
];

/**
 * CLAUDETTE's "unilateral change" covers changes to the service, prices and features as well as to the
 * contract; our guide (data/GUIDE.md §3) counts only changes to the terms or policy. As training positives
 * we keep the `ch` sentences that speak of the terms / agreement / policy (81 of 224); the others are left
 * out of training for that category (not turned into negatives). The benchmark keeps CLAUDETTE's own tags.
 */
const ABOUT_TERMS = /\b(?:terms|agreement|polic(?:y|ies)|conditions|contract|EULA|ToS)\b/i;

export interface ClaudetteDoc {
  name: string;
  items: TrainItem[];
}

/**
 * CLAUDETTE EN documents as items reviewed for the mapped categories only. CLAUDETTE tags the unfair
 * clause of a topic, not every sentence about it (458 untagged sentences mention arbitration), so its
 * negatives contradict our broader definitions: training uses its positives only (`positivesOnly`), while
 * the benchmark reads every sentence.
 */
export function readClaudette(read: ReadText, list: ListDir, positivesOnly = false): ClaudetteDoc[] {
  const docs: ClaudetteDoc[] = [];
  for (const file of list(`${CLAUDETTE}/sentences/en/original`)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const sentences = read(`${CLAUDETTE}/sentences/en/original/${file}`);
    const tags = read(`${CLAUDETTE}/tags/en/original/${file}`);
    if (sentences === null || tags === null) continue;
    const tagLines = tags.split('\n');
    const name = file.replace(/\.txt$/, '');
    const items: TrainItem[] = [];
    sentences.split('\n').forEach((raw, i) => {
      const text = raw.trim();
      if (text.split(/\s+/).length < 3) return;
      const cats = new Set<CategoryId>();
      for (const t of (tagLines[i] ?? '').trim().split(/\s+/))
        for (const [re, c] of CLAUDETTE_MAPPING) if (re.test(t)) cats.add(c);
      let reviewed = CLAUDETTE_MAPPING.map(([, c]) => c);
      if (positivesOnly && cats.has('unilateral-change') && !ABOUT_TERMS.test(text)) {
        cats.delete('unilateral-change');
        reviewed = reviewed.filter((c) => c !== 'unilateral-change');
      }
      if (positivesOnly && cats.size === 0) return;
      items.push({
        text,
        headingPath: [],
        service: `CLAUDETTE:${name}`,
        labels: [...cats].map((category) => ({ category, stance: 'permits' as const })),
        reviewed,
      });
    });
    docs.push({ name, items });
  }
  return docs;
}

/** The document names of CLAUDETTE's own 5 test folds (lists/LIST_TEST_k.txt). */
export function claudetteFolds(read: ReadText): string[][] {
  const folds: string[][] = [];
  for (let k = 0; k < 5; k++) {
    const text = read(`${CLAUDETTE}/lists/LIST_TEST_${k}.txt`);
    if (text === null) break;
    folds.push(
      text
        .split('\n')
        .map((l) => l.trim().replace(/\.txt$/, ''))
        .filter(Boolean),
    );
  }
  return folds;
}
