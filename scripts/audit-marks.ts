/**
 * `npm run -s audit:marks -- [--json] [--sample N]`: every mark worth reading? Runs the CLI's pipeline over
 * every English page of ../shared/corpus/html/policy (as the CLI reads a saved page) and every English ota/
 * privacy policy and terms (as it reads Markdown), and counts what is painted:
 *  - `marked`: clauses with at least one painted label;
 *  - `marked_non_statements`: marked clauses an independent check calls no statement — by the source's own
 *    markup (a heading, a link or button, a navigation element, a table header cell or header row read
 *    whole, one cell of a multi-cell row; words that the page also uses in running text go to the taggers instead), by two
 *    part-of-speech taggers that agree (compromise and wink-nlp: no verb in a sentence or list item, also
 *    when a closed sentence is read in sentence case), or a question. Not the function that filters (lib/extract/statement.ts): its word list is not used here;
 *  - `marked_abbreviation_fragments`: marked clauses cut at an abbreviation inside their block (they end in
 *    one and their block goes on, or the clause before them in the block ends in one), by this script's own
 *    pattern, not the segmenter's list;
 *  - `marked_below_threshold`: painted labels under calibrated probability 0.5 that no rule set;
 *  - `detection`: recall of ota/ privacy policies and terms rendered as pages, and the share of other
 *    document types called one (scripts/ota-detection.ts).
 * `--detection-split` prints only the detection figures per half of the services and per collection.
 * `--by-category` adds the counts per painted label category.
 * `--sample N` audits every N-th document only (CI's corpus test runs a fixed sample; the full audit is this
 * script). Prints JSON with `--json`, a summary otherwise. Clause text is printed only with `--show`, to the
 * terminal, never to a file in the repository.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyzeDocument, analyzeText } from '../lib/pipeline';
import { parseHtml } from './parse-html';
import type { AnalysedClause, PageAnalysis } from '../lib/types';
import { corpusDir } from './corpus';
import { englishPolicyDocuments } from './ota-documents';
import { detectionBySplit, measureOtaDetection } from './ota-detection';

export interface MarksAudit {
  documents: number;
  marked: number;
  marked_non_statements: number;
  marked_abbreviation_fragments: number;
  marked_below_threshold: number;
  detection: { policy_recall: number; other_types_called_policy: number };
  /** With `byCategory`: the same counts per painted label category (a clause counts under each of its labels). */
  by_category?: Record<string, CategoryAudit>;
}

export interface CategoryAudit {
  marked: number;
  non_statements: number;
  fragments: number;
  below_threshold: number;
}

/** Comparable form: letters and digits, lower case. */
const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

interface Structure {
  /** Headings, links, buttons, navigation, header cells, captions: never statements. */
  labels: Set<string>;
  /**
   * Texts that also stand in running text (a paragraph, a list item, one of their sentences): a page may
   * use the same words as a heading and as a list item ("Our Partners"), so markup decides only for texts
   * that occur as a label alone; the others go to the taggers.
   */
  prose: Set<string>;
  /** Single cells of multi-cell rows: label cells unless they hold a verb (a long row is read cell by cell). */
  cells: Set<string>;
}

/** A running text and each of its sentences (split at a stop and a space: rough, and only widens `prose`). */
function addProse(t: string, to: Set<string>): void {
  for (const part of [t, ...t.split(/(?<=[.!?;:]["'\u201d\u2019)]*)\s+/)]) {
    const k = key(part);
    if (k.length >= 2) to.add(k);
  }
}

/**
 * Texts that are not statements by the source's markup. HTML: headings, links, buttons, navigation, header
 * cells; single cells of multi-cell rows. Markdown: heading lines, lines that are one link; single cells.
 * And the running texts (paragraphs, list items not made of one link), where the same words may recur.
 */
function structuralNonStatements(source: string, format: 'html' | 'markdown'): Structure {
  const out = new Set<string>();
  const cells = new Set<string>();
  const prose = new Set<string>();
  const addText = (t: string | null | undefined, to: Set<string> = out) => {
    const k = key(t ?? '');
    if (k.length >= 2) to.add(k);
  };
  if (format === 'html') {
    const doc = parseHtml(source);
    for (const el of doc.querySelectorAll(
      'h1, h2, h3, h4, h5, h6, [role="heading"], a, button, [role="button"], [role="link"], nav, [role="navigation"], th, caption, summary, label',
    ))
      addText(el.textContent);
    for (const tr of doc.querySelectorAll('tr')) {
      const row = [...tr.children].filter((c) => /^T[DH]$/i.test(c.tagName));
      if (row.length >= 2) for (const c of row) addText(c.textContent, cells);
      // A header row read whole ("Purpose | Legal basis") is a label too.
      if (row.length >= 2 && row.every((c) => /^TH$/i.test(c.tagName)))
        addText(row.map((c) => c.textContent ?? '').join(' '));
    }
    for (const el of doc.querySelectorAll('p, li, dd, blockquote')) {
      if (el.closest('h1, h2, h3, h4, h5, h6, nav, a, button, [role="heading"], [role="navigation"]'))
        continue;
      const own = key(el.textContent ?? '');
      if ([...el.querySelectorAll('a, button')].some((a) => key(a.textContent ?? '') === own)) continue;
      addProse((el.textContent ?? '').replace(/\s+/g, ' ').trim(), prose);
    }
    return { labels: out, cells, prose };
  }
  const plain = (t: string) =>
    t
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`\\]/g, '')
      .replace(/^(?:[-*+•]\s+|\d+[.)]\s+)/, '')
      .trim();
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 1) addProse(paragraph.map(plain).join(' '), prose);
    paragraph = [];
  };
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const t = line.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(t);
    if (heading) addText(heading[1]);
    const link = /^(?:[-*+]\s+|\d+[.)]\s+)?\[([^\]]+)\]\([^)]*\)\s*$/.exec(t);
    if (link) addText(link[1]);
    if (!t || heading || t.startsWith('|') || /^[=-]+$/.test(t)) endParagraph();
    else if (!link) {
      addProse(plain(t), prose);
      paragraph.push(t);
    }
    if (t.startsWith('|')) {
      const row = t.replace(/^\||\|$/g, '').split('|');
      if (row.length >= 2) for (const c of row) addText(c.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'), cells);
      // A header row read whole: the row above the separator, or one whose filled cells are all bold.
      const filled = row.map((c) => c.trim()).filter(Boolean);
      const aboveSeparator = /^\|?\s*:?-{3,}/.test(lines[i + 1]?.trim() ?? '');
      if (filled.length >= 2 && (aboveSeparator || filled.every((c) => /^(?:\*\*|__).*(?:\*\*|__)$/.test(c))))
        addText(filled.join(' '));
    }
  });
  endParagraph();
  return { labels: out, cells, prose };
}

/** The second tagger (wink-nlp's English model: its own lexicon and statistics, not compromise's rules). */
const wink = winkNLP(winkModel);

/**
 * The taggers' view: a sentence or list item with no verb (rows read whole need none; a list item is read
 * with the sentence that introduces it, "We collect:" + "your photos"). Two independent taggers must both
 * find no verb: compromise alone tags the verb of many plain statements as a noun ("We support Do Not
 * Track", "Some browsers offer…", "These allow the free transfer…"), wink alone takes some headings for
 * verbs ("Transfer of Data"); where they disagree the unit is not counted as verbless (headings are also
 * caught by the markup check above).
 */
function taggerFindsNoVerb(c: AnalysedClause): boolean {
  if (c.unit === 'cell' && c.text.includes(' | ')) return false;
  const text = c.unit === 'list-item' && c.leadIn ? `${c.leadIn} ${c.text}` : c.text;
  if (taggersFindVerb(text)) return false;
  // Both taggers read a verb between capitalised names as one more name ("Meta Products share information
  // with other Meta Companies:"); a unit closed by a stop or colon, as a sentence is and a heading rarely
  // is, is read again in sentence case.
  return !(/[.:;!]["'\u201d\u2019)]*$/.test(text.trim()) && taggersFindVerb(sentenceCase(text)));
}

function taggersFindVerb(text: string): boolean {
  if (nlp(text).verbs().length > 0) return true;
  const pos = wink.readDoc(text).tokens().out(wink.its.pos) as string[];
  return pos.some((p) => p === 'VERB' || p === 'AUX');
}

/** Every word after the first in lower case, except words in capitals ("EU", "GDPR"). */
function sentenceCase(text: string): string {
  return text.replace(/(?<=\S\s+)\p{Lu}\p{Ll}+/gu, (w) => w.toLowerCase());
}

/** This script's own abbreviation pattern (not the segmenter's list). */
const ABBREVIATION_END =
  /(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Ltd|Corp|Co|Pte|No|Nos|Art|Sec|Mr|Mrs|Ms|Dr|St|Cal|Civ|Jan|Feb|Aug|Sept|Oct|Nov|Dec|etc|vs|cf|approx|incl)\.)$/;

interface DocAudit {
  marked: number;
  nonStatements: string[];
  fragments: string[];
  belowThreshold: number;
  byCategory: Map<string, CategoryAudit>;
}

export function auditAnalysis(a: PageAnalysis, source: string, format: 'html' | 'markdown'): DocAudit {
  const structural = structuralNonStatements(source, format);
  const r: DocAudit = {
    marked: 0,
    nonStatements: [],
    fragments: [],
    belowThreshold: 0,
    byCategory: new Map(),
  };
  const tally = (category: string) => {
    let t = r.byCategory.get(category);
    if (!t) {
      t = { marked: 0, non_statements: 0, fragments: 0, below_threshold: 0 };
      r.byCategory.set(category, t);
    }
    return t;
  };
  const clauses = a.clauses;
  clauses.forEach((c, i) => {
    if (c.labels.length === 0) return;
    r.marked++;
    const why = /\?["'\u201d\u2019)]*$/.test(c.text.trim())
      ? 'question'
      : structural.labels.has(key(c.text)) && !structural.prose.has(key(c.text))
        ? 'markup'
        : taggerFindsNoVerb(c)
          ? structural.cells.has(key(c.text))
            ? 'label cell'
            : 'no verb'
          : null;
    if (why) r.nonStatements.push(`${why}: ${c.text}`);
    const next = clauses[i + 1];
    const prev = clauses[i - 1];
    const cutAfter = next?.block === c.block && ABBREVIATION_END.test(c.text.trim());
    const cutBefore = prev?.block === c.block && ABBREVIATION_END.test(prev.text.trim());
    if (cutAfter || cutBefore) r.fragments.push(c.text);
    for (const l of c.labels) {
      const t = tally(l.category);
      t.marked++;
      if (why) t.non_statements++;
      if (cutAfter || cutBefore) t.fragments++;
      if (l.confidence < 0.5 && !l.evidence.rule) {
        r.belowThreshold++;
        t.below_threshold++;
      }
    }
  });
  return r;
}

export interface AuditOptions {
  /** Audit every n-th document of each set (1: all). */
  every?: number;
  /** Print each finding's clause to stderr (terminal only). */
  show?: boolean;
  /** Add the counts per label category. */
  byCategory?: boolean;
}

export function auditMarks(corpus: string, options: AuditOptions = {}): MarksAudit {
  const every = Math.max(1, options.every ?? 1);
  const totals = { documents: 0, marked: 0, non: 0, fragments: 0, below: 0 };
  const categories = new Map<string, CategoryAudit>();
  const add = (name: string, d: DocAudit) => {
    for (const [category, t] of d.byCategory) {
      const sum = categories.get(category) ?? {
        marked: 0,
        non_statements: 0,
        fragments: 0,
        below_threshold: 0,
      };
      sum.marked += t.marked;
      sum.non_statements += t.non_statements;
      sum.fragments += t.fragments;
      sum.below_threshold += t.below_threshold;
      categories.set(category, sum);
    }
    totals.documents++;
    totals.marked += d.marked;
    totals.non += d.nonStatements.length;
    totals.fragments += d.fragments.length;
    totals.below += d.belowThreshold;
    if (options.show)
      for (const line of [...d.nonStatements, ...d.fragments.map((f) => `fragment: ${f}`)])
        process.stderr.write(`${name}: ${line}\n`);
  };
  const htmlDir = join(corpus, 'html', 'policy');
  readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .filter((_, i) => i % every === 0)
    .forEach((f) => {
      const html = readFileSync(join(htmlDir, f), 'utf8');
      const a = analyzeDocument(parseHtml(html), { url: `file://${join(htmlDir, f)}` });
      if (a.page.language !== 'en' || a.unsupported) return;
      add(f, auditAnalysis(a, html, 'html'));
    });
  englishPolicyDocuments(corpus)
    .filter((_, i) => i % every === 0)
    .forEach((d) => {
      const md = readFileSync(join(corpus, d.file), 'utf8');
      const a = analyzeText(md, { format: 'markdown' });
      if (a.unsupported) return;
      add(d.file, auditAnalysis(a, md, 'markdown'));
    });
  const det = measureOtaDetection(corpus);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    documents: totals.documents,
    marked: totals.marked,
    marked_non_statements: totals.non,
    marked_abbreviation_fragments: totals.fragments,
    marked_below_threshold: totals.below,
    detection: {
      policy_recall: round(det.policiesDetected / det.policies),
      other_types_called_policy: round(det.othersCalledPolicy / det.others),
    },
    ...(options.byCategory
      ? { by_category: Object.fromEntries([...categories].sort(([a], [b]) => a.localeCompare(b))) }
      : {}),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--detection-split')) {
    for (const line of detectionBySplit(corpusDir())) console.log(line);
    return;
  }
  const sampleAt = args.indexOf('--sample');
  const every = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 1;
  const result = auditMarks(corpusDir(), {
    every,
    show: args.includes('--show'),
    byCategory: args.includes('--by-category'),
  });
  if (args.includes('--json')) console.log(JSON.stringify(result));
  else
    console.log(
      `${result.documents} documents, ${result.marked} marked clauses: ${result.marked_non_statements} not statements, ${result.marked_abbreviation_fragments} abbreviation fragments, ${result.marked_below_threshold} labels below 0.5 without a rule; detection: policy recall ${result.detection.policy_recall}, other types called a policy ${result.detection.other_types_called_policy}`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
