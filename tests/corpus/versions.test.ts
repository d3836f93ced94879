/**
 * Corpus report for change detection on consecutive OTA versions (`versions/<doc>/*.md`) and the expected
 * AI-training wording changes (`labels/derived_unverified/ai_training_sentence_changes_from_OTA.jsonl`, candidate
 * data, reported per item). Reads the corpus in place; no corpus text is stored in the repo.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { analyzeText } from '../../lib/pipeline';
import { diffClauses, fingerprintClauses } from '../../lib/diff';
import { looksLikeCaptureError } from '../../lib/recheck';
import { foldText, tokens } from '../../lib/diff/normalise';
import type { AnalysedClause, ClauseDiff, PageAnalysis } from '../../lib/types';
import { CORPUS, describeCorpus } from '../support/corpus';

interface AiItem {
  change: 'added' | 'removed';
  sentence: string;
  old_file: string;
  new_file: string;
}

const analyses = new Map<string, PageAnalysis>();
function analyse(path: string): PageAnalysis {
  let a = analyses.get(path);
  if (!a) {
    a = analyzeText(readFileSync(join(CORPUS, path), 'utf8'), { format: 'markdown' });
    analyses.set(path, a);
  }
  return a;
}

const words = new Map<string, string>();
/** Folded text with Markdown syntax removed; punctuation kept, since "develop, and" → "develop and" is an edit. */
const flat = (text: string) => foldText(plainSentence(text)).replace(/\s+/g, ' ');
/** The whole file, flattened. */
function wordsOf(path: string): string {
  let w = words.get(path);
  if (w === undefined) {
    w = flat(readFileSync(join(CORPUS, path), 'utf8'));
    words.set(path, w);
  }
  return w;
}

const diffs = new Map<string, ClauseDiff>();
function diffFiles(oldFile: string, newFile: string): ClauseDiff {
  const key = `${oldFile} → ${newFile}`;
  let d = diffs.get(key);
  if (!d) {
    d = diffClauses(analyse(oldFile).clauses, analyse(newFile).clauses);
    diffs.set(key, d);
  }
  return d;
}

/** Markdown syntax out of a candidate sentence (links keep their text), so it compares with extracted clauses. */
function plainSentence(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[*_|`#>]+/g, ' ');
}

/**
 * Does the diff show this wording on the expected side? True when some clause on that side contains at least 60%
 * of the sentence's words, or the sentence was split by segmentation and a long fragment (≥ 5 words) of it is there.
 */
function showsInDiff(item: AiItem, d: ClauseDiff): AnalysedClause | null {
  const pool =
    item.change === 'added'
      ? [...d.added, ...d.modified.map((m) => m.after)]
      : [...d.removed, ...d.modified.map((m) => m.before)];
  const s = new Set(tokens(plainSentence(item.sentence)));
  let best: AnalysedClause | null = null;
  let bestScore = 0;
  const overlap = (text: string): number => {
    const ct = new Set(tokens(text));
    let shared = 0;
    for (const t of s) if (ct.has(t)) shared++;
    return Math.max(shared / s.size, ct.size >= 5 ? (shared / ct.size) * 0.6 : 0);
  };
  for (const c of pool) {
    // A new section's heading is no clause of its own: it shows in the diff as the heading of its new clauses.
    const score = Math.max(overlap(c.text), ...c.headingPath.map((h) => (overlap(h) >= 0.9 ? 1 : 0)));
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return bestScore >= 0.6 ? best : null;
}

describeCorpus('corpus: consecutive policy versions', () => {
  const docs = readdirSync(join(CORPUS, 'versions')).sort();
  const pairs: { doc: string; oldFile: string; newFile: string; noise: boolean }[] = [];
  for (const doc of docs) {
    const files = readdirSync(join(CORPUS, 'versions', doc))
      .filter((f) => f.endsWith('.md'))
      .sort();
    for (let i = 1; i < files.length; i++) {
      pairs.push({
        doc,
        oldFile: `versions/${doc}/${files[i - 1]}`,
        newFile: `versions/${doc}/${files[i]}`,
        noise: doc.endsWith('__noise'),
      });
    }
  }
  const items: AiItem[] = readFileSync(
    join(CORPUS, 'labels/derived_unverified/ai_training_sentence_changes_from_OTA.jsonl'),
    'utf8',
  )
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AiItem);

  beforeAll(() => {
    for (const p of pairs) diffFiles(p.oldFile, p.newFile);
  });

  it('detects every real version change (new fingerprint and a non-empty clause diff)', () => {
    const rows = pairs
      .filter((p) => !p.noise)
      .map((p) => {
        const d = diffFiles(p.oldFile, p.newFile);
        const newHash =
          fingerprintClauses(analyse(p.oldFile).clauses) !== fingerprintClauses(analyse(p.newFile).clauses);
        const ai = d.categories['ai-training'];
        return {
          pair: `${p.doc} ${p.oldFile.split('/')[2]!.slice(0, 10)}→${p.newFile.split('/')[2]!.slice(0, 10)}`,
          newHash,
          changed: d.changed,
          added: d.added.length,
          removed: d.removed.length,
          modified: d.modified.length,
          ai: ai ? `+${ai.added}/-${ai.removed}` : '',
        };
      });
    console.table(rows);
    console.log(
      `[versions] real pairs: ${rows.length}; detected: ${rows.filter((r) => r.newHash && r.changed).length}`,
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !(r.newHash && r.changed))).toEqual([]);
  });

  it('reports the __noise captures (artefacts) separately', () => {
    const rows = pairs
      .filter((p) => p.noise)
      .map((p) => {
        const d = diffFiles(p.oldFile, p.newFile);
        return {
          pair: `${p.doc} ${p.oldFile.split('/')[2]!.slice(0, 10)}→${p.newFile.split('/')[2]!.slice(0, 10)}`,
          clausesBefore: analyse(p.oldFile).clauses.length,
          clausesAfter: analyse(p.newFile).clauses.length,
          changed: d.changed,
          // What the extension does with such a capture: an error page is kept out of the history.
          keptOutAsErrorPage: looksLikeCaptureError(
            analyse(p.oldFile).clauses.length,
            analyse(p.newFile).clauses.length,
          ),
        };
      });
    console.table(rows);
    expect(rows.length).toBeGreaterThan(0);
    // The capture that recorded an error page as a version is not stored by the extension.
    expect(rows.filter((r) => r.clausesAfter < r.clausesBefore / 4).every((r) => r.keptOutAsErrorPage)).toBe(
      true,
    );
  });

  it('shows each expected AI-training wording change in the clause diff (per item)', () => {
    const rows = items.map((item, i) => {
      const d = diffFiles(item.old_file, item.new_file);
      const hit = showsInDiff(item, d);
      const side = item.change === 'added' ? 'added' : 'removed';
      // The candidate list was made by a regex over Markdown lines: an emphasis-only edit shows there as a
      // removal plus an addition. When the words are in both versions, the right outcome is NO change.
      const words = flat(item.sentence);
      const inOld = wordsOf(item.old_file).includes(words);
      const inNew = wordsOf(item.new_file).includes(words);
      return {
        item: i,
        doc: item.new_file.split('/')[1],
        change: item.change,
        wordingChanged: !(inOld && inNew),
        inDiff: !!hit,
        clauseLabelledAi: !!hit?.labels.some((l) => l.category === 'ai-training'),
        summaryShowsAi: (d.categories['ai-training']?.[side] ?? 0) > 0,
        summaryShowsAiAny:
          (d.categories['ai-training']?.[side] ?? 0) + (d.categories['ai-training']?.modified ?? 0) > 0,
      };
    });
    console.table(rows);
    const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
    console.log(
      `[versions] AI items: ${rows.length}; wording in clause diff: ${count((r) => r.inDiff)}; ` +
        `matched clause labelled ai-training: ${count((r) => r.clauseLabelledAi)}; ` +
        `document summary shows ai-training in that direction: ${count((r) => r.summaryShowsAi)}; ` +
        `…or as an edited ai-training clause: ${count((r) => r.summaryShowsAiAny)}`,
    );
    console.log(
      '[versions] AI items not found in the clause diff:',
      rows
        .filter((r) => !r.inDiff)
        .map((r) => `#${r.item} ${r.doc} ${r.change} wordingChanged=${r.wordingChanged}`),
    );
    // Every real wording change must be visible in the clause diff (the diff's job alone), and a candidate whose
    // words are in both versions (formatting-only) must not be reported.
    expect(rows.filter((r) => r.wordingChanged !== r.inDiff).map((r) => r.item)).toEqual([]);
  });
});
