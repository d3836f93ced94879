/**
 * The `ota/` documents (Open Terms Archive, four collections) as annotation units: every English document
 * segmented the way the dataset loader reads it (`segmentUnits` over the raw Markdown), each unit with its
 * offsets, hash, heading path, list lead-in, neighbouring sentences and, for table cells, its row and column
 * headers. Used by the candidate pool, the shards and apply-decisions. Holds corpus text in memory only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clauseHash,
  cleanClauseText,
  segmentUnits,
  serviceGroup,
  sourceText,
  type Span,
  type Unit,
} from '../dataset';
import { looksEnglish, looksEnglishUnit } from './corpus-units';
import { sectionOf } from './section';

export const OTA_COLLECTIONS = ['genai-eu', 'pga', 'vlopses-us', 'contrib'] as const;
export type Collection = (typeof OTA_COLLECTIONS)[number];

export interface OtaDoc {
  /** Path relative to the corpus directory. */
  doc: string;
  collection: Collection;
  /** Service folder name as Open Terms Archive spells it (after the manifest's filesystem-safe renaming). */
  service: string;
  group: string;
  /** Document type from the file name ("Privacy Policy", "Terms of Service"…). */
  type: string;
  /** True for a recorded older version in ota/versions/, false for the current text. */
  version: boolean;
  licence: string;
  text: string;
  units: Unit[];
}

export interface OtaUnit {
  doc: OtaDoc;
  /** Index of the unit in `doc.units`. */
  index: number;
  unit: Unit;
  clean: string;
  hash: string;
}

export interface ManifestRow {
  file: string;
  license: string;
  note?: string;
  language?: string;
}

/** Manifest notes that mean the recorded text is not the document (sign-in page, stub). */
const BAD_CAPTURE = /capture problem|near-empty capture/;

/**
 * Every English `ota/` document worth labelling: current texts of the four collections and, with
 * `withVersions`, the recorded older versions in `ota/versions/` (they hold earlier AI wording); without
 * `segment`, `units` stays empty (for callers that only need which documents exist). Documents
 * flagged as bad captures, or not English by the manifest and by {@link looksEnglish}, are left out.
 */
export function loadOtaDocs(corpus: string, withVersions = true, segment = true): OtaDoc[] {
  const meta = manifestRows(corpus);
  const paths: { doc: string; collection: Collection; service: string; type: string; version: boolean }[] =
    [];
  for (const collection of OTA_COLLECTIONS) {
    const dir = join(corpus, 'ota', collection);
    if (!existsSync(dir)) continue;
    for (const service of readdirSync(dir).sort())
      for (const f of readdirSync(join(dir, service)).sort())
        if (f.endsWith('.md'))
          paths.push({
            doc: `ota/${collection}/${service}/${f}`,
            collection,
            service,
            type: f.replace(/\.md$/, ''),
            version: false,
          });
  }
  const vdir = join(corpus, 'ota', 'versions');
  if (withVersions && existsSync(vdir))
    for (const folder of readdirSync(vdir).sort()) {
      const [collection, service, type] = folder.split('__') as [Collection, string, string];
      for (const f of readdirSync(join(vdir, folder)).sort())
        if (f.endsWith('.md'))
          paths.push({ doc: `ota/versions/${folder}/${f}`, collection, service, type, version: true });
    }
  const docs: OtaDoc[] = [];
  for (const p of paths) {
    const row = meta.get(p.doc);
    if (row?.note && BAD_CAPTURE.test(row.note)) continue;
    if (row?.language && row.language !== 'en') continue;
    const doc = makeDoc(corpus, p, row, segment);
    if (looksEnglish(doc.text)) docs.push(doc);
  }
  return docs;
}

function makeDoc(
  corpus: string,
  p: { doc: string; collection: Collection; service: string; type: string; version: boolean },
  row: ManifestRow | undefined,
  segment = true,
): OtaDoc {
  const text = sourceText(readFileSync(join(corpus, p.doc)), 'raw');
  return {
    ...p,
    group: serviceGroup(p.service),
    licence: row?.license ?? 'ODC-BY-1.0',
    text,
    units: segment ? segmentUnits(text) : [],
  };
}

/** One `ota/` document by its corpus path (current text or recorded version), or null when not an ota path. */
export function otaDocAt(corpus: string, doc: string, manifest?: Map<string, ManifestRow>): OtaDoc | null {
  const cur = /^ota\/(genai-eu|pga|vlopses-us|contrib)\/([^/]+)\/([^/]+)\.md$/.exec(doc);
  const ver = /^ota\/versions\/([^/]+)\/[^/]+\.md$/.exec(doc)?.[1]?.split('__');
  const m = cur ? cur.slice(1) : ver?.length === 3 ? ver : null;
  if (!m) return null;
  const meta = manifest ?? manifestRows(corpus);
  return makeDoc(
    corpus,
    { doc, collection: m[0] as Collection, service: m[1]!, type: m[2]!, version: !cur },
    meta.get(doc),
  );
}

export function manifestRows(corpus: string): Map<string, ManifestRow> {
  const rows = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as ManifestRow[];
  return new Map(rows.map((r) => [r.file, r]));
}

/**
 * Units of at least five words (shorter ones are table-of-contents entries and link labels: GUIDE §2), in
 * English (a policy with a section in another language keeps only its English units).
 */
export function otaUnits(doc: OtaDoc): OtaUnit[] {
  const out: OtaUnit[] = [];
  doc.units.forEach((unit, index) => {
    const raw = doc.text.slice(unit.start, unit.end);
    const clean = cleanClauseText(raw);
    if (clean.split(/\s+/).length < 5 || !looksEnglishUnit(clean)) return;
    out.push({ doc, index, unit, clean, hash: clauseHash(raw) });
  });
  return out;
}

/** A unit's id: document, offsets and hash, so a decision can be traced back without the pool file. */
export function unitId(doc: string, start: number, end: number, hash: string): string {
  return `${doc}@${start}-${end}#${hash}`;
}

/** Parse {@link unitId}; null when malformed. */
export function parseUnitId(id: string): { doc: string; start: number; end: number; hash: string } | null {
  const m = /^(.+)@(\d+)-(\d+)#([0-9a-f]{16})$/.exec(id);
  return m ? { doc: m[1]!, start: Number(m[2]), end: Number(m[3]), hash: m[4]! } : null;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Clean text of a span, clipped. */
export function spanText(text: string, s: Span | undefined, max = 400): string | undefined {
  return s ? clip(cleanClauseText(text.slice(s.start, s.end)), max) : undefined;
}

/** What an annotator reads around a unit (GUIDE §2): section, lead-in, neighbours, table headers. */
export interface UnitContext {
  section: string;
  leadIn?: string;
  prev?: string;
  next?: string;
  /** For a table cell: the first cell of its row (when the unit is not that cell) and its column's header. */
  rowHeader?: string;
  columnHeader?: string;
}

export function unitContext(u: OtaUnit): UnitContext {
  const { doc, index, unit } = u;
  const ctx: UnitContext = { section: sectionOf(unit.headingPath) };
  const leadIn = spanText(doc.text, unit.leadIn);
  if (leadIn) ctx.leadIn = leadIn;
  const prev = spanText(doc.text, doc.units[index - 1], 300);
  const next = spanText(doc.text, doc.units[index + 1], 300);
  if (prev) ctx.prev = prev;
  if (next) ctx.next = next;
  if (unit.kind === 'cell') Object.assign(ctx, tableHeaders(doc.text, unit));
  return ctx;
}

/** Cells of one Markdown table line as offsets into the text (outer pipes dropped, `\|` kept). */
function cellsOf(text: string, lineStart: number, lineEnd: number): Span[] {
  const cells: Span[] = [];
  let start = lineStart;
  for (let k = lineStart; k <= lineEnd; k++) {
    if (k === lineEnd || (text[k] === '|' && text[k - 1] !== '\\')) {
      cells.push({ start, end: k });
      start = k + 1;
    }
  }
  if (cells.length && !text.slice(cells[0]!.start, cells[0]!.end).trim()) cells.shift();
  if (cells.length && !text.slice(cells.at(-1)!.start, cells.at(-1)!.end).trim()) cells.pop();
  return cells;
}

const SEP = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Row header and column header of a table-cell unit, read from the Markdown table around it. */
export function tableHeaders(text: string, unit: Span): { rowHeader?: string; columnHeader?: string } {
  const lineStart = text.lastIndexOf('\n', unit.start - 1) + 1;
  const nl = text.indexOf('\n', unit.start);
  const lineEnd = nl === -1 ? text.length : nl;
  const cells = cellsOf(text, lineStart, lineEnd);
  const col = cells.findIndex((c) => unit.start >= c.start && unit.start <= c.end);
  const out: { rowHeader?: string; columnHeader?: string } = {};
  if (col > 0) out.rowHeader = clip(cleanClauseText(text.slice(cells[0]!.start, cells[0]!.end)), 200);
  // Walk up to the separator line; the line above it is the header row.
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!line.trim().startsWith('|')) break;
    if (SEP.test(line)) {
      const hEnd = start - 1;
      const hStart = text.lastIndexOf('\n', hEnd - 1) + 1;
      const header = cellsOf(text, hStart, hEnd);
      if (col >= 0 && header[col] && hEnd > hStart && !(hStart <= unit.start && unit.start <= hEnd)) {
        const h = cleanClauseText(text.slice(header[col]!.start, header[col]!.end));
        if (h) out.columnHeader = clip(h, 200);
      }
      break;
    }
    end = start - 1;
  }
  return out;
}
