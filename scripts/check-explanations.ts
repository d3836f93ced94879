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
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForId } from '../lib/extract';
import { analyzeText } from '../lib/pipeline';
import { corpusDir } from './corpus';
import { englishOtaDocuments, isBadCapture, POLICY_TYPES } from './ota-documents';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const CHECKS = join(ROOT, 'data/checks/explanations-v1.jsonl');
const SEED = 'explanation check v1';
const SERVICES = 20;
const PER_SERVICE = 8;

const h = (s: string) => createHash('sha256').update(s).digest('hex');

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

/** The labels to check: services and labels picked by hash of a fixed seed, never by looking at them. */
export function sample(corpus: string): Sampled[] {
  const docs = englishOtaDocuments(corpus).filter((d) => POLICY_TYPES.has(d.type) && !isBadCapture(d));
  const services = [...new Set(docs.map((d) => d.service))]
    .sort((a, b) => h(`${SEED}:${a}`).localeCompare(h(`${SEED}:${b}`)))
    .slice(0, SERVICES);
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
    out.push(...labels.slice(0, PER_SERVICE));
  }
  return out;
}

function main(): void {
  const [cmd, file] = process.argv.slice(2);
  const corpus = corpusDir();
  if (cmd === 'sample') {
    sample(corpus).forEach((s, i) => {
      console.log(
        `#${i} ${s.service} | ${s.category} ${s.stance}\n  TEXT: ${s.text.slice(0, 400)}\n  EXPL: ${s.explanation}\n  SLOTS: ${JSON.stringify(s.slots)}`,
      );
    });
  } else if (cmd === 'record' && file) {
    const items = sample(corpus);
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
          by: 'explanation check v1, pass A',
        }),
      );
    }
    writeFileSync(CHECKS, `${lines.join('\n')}\n`);
    console.log(`${lines.length} checks written to ${CHECKS}`);
  } else if (cmd === 'score') {
    const rows = readFileSync(CHECKS, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const services = new Set(rows.map((r) => String(r.doc).split('/')[2])).size;
    const share = (k: string) => rows.filter((r) => r[k] === true).length;
    console.log(
      `${rows.length} labels from ${services} services: label ${share('label_ok')}/${rows.length}, explanation ${share('explanation_ok')}/${rows.length}, slots ${share('slots_ok')}/${rows.length}`,
    );
  } else console.log('usage: check-explanations sample | record <verdicts.tsv> | score');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
