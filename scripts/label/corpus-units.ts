/**
 * Annotation tooling: the pool of candidate documents and their units. Documents: every Markdown version in
 * `versions/` (except `__noise` capture artefacts), the snapshots in `html/changes/` (HTML and Markdown) and the
 * English OTA pages in `html/policy/` (OPP-115 2015 pages are evaluation-only and handled separately). Licence comes from the corpus manifest.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseHash, cleanClauseText, extractorFor, segmentUnits, sourceText, type Unit } from '../dataset';

export interface PoolDoc {
  doc: string;
  service: string;
  licence: string;
  extractor: string;
  text: string;
  units: Unit[];
}

export interface PoolUnit {
  doc: PoolDoc;
  unit: Unit;
  clean: string;
  hash: string;
}

/** Service name from a corpus path; Twitter and X are one service renamed, so they share a name. */
export function serviceOf(doc: string): string {
  const parts = doc.split('/');
  let name: string;
  if (parts[0] === 'versions') name = parts[1]!.split('__')[0]!;
  // html/changes/<Service>__<Doc>/<snapshot>: the folder names the service.
  else if (parts[0] === 'html' && parts[1] === 'changes') name = parts[2]!.split('__')[0]!;
  else if (parts[0] === 'html') name = parts[2]!.split('__')[1]!;
  else name = parts[parts.length - 1]!.replace(/\.\w+$/, '');
  // OPP-115 pages are named "<id>_<host>": keep the site name.
  if (parts[2]?.startsWith('opp115-2015__')) name = name.replace(/^\d+_(?:www\.)?/, '');
  name = name.replace(/_/g, ' ');
  return name === 'Twitter' || name === 'X' ? 'X (Twitter)' : name;
}

const STOP_EN = /\b(?:the|and|of|to|you|your|we|our|is|are|for|with|that|this|may|not|or)\b/gi;

/** Rough English check: share of very common English words among all words. */
export function looksEnglish(text: string): boolean {
  const words = text.slice(0, 20000).match(/\p{L}+/gu) ?? [];
  if (words.length < 50) return false;
  const hits = text.slice(0, 20000).match(STOP_EN)?.length ?? 0;
  return hits / words.length > 0.12;
}

/**
 * Unit-level language check for documents that mix languages (an English policy with a Romanian section): a
 * unit of eight or more words is not English when it holds at least two common function words of another
 * language and more of them than English ones. Lists of English nouns ("Name, email address, IP address")
 * have no function words of either kind and stay.
 */
export function looksEnglishUnit(text: string): boolean {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []) as string[];
  if (words.length < 8) return true;
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (UNIT_EN.has(w)) en++;
    else if (UNIT_OTHER.has(w)) other++;
  }
  return !(other >= 2 && other > en);
}

const UNIT_EN = new Set(
  'the and of to in on at by for with from as is are be it its you your we our us they their this that these those an or not may will can if when how what which who do does have has such any all about into use'.split(
    ' ',
  ),
);
// French, German, Spanish, Italian, Dutch, Portuguese and Romanian function words that are not English words.
const UNIT_OTHER = new Set(
  'de la le les des et est une du au aux pour dans sur und der die das ist nicht mit für von zu den el los las y para con por del il di che della delle het een van voor niet ou não uma com și sau pentru în este care cu dvs vă să unor sunt'.split(
    ' ',
  ),
);

export function licenceMap(corpus: string): Map<string, string> {
  const rows = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as {
    file: string;
    license: string;
  }[];
  return new Map(rows.map((r) => [r.file, r.license]));
}

/** Which documents to draw from: the training pool, or the OPP-115 2015 pages (evaluation only). */
export type PoolName = 'train' | 'opp115-eval';

/** The pool named by `$FP_POOL` (default: train). */
export function poolFromEnv(env: NodeJS.ProcessEnv = process.env): PoolName {
  return env.FP_POOL === 'opp115-eval' ? 'opp115-eval' : 'train';
}

/** All candidate documents of a pool, with their segmented units. */
export function loadPool(corpus: string, pool: PoolName = 'train'): PoolDoc[] {
  const licences = licenceMap(corpus);
  const paths: string[] = [];
  for (const d of pool === 'train' ? readdirSync(join(corpus, 'versions')).sort() : []) {
    if (d.endsWith('__noise')) continue;
    for (const f of readdirSync(join(corpus, 'versions', d)).sort())
      if (f.endsWith('.md')) paths.push(`versions/${d}/${f}`);
  }
  // The change snapshots (raw HTML captures and the recorded Markdown versions) are more versions of the
  // same policies: labelled like `versions/`, one record per occurrence of a decided text.
  for (const d of pool === 'train' && existsSync(join(corpus, 'html/changes'))
    ? readdirSync(join(corpus, 'html/changes')).sort()
    : []) {
    for (const f of readdirSync(join(corpus, 'html/changes', d)).sort())
      if (/\.(?:md|html)$/.test(f)) paths.push(`html/changes/${d}/${f}`);
  }
  for (const f of readdirSync(join(corpus, 'html/policy')).sort()) {
    const isOpp = f.startsWith('opp115-2015__');
    if (isOpp !== (pool === 'opp115-eval')) continue;
    paths.push(`html/policy/${f}`);
  }
  const docs: PoolDoc[] = [];
  for (const doc of paths) {
    const extractor = extractorFor(doc)!;
    const text = sourceText(readFileSync(join(corpus, doc)), extractor);
    if (!looksEnglish(text)) continue;
    const licence = doc.startsWith('html/policy/opp115-2015__')
      ? 'OPP-115-research'
      : licences.get(doc) === 'ODC-BY-1.0' || !licences.has(doc)
        ? 'ODC-BY-1.0'
        : licences.get(doc)!;
    docs.push({ doc, service: serviceOf(doc), licence, extractor, text, units: segmentUnits(text) });
  }
  return docs;
}

/** Units worth labelling: at least five words of running text. */
export function poolUnits(docs: PoolDoc[]): PoolUnit[] {
  const out: PoolUnit[] = [];
  for (const doc of docs)
    for (const unit of doc.units) {
      const clean = cleanClauseText(doc.text.slice(unit.start, unit.end));
      if (clean.split(/\s+/).length < 5) continue;
      out.push({ doc, unit, clean, hash: clauseHash(doc.text.slice(unit.start, unit.end)) });
    }
  return out;
}
